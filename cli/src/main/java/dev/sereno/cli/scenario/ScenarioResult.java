package dev.sereno.cli.scenario;

import dev.sereno.cli.scenario.Expectations.Mismatch;
import java.util.List;
import java.util.Set;

/**
 * How one scenario went: the guidance ids missing, those present but expected absent, every other expectation not
 * met, and the rules that fired.
 */
public record ScenarioResult(Scenario scenario, List<String> missing, List<String> unexpected,
                             List<Mismatch> mismatches, Set<String> rulesFired, String error) {
    public boolean passed() {
        return scenario.readable() && error == null && missing.isEmpty() && unexpected.isEmpty() && mismatches.isEmpty();
    }
}
