package dev.sereno.spring;

import dev.sereno.engine.Advisor;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code sereno.*} properties of the shared {@link Advisor}. */
@ConfigurationProperties("sereno")
public class SerenoProperties {
    /** Whether to configure the shared Advisor at all. */
    private boolean enabled = true;

    /** Rule firings one call may take before it is stopped as a loop. */
    private int maxFiringsPerCall = Advisor.DEFAULT_MAX_FIRINGS;

    private final Rules rules = new Rules();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getMaxFiringsPerCall() {
        return maxFiringsPerCall;
    }

    public void setMaxFiringsPerCall(int maxFiringsPerCall) {
        this.maxFiringsPerCall = maxFiringsPerCall;
    }

    public Rules getRules() {
        return rules;
    }

    /** Which policy the Advisor serves. */
    public static class Rules {
        /**
         * A policy folder (DRL, phrases/, messages/, policy.properties) to serve instead of the bundled policy. Unset:
         * the bundled policy of the sereno-rules jar.
         */
        private Path folder;

        /** With a folder: add it to the bundled policy instead of replacing it. */
        private boolean extend;

        /**
         * With a folder: reload it when its files change. A change is swapped in only when it passes check;
         * otherwise the last good revision keeps serving and the health indicator reports DOWN with the problems.
         */
        private boolean watch;

        public Path getFolder() {
            return folder;
        }

        public void setFolder(Path folder) {
            this.folder = folder;
        }

        public boolean isExtend() {
            return extend;
        }

        public void setExtend(boolean extend) {
            this.extend = extend;
        }

        public boolean isWatch() {
            return watch;
        }

        public void setWatch(boolean watch) {
            this.watch = watch;
        }
    }
}
