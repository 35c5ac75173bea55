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
}
