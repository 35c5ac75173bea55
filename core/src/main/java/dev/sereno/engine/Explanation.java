package dev.sereno.engine;

import dev.sereno.advice.Advice;
import java.util.Set;

/**
 * Advice together with the rules that fired to produce it, for audits, coverage and tests.
 *
 * @param rulesFired names of the rules that fired at least once, sorted
 */
public record Explanation(Advice advice, Set<String> rulesFired) {
    public Explanation {
        rulesFired = Set.copyOf(rulesFired);
    }

    public boolean fired(String rule) {
        return rulesFired.contains(rule);
    }
}
