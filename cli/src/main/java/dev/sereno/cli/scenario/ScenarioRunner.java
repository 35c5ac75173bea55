package dev.sereno.cli.scenario;

import dev.sereno.engine.internal.Typos;
import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.Explanation;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.situation.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs scenarios against a policy and counts, per rule, the scenarios where it fired and where it stayed quiet. */
public final class ScenarioRunner {
    private final Advisor advisor;
    private final Set<String> policyGuidance;
    /** The codes the policy's messages give a text, in any language. */
    private final Set<String> messageCodes;

    public ScenarioRunner(Advisor advisor) {
        this.advisor = advisor;
        this.policyGuidance = advisor.policy().rules().values().stream().flatMap(r -> r.guidance().stream())
                .collect(Collectors.toSet());
        this.messageCodes = java.util.Arrays.stream(Language.values()).flatMap(l -> advisor.policy().messages(l).keys()
                .stream()).filter(k -> k.indexOf('.') > 0).map(k -> k.substring(0, k.lastIndexOf('.')))
                .collect(Collectors.toSet());
    }

    /** Per rule: in how many scenarios it fired and in how many it stayed quiet. */
    public record Coverage(String rule, int fired, int quiet) {
    }

    public record Report(List<ScenarioResult> results, List<Coverage> coverage) {
        public boolean passed() {
            return !results.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
        }

        public List<String> neverFired() {
            return coverage.stream().filter(c -> c.fired() == 0).map(Coverage::rule).toList();
        }

        public List<String> neverQuiet() {
            return coverage.stream().filter(c -> c.quiet() == 0).map(Coverage::rule).toList();
        }
    }

    public Report run(List<Scenario> scenarios) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            results.add(run(s));
        }
        Map<String, int[]> counts = new TreeMap<>();
        advisor.policy().rules().keySet().forEach(r -> counts.put(r, new int[2]));
        for (ScenarioResult r : results) {
            if (!r.scenario().readable() || r.error() != null) {
                continue;
            }
            counts.forEach((rule, c) -> c[r.rulesFired().contains(rule) ? 0 : 1]++);
        }
        List<Coverage> coverage = counts.entrySet().stream()
                .map(e -> new Coverage(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new Report(results, coverage);
    }

    private ScenarioResult run(Scenario s) {
        if (!s.readable()) {
            return new ScenarioResult(s, List.of(), List.of(), List.of(), Set.of(), null);
        }
        Expectations expect = s.expect();
        // an id no rule cites is a typo: expected absent it could never fail, expected present it could never pass
        List<String> uncited = Stream.concat(expect.present().stream(), expect.absent().stream())
                .filter(id -> !policyGuidance.contains(id)).distinct().toList();
        if (!uncited.isEmpty()) {
            return failed(s, "expect: " + String.join(", ", uncited)
                    + (uncited.size() == 1 ? " is" : " are") + " cited by no rule of this policy");
        }
        List<String> unknownRules = Stream.concat(expect.fired().stream(), expect.quiet().stream())
                .filter(r -> !advisor.policy().rules().containsKey(r)).distinct().toList();
        if (!unknownRules.isEmpty()) {
            return failed(s, "expect.rules: " + unknownRules.stream().map(r -> "\"" + r + "\""
                    + Typos.closest(r, advisor.policy().rules().keySet()).map(c -> " (did you mean \"" + c + "\"?)")
                    .orElse("")).collect(Collectors.joining(", ")) + (unknownRules.size() == 1 ? " is" : " are")
                    + " the name of no rule of this policy");
        }
        // a misspelt code expected absent could never fail
        List<String> misspelt = expect.absentCodes().stream().filter(c -> !messageCodes.contains(c))
                .filter(c -> Typos.closest(c, messageCodes).isPresent()).toList();
        if (!misspelt.isEmpty()) {
            return failed(s, "expect.absentCodes: " + misspelt.stream().map(c -> c + " (did you mean "
                    + Typos.closest(c, messageCodes).orElseThrow() + "?)").collect(Collectors.joining(", "))
                    + (misspelt.size() == 1 ? " is" : " are") + " the code of no message of this policy");
        }
        try {
            Explanation e = advisor.explain(s.situation());
            Advice advice = e.advice();
            Set<String> cited = advice.guidance().collect(Collectors.toSet());
            List<String> missing = expect.present().stream().filter(id -> !cited.contains(id)).toList();
            List<String> unexpected = expect.absent().stream().filter(cited::contains).toList();
            return new ScenarioResult(s, missing, unexpected, expect.check(advice, e.rulesFired(), s.situation().now()),
                    e.rulesFired(), null);
        } catch (RuleFailureException ex) {
            return failed(s, ex.getMessage());
        }
    }

    private static ScenarioResult failed(Scenario s, String error) {
        return new ScenarioResult(s, List.of(), List.of(), List.of(), Set.of(), error);
    }
}
