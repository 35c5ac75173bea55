package dev.sereno.cli;

import dev.sereno.cli.http.ServedPolicy;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.PolicyListener;
import dev.sereno.engine.RuleSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which policy a command runs: the bundled one, or a policy folder on top of it (the default), or a folder alone
 * ({@code --replace}). Extending is the default so that a folder holding only a house rule or two never silently
 * drops the bundled policy.
 */
final class PolicyChoice {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "A policy folder (DRL, phrases/, messages/, policy.properties), added to the bundled policy.")
    Path rules;

    @Option(names = "--replace", description = "With --rules: use the folder alone, without the bundled policy.")
    boolean replace;

    @Option(names = "--extend", description = "With --rules: the bundled policy plus the folder (the default).")
    boolean extend;

    @Option(names = "--examples", description = "Read the draft with the examples reader too "
            + "(docs/examples-reader.md), learned from the bundled examples/xx.examples and the --rules folder's: "
            + "now the default, unless the policy's examples-reader=off.")
    boolean examples;

    @Option(names = "--no-examples", description = "Read the draft with the phrase lists alone, without the "
            + "examples reader, whatever the policy's examples-reader says.")
    boolean noExamples;

    /** How long one call may take, set by the commands that offer --deadline; null for no limit. */
    java.time.Duration deadline;

    RuleSource source() {
        return source(rules, extend, replace);
    }

    ServedPolicy.Mode mode() {
        return mode(rules, replace);
    }

    static ServedPolicy.Mode mode(Path dir, boolean replace) {
        return dir == null ? ServedPolicy.Mode.BUNDLED : replace ? ServedPolicy.Mode.REPLACE : ServedPolicy.Mode.EXTEND;
    }

    /** The folder on top of the bundled policy, or alone with {@code replace}; the bundled policy without a folder. */
    static RuleSource source(Path dir, boolean extend, boolean replace) {
        if (extend && replace) {
            throw new BadInput("--extend and --replace contradict each other: the folder either goes on top of the "
                    + "bundled policy (the default) or replaces it");
        }
        if (dir == null) {
            if (replace) {
                throw new BadInput("--replace needs a policy folder: the bundled policy cannot replace itself");
            }
            return RuleSource.classpath();
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInput(dir + ": no such folder");
        }
        return replace ? RuleSource.directory(dir) : RuleSource.defaultPolicyWith(dir);
    }

    Advisor advisor() {
        // --examples asks for what the bundled policy does anyway
        return rules == null && !replace && !extend && deadline == null && !noExamples ? PolicyLoading.bundled()
                : builder().build();
    }

    private Advisor.Builder builder() {
        if (examples && noExamples) {
            throw new BadInput("--examples and --no-examples contradict each other: the examples reader either reads "
                    + "the draft (the default) or does not");
        }
        Advisor.Builder b = Advisor.builder().rules(source());
        if (rules != null) {
            checkExamples(rules);
        }
        // the examples reader is part of the policy's own reading (examples-reader in policy.properties): these
        // options only overrule it
        if (examples || noExamples) {
            b.examplesReader(examples);
        }
        return deadline == null ? b : b.deadline(deadline);
    }

    /**
     * The folder's examples/xx.examples, read before the policy is: a bad line is bad input (exit 2), named by
     * file:line, as when --examples read them itself; the policy would report it among its problems.
     */
    private static void checkExamples(Path folder) {
        for (dev.sereno.situation.Language language : dev.sereno.situation.Language.values()) {
            Path file = folder.resolve("examples").resolve(language.code() + ".examples");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (java.io.Reader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                dev.sereno.text.Examples.read(r, file.toString());
            } catch (dev.sereno.text.LexiconFormatException e) {
                throw new BadInput(String.join("\n", e.problems()));
            } catch (java.io.IOException e) {
                throw new BadInput(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
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

    /**
     * The Advisor to serve and what it serves; with {@code watch}, reloading the folder on change. {@code listener}
     * hears every call and {@code reloads} every reload (the serve command's meters).
     */
    Served served(boolean watch, PrintWriter err, dev.sereno.engine.AdvisorListener listener, PolicyListener reloads) {
        ServedPolicy served = new ServedPolicy(mode(), rules, Clock.systemUTC());
        if (!watch) {
            return new Served(builder().listener(listener).build(), served);
        }
        if (rules == null) {
            throw new BadInput("--watch needs --rules DIR: the bundled policy cannot change while running");
        }
        Advisor advisor = builder().listener(listener).reloadOnChange(new PolicyListener() {
            @Override
            public void onReloaded(String previousRevision, String newRevision) {
                served.onReloaded(previousRevision, newRevision);
                err.println("sereno: policy " + newRevision + " now serving (was " + previousRevision + ")");
                err.flush();
                reloads.onReloaded(previousRevision, newRevision);
            }

            @Override
            public void onReloadFailed(String keptRevision, List<String> problems) {
                served.onReloadFailed(keptRevision, problems);
                err.println("sereno: policy change rejected, still serving " + keptRevision + ":");
                problems.forEach(p -> err.println("  " + p));
                err.flush();
                reloads.onReloadFailed(keptRevision, problems);
            }
        }).build();
        return new Served(advisor, served);
    }

    record Served(Advisor advisor, ServedPolicy description) {
        Served {
            description.serving(advisor);
        }
    }

    /** A user error found before any work: reported on one line, exit 2. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
