package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.engine.internal.Evaluator;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy is trusted (not verified) but bounded like any other: its generated classes are loaded with
 * a budget check in every loop and call, so a budget of one step stops it, and the default budget never does.
 */
class BundledPolicyBudgetTest {
    @Test
    void theBundledPolicysCodeRunsUnderTheBudget() throws IOException {
        try (Advisor advisor = Advisor.withDefaultRules()) {
            Evaluator starved = new Evaluator(advisor.policy(), Advisor.DEFAULT_MAX_FIRINGS, 1, null);
            assertThatThrownBy(() -> starved.evaluate(ContractExampleTest.example()))
                    .isInstanceOfSatisfying(RuleFailureException.class,
                            e -> assertThat(e.kind()).isEqualTo(RuleFailureException.Kind.LOOPED));

            Evaluator normal = new Evaluator(advisor.policy(), Advisor.DEFAULT_MAX_FIRINGS, Evaluator.DEFAULT_MAX_STEPS, null);
            assertThat(normal.evaluate(ContractExampleTest.example()).advice().warnings()).isNotEmpty();
        }
    }

    /** How many steps the contract example takes, found by halving: the default budget must be far above it. */
    @Test
    void theDefaultBudgetIsFarAboveWhatTheBundledPolicyUses() throws IOException {
        try (Advisor advisor = Advisor.withDefaultRules()) {
            long lo = 1;
            long hi = Evaluator.DEFAULT_MAX_STEPS;
            while (lo < hi) {
                long mid = (lo + hi) / 2;
                try {
                    new Evaluator(advisor.policy(), Advisor.DEFAULT_MAX_FIRINGS, mid, null).evaluate(ContractExampleTest.example());
                    hi = mid;
                } catch (RuleFailureException e) {
                    lo = mid + 1;
                }
            }
            System.out.println("the contract example takes " + lo + " budget steps");
            assertThat(lo * 100).isLessThan(Evaluator.DEFAULT_MAX_STEPS);
        }
    }
}
