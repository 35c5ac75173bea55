package dev.sereno.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Explanation;
import dev.sereno.situation.Situation;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tiny fluent verifier over one rule of the default policy, run on the real KieBase:
 * {@code verifyThat("Never call the customer a liar").given(situation).fires()} and, beside it, the near-identical
 * situation that {@code .staysQuiet()}.
 */
public final class RuleVerifier {
    private final String rule;

    private RuleVerifier(String rule) {
        assertThat(DefaultPolicy.ADVISOR.policy().rules()).as("rules of the default policy").containsKey(rule);
        this.rule = rule;
    }

    public static RuleVerifier verifyThat(String rule) {
        return new RuleVerifier(rule);
    }

    public Given given(Situation situation) {
        return new Given(situation);
    }

    /** The outcome for one situation. */
    public final class Given {
        private final Explanation explanation;

        private Given(Situation situation) {
            this.explanation = DefaultPolicy.explain(situation);
        }

        /** The rule fired, and every advice item it produced cites its guidance. Returns the advice to check further. */
        public AdviceAssert fires() {
            assertThat(explanation.rulesFired()).as("rules fired").contains(rule);
            List<String> guidance = DefaultPolicy.ADVISOR.policy().rules().get(rule).guidance();
            items(explanation.advice()).filter(i -> i.rule().contains(rule))
                    .forEach(i -> assertThat(i.guidance()).as("guidance of %s", i).containsAll(guidance));
            return AdviceAssert.assertThat(explanation.advice());
        }

        public AdviceAssert staysQuiet() {
            assertThat(explanation.rulesFired()).as("rules fired").doesNotContain(rule);
            return AdviceAssert.assertThat(explanation.advice());
        }
    }

    record Item(String rule, List<String> guidance) {
    }

    static Stream<Item> items(Advice a) {
        return Stream.of(
                a.recommendations().stream().map(r -> new Item(r.rule(), r.guidance())),
                a.warnings().stream().map(r -> new Item(r.rule(), r.guidance())),
                a.escalations().stream().map(r -> new Item(r.rule(), r.guidance())),
                a.followUps().stream().map(r -> new Item(r.rule(), r.guidance())),
                a.reviews().stream().map(r -> new Item(r.rule(), r.guidance())),
                a.records().stream().map(r -> new Item(r.rule(), r.guidance()))).flatMap(s -> s);
    }
}
