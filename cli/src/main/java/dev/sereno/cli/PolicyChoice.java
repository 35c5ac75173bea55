package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which policy a command runs: the bundled one, a policy folder, or a folder extending the bundled policy. */
final class PolicyChoice {
    @Option(names = "--rules", paramLabel = "DIR", description = "A policy folder (DRL, phrases/, messages/, policy.properties) instead of the bundled policy.")
    Path rules;

    @Option(names = "--extend", description = "With --rules: add the folder to the bundled policy instead of replacing it.")
    boolean extend;

    /** How long one call may take, set by the commands that offer --deadline; null for no limit. */
    java.time.Duration deadline;

    RuleSource source() {
        return source(rules, extend);
    }

    static RuleSource source(Path dir, boolean extend) {
        if (dir == null) {
            return RuleSource.classpath();
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInput(dir + ": no such folder");
        }
        return extend ? RuleSource.defaultPolicyWith(dir) : RuleSource.directory(dir);
    }

    Advisor advisor() {
        return builder().build();
    }

    private Advisor.Builder builder() {
        Advisor.Builder b = Advisor.builder().rules(source());
        return deadline == null ? b : b.deadline(deadline);
    }

    /** The --deadline option in milliseconds: 0 turns it off. */
    static java.time.Duration deadline(long millis) {
        if (millis < 0) {
            throw new BadInput("--deadline must be 0 (none) or a number of milliseconds, was " + millis);
        }
        return millis == 0 ? null : java.time.Duration.ofMillis(millis);
    }

    /** An Advisor whose calls {@code listener} hears (the serve command's meters). */
    Advisor advisor(dev.sereno.engine.AdvisorListener listener) {
        return builder().listener(listener).build();
    }

    /** An Advisor that reloads the --rules folder on change, reporting each outcome on {@code err}. */
    Advisor watchingAdvisor(java.io.PrintWriter err) {
        return watchingAdvisor(err, new dev.sereno.engine.AdvisorListener() { }, new dev.sereno.engine.PolicyListener() { });
    }

    /** As {@link #watchingAdvisor(java.io.PrintWriter)}, with {@code listener} hearing calls and {@code reloads} each reload too. */
    Advisor watchingAdvisor(java.io.PrintWriter err, dev.sereno.engine.AdvisorListener listener,
                            dev.sereno.engine.PolicyListener reloads) {
        if (rules == null) {
            throw new BadInput("--watch needs --rules DIR: the bundled policy cannot change while running");
        }
        return builder().listener(listener).reloadOnChange(new dev.sereno.engine.PolicyListener() {
            @Override
            public void onReloaded(String previousRevision, String newRevision) {
                err.println("sereno: policy " + newRevision + " now serving (was " + previousRevision + ")");
                err.flush();
                reloads.onReloaded(previousRevision, newRevision);
            }

            @Override
            public void onReloadFailed(String keptRevision, java.util.List<String> problems) {
                err.println("sereno: policy change rejected, still serving " + keptRevision + ":");
                problems.forEach(p -> err.println("  " + p));
                err.flush();
                reloads.onReloadFailed(keptRevision, problems);
            }
        }).build();
    }

    /** A user error found before any work: reported on one line, exit 2. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
