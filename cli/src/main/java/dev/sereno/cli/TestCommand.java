package dev.sereno.cli;

import dev.sereno.cli.scenario.Scenario;
import dev.sereno.cli.scenario.ScenarioReader;
import dev.sereno.cli.scenario.ScenarioResult;
import dev.sereno.cli.scenario.ScenarioRunner;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.engine.internal.ClasspathContainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs a policy's scenarios (DIR/scenarios/*.json|yaml: a situation plus the guidance ids",
                "expected present and absent), prints pass/fail per scenario and which rules never fired or never",
                "stayed quiet. Without DIR, runs the bundled policy's own scenarios.",
                "Exit 0: every scenario passed. 1: some failed or the policy is invalid. 2: DIR does not exist."})
final class TestCommand implements Callable<Integer> {
    private static final String BUNDLED = "dev/sereno/rules/";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The policy folder; the bundled policy when absent.")
    Path dir;

    @Option(names = "--extend", description = "Test the folder as an extension of the bundled policy.")
    boolean extend;

    @Option(names = "--coverage", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Print the rule coverage table (default: on).")
    boolean coverage;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSource source;
        try {
            source = PolicyChoice.source(dir, extend);
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        List<Scenario> scenarios = scenarios();
        if (scenarios.isEmpty()) {
            err.println((dir == null ? "the bundled policy" : dir.toString()) + " has no scenarios (scenarios/*.json, *.yaml)");
            return Main.FAILED;
        }
        try (Advisor advisor = Advisor.builder().rules(source).build()) {
            ScenarioRunner.Report report = new ScenarioRunner(advisor).run(scenarios);
            int failed = 0;
            for (ScenarioResult r : report.results()) {
                if (r.passed()) {
                    out.println("PASS  " + r.scenario().name());
                    continue;
                }
                failed++;
                out.println("FAIL  " + r.scenario().name() + "  (" + r.scenario().file() + ")");
                r.scenario().problems().forEach(p -> out.println("        " + p));
                if (r.error() != null) {
                    out.println("        " + r.error());
                }
                if (!r.missing().isEmpty()) {
                    out.println("        expected but missing: " + String.join(", ", r.missing()));
                }
                if (!r.unexpected().isEmpty()) {
                    out.println("        present but expected absent: " + String.join(", ", r.unexpected()));
                }
                if (!r.missing().isEmpty() || !r.unexpected().isEmpty()) {
                    out.println("        rules fired: " + String.join("; ", r.rulesFired()));
                }
            }
            if (coverage) {
                printCoverage(out, report);
            }
            out.println();
            out.println((report.results().size() - failed) + " passed, " + failed + " failed");
            return failed == 0 ? Main.OK : Main.FAILED;
        } catch (RulesInvalidException e) {
            e.problems().forEach(err::println);
            return Main.FAILED;
        }
    }

    private static void printCoverage(PrintWriter out, ScenarioRunner.Report report) {
        int width = report.coverage().stream().mapToInt(c -> c.rule().length()).max().orElse(10);
        out.println();
        out.println(String.format("%-" + width + "s  %6s  %6s", "rule", "fired", "quiet"));
        for (ScenarioRunner.Coverage c : report.coverage()) {
            String mark = c.fired() == 0 ? "  never fired" : c.quiet() == 0 ? "  never quiet" : "";
            out.println(String.format("%-" + width + "s  %6d  %6d%s", c.rule(), c.fired(), c.quiet(), mark));
        }
        out.println();
        out.println("rules: " + report.coverage().size() + ", never fired: " + report.neverFired().size()
                + ", never stayed quiet: " + report.neverQuiet().size());
    }

    private List<Scenario> scenarios() throws IOException {
        ScenarioReader reader = new ScenarioReader();
        List<Scenario> out = new ArrayList<>();
        if (dir == null) {
            ClasspathContainer jar = ClasspathContainer.of(TestCommand.class.getClassLoader(), BUNDLED + "policy.properties");
            if (jar != null) {
                for (String f : jar.list(BUNDLED + "scenarios/", "")) {
                    if (isScenario(f)) {
                        out.add(reader.read(f.substring(BUNDLED.length()), jar.read(f)));
                    }
                }
            }
            return out;
        }
        Path folder = dir.resolve("scenarios");
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p) && isScenario(p.toString())).sorted().toList()) {
                out.add(reader.read(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    private static boolean isScenario(String name) {
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
