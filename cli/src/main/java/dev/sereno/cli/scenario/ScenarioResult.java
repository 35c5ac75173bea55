package dev.sereno.cli.scenario;

import java.util.List;
import java.util.Set;

/** How one scenario went: what was missing, what was there but should not be, and the rules that fired. */
public record ScenarioResult(Scenario scenario, List<String> missing, List<String> unexpected, Set<String> rulesFired,
                             String error) {
    public boolean passed() {
        return scenario.readable() && error == null && missing.isEmpty() && unexpected.isEmpty();
    }
}
