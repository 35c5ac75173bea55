package dev.sereno.cli;

import dev.sereno.cli.eval.Corpus;
import dev.sereno.cli.eval.Evaluation;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RulesInvalidException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures how well a policy reads drafts, on a labelled corpus of drafts.",
                "Prints precision and recall per kind of finding, for the whole corpus, the part lists may be",
                "tuned on (tune) and the part they never are (heldout), and how many good replies were blocked.",
                "Exit 0: measured (with --check: and the bar met). 1: --check and the bar not met. 2: bad input."})
final class EvalCommand implements Callable<Integer> {
    /** The bar the build holds the bundled policy to. */
    static final double BLOCKING_RECALL = 0.95;
    static final double CAUTION_RECALL = 0.85;
    static final double MAX_GOOD_BLOCKED = 0.01;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The corpus folder: kinds.properties, situation.json, drafts/*.jsonl.")
    Path dir;

    @Mixin
    PolicyChoice policy;

    @Option(names = "--misses", description = "Also list every draft the policy got wrong, with the warnings it gave.")
    boolean misses;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "all",
            description = "With --misses: which drafts to list: all, tune or heldout (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--check", description = "Fail (exit 1) when recall of a BLOCKING kind is under 0.95, "
            + "of a CAUTION kind under 0.85, or more than 1 %% of good replies are blocked, on the whole corpus.")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Evaluation.SPLITS.contains(split)) {
            err.println("--split: \"" + split + "\" is not one of all, tune, heldout");
            return Main.BAD_INPUT;
        }
        Corpus corpus;
        try {
            corpus = Corpus.read(dir);
        } catch (Corpus.BadCorpus e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        try (Advisor advisor = policy.advisor()) {
            Evaluation e = Evaluation.run(corpus, advisor);
            out.print(e.table());
            if (misses) {
                for (Evaluation.Miss m : e.misses()) {
                    if (split.equals("all") || m.c().split().equals(split)) {
                        out.println((m.missed() ? "missed  " : "flagged ") + m.kind() + "  " + m.c().id() + "  "
                                + m.c().draft() + "  →  " + m.codes());
                    }
                }
            }
            if (check) {
                List<String> short_ = e.shortfalls("all", BLOCKING_RECALL, CAUTION_RECALL, MAX_GOOD_BLOCKED);
                short_.forEach(s -> err.println("below the bar: " + s));
                return short_.isEmpty() ? Main.OK : Main.FAILED;
            }
            return Main.OK;
        } catch (RulesInvalidException e) {
            e.problems().forEach(err::println);
            return Main.FAILED;
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (dev.sereno.situation.InvalidSituationException e) {
            err.println("situation.json with a draft of the corpus is not a valid situation:");
            e.problems().forEach(p -> err.println("  " + p));
            return Main.BAD_INPUT;
        }
    }
}
