package dev.sereno.cli;

import dev.sereno.cli.scenario.Expectations;
import dev.sereno.cli.scenario.Scenario;
import dev.sereno.cli.scenario.ScenarioFiles;
import dev.sereno.cli.scenario.ScenarioResult;
import dev.sereno.cli.scenario.ScenarioRunner;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.situation.Language;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs a policy's scenarios and says which pass.",
                "A scenario (DIR/scenarios/**/*.json|yaml) is a situation plus what its advice must say.",
                "Prints pass/fail per scenario, expected against actual for a failure, and which rules never fired or",
                "never stayed quiet. Without DIR, runs the bundled policy's own scenarios. With DIR, the folder goes on",
                "top of the bundled policy and the bundled scenarios run too, so you see whether it changes what the",
                "default policy already does; with --replace, the folder and its scenarios alone.",
                "Exit 0: every scenario passed. 1: some failed or the policy is invalid. 2: DIR does not exist."})
final class TestCommand implements Callable<Integer> {
    /** How a bundled scenario is named when it runs beside a folder's own. */
    static final String BUNDLED_PREFIX = "(bundled) ";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The policy folder; the bundled policy when absent.")
    Path dir;

    @Option(names = "--lang", paramLabel = "en|es", converter = Languages.class,
            description = "The language of the problems found in the rules: en (default) or es.")
    Language lang = Language.EN;

    @Option(names = "--replace", description = "Test the folder alone, as a policy that replaces the bundled one, with its own scenarios only.")
    boolean replace;

    @Option(names = "--extend", description = "Test the folder on top of the bundled policy, with the bundled scenarios (the default).")
    boolean extend;

    @Option(names = "--coverage", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Print the rule coverage table (default: on).")
    boolean coverage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSource source;
        try {
            source = PolicyChoice.source(dir, extend, replace);
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        ScenarioFiles files = new ScenarioFiles();
        List<Scenario> own = dir == null ? files.bundled(TestCommand.class.getClassLoader(), "") : files.inFolder(dir);
        if (own.isEmpty()) {
            err.println((dir == null ? "the bundled policy" : dir.toString())
                    + " has no scenarios: add scenarios/*.yaml or *.json files, each a situation and the guidance expected");
            return Main.FAILED;
        }
        List<Scenario> scenarios = new ArrayList<>(own);
        if (dir != null && !replace) {
            scenarios.addAll(files.bundled(TestCommand.class.getClassLoader(), BUNDLED_PREFIX));
        }
        try (Advisor advisor = Advisor.builder().rules(source).build()) {
            ScenarioRunner.Report report = new ScenarioRunner(advisor).run(scenarios);
            int failed = 0;
            for (ScenarioResult r : report.results()) {
                if (r.passed()) {
                    out.println("PASS  " + r.scenario().name());
                } else {
                    failed++;
                    printFailure(out, r);
                }
            }
            if (coverage) {
                printCoverage(out, report);
            }
            out.println();
            out.println((report.results().size() - failed) + " passed, " + failed + " failed");
            return failed == 0 ? Main.OK : Main.FAILED;
        } catch (RulesInvalidException e) {
            e.problems(lang).forEach(err::println);
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + " in the policy: no scenario was run");
            return Main.FAILED;
        }
    }

    private static void printFailure(PrintWriter out, ScenarioResult r) {
        Scenario s = r.scenario();
        out.println("FAIL  " + s.name() + (s.name().equals(s.file()) ? "" : "  (" + s.file() + ")"));
        s.problems().forEach(p -> out.println("        " + p));
        if (r.error() != null) {
            out.println("        " + r.error());
        }
        if (!r.missing().isEmpty()) {
            out.println("        expected but missing: " + String.join(", ", r.missing()));
        }
        if (!r.unexpected().isEmpty()) {
            out.println("        present but expected absent: " + String.join(", ", r.unexpected()));
        }
        for (Expectations.Mismatch m : r.mismatches()) {
            out.println("        " + m.what() + ":");
            printLines(out, "expected", m.expected());
            printLines(out, "actual", m.actual());
        }
        if (!r.missing().isEmpty() || !r.unexpected().isEmpty() || !r.mismatches().isEmpty()) {
            out.println("        rules fired: " + (r.rulesFired().isEmpty() ? "none" : String.join("; ", new TreeSet<>(r.rulesFired()))));
        }
    }

    private static void printLines(PrintWriter out, String label, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            out.println(String.format("          %-9s %s", i == 0 ? label : "", lines.get(i)));
        }
    }

    /** Rules that need a scenario come first, so an author sees them without scrolling. */
    private static void printCoverage(PrintWriter out, ScenarioRunner.Report report) {
        List<ScenarioRunner.Coverage> rows = new ArrayList<>(report.coverage());
        rows.sort(Comparator.comparingInt(TestCommand::attention).thenComparing(ScenarioRunner.Coverage::rule));
        int width = Math.max(4, rows.stream().mapToInt(c -> c.rule().length()).max().orElse(4));
        out.println();
        out.println(String.format("%-" + width + "s  %6s  %6s", "rule", "fired", "quiet"));
        for (ScenarioRunner.Coverage c : rows) {
            String mark = c.fired() == 0 ? "  never fired" : c.quiet() == 0 ? "  never quiet" : "";
            out.println(String.format("%-" + width + "s  %6d  %6d%s", c.rule(), c.fired(), c.quiet(), mark));
        }
        out.println();
        out.println("rules: " + report.coverage().size() + ", never fired: " + report.neverFired().size()
                + ", never stayed quiet: " + report.neverQuiet().size());
    }

    private static int attention(ScenarioRunner.Coverage c) {
        return c.fired() == 0 ? 0 : c.quiet() == 0 ? 1 : 2;
    }
}
