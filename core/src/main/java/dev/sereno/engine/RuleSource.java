package dev.sereno.engine;

import dev.sereno.engine.internal.PolicyOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where an {@link Advisor}'s policy comes from: the DRL rules plus the data that goes with them, laid out as in
 * the {@code sereno-rules} jar under {@code dev/sereno/rules/}:
 *
 * <pre>
 *   *.drl                     the rules (package dev.sereno.rules)
 *   policy.properties         policy parameters (thresholds); absent keys keep their documented defaults
 *   phrases/es.phrases        phrase lists per locale (es, en)
 *   messages/es.properties    what the advice says, per locale
 * </pre>
 */
public final class RuleSource {
    private final PolicyOrigin origin;

    private RuleSource(PolicyOrigin origin) {
        this.origin = origin;
    }

    /** The default policy: the kjar on the class path of Sereno's own class loader (the sereno-rules jar). */
    public static RuleSource classpath() {
        return classpath(RuleSource.class.getClassLoader());
    }

    /** A policy compiled into a kjar that {@code loader} finds. */
    public static RuleSource classpath(ClassLoader loader) {
        return new RuleSource(PolicyOrigin.classpath(Objects.requireNonNull(loader, "loader")));
    }

    /** A folder laid out as above; its DRL is compiled (executable model) when the Advisor is built. */
    public static RuleSource directory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("rule folder " + dir + " does not exist or is not a folder");
        }
        return new RuleSource(PolicyOrigin.directory(dir));
    }

    /**
     * The default policy extended by a folder laid out as above: a DRL file of the same name replaces the bundled
     * one, other DRL files are added, phrase lists add up, and messages and parameters in the folder override the
     * bundled ones key by key. Compiled when the Advisor is built.
     */
    public static RuleSource defaultPolicyWith(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("rule folder " + dir + " does not exist or is not a folder");
        }
        return new RuleSource(PolicyOrigin.layered(PolicyOrigin.classpath(RuleSource.class.getClassLoader()),
                PolicyOrigin.directory(dir)));
    }

    /**
     * Policy files held in memory, keyed by their path in the layout above ({@code "escalate.drl"},
     * {@code "phrases/en.phrases"}…), compiled when the Advisor is built. For tests and generated policies.
     */
    public static RuleSource files(Map<String, String> files) {
        return new RuleSource(PolicyOrigin.memory(files));
    }

    PolicyOrigin origin() {
        return origin;
    }

    @Override
    public String toString() {
        return origin.toString();
    }
}
