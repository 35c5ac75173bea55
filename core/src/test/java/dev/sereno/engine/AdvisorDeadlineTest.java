package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A per-call deadline ends a slow rule in a typed failure naming it, on the calling thread, and leaves nothing running. */
class AdvisorDeadlineTest {
    private static final String SLOW = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.Recommend;

            rule "Works"
                @guidance("G06")
            when
                Complaint( claim == "fine" )
            then
                insert(new Recommend("OK", Stage.OPENING));
            end

            rule "Seeds a chain"
                @guidance("G03")
            when
                Complaint( claim == "chain" )
            then
                insert(new Recommend("A", Stage.OPENING));
            end

            rule "Chains without end"
                @guidance("G04")
            when
                $r : Recommend( action != "OK", action != "DONE" )
            then
                insert(new Recommend($r.action() + "a", Stage.OPENING));
            end

            rule "Takes its time"
                @guidance("G01")
            when
                Complaint( claim == "slow" )
            then
                // each turn is slow work inside the JDK, so the step budget is far from used up when time runs out
                long[] a = new long[200000];
                for (int i = 0; i < 1000000; i++) { java.util.Arrays.fill(a, i); }
                insert(new Recommend("DONE", Stage.OPENING));
            end
            """;

    @Test
    void aCallPastItsDeadlineEndsInATimedOutFailureNamingTheRule() {
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("slow.drl", SLOW)))
                .deadline(Duration.ofMillis(300)).build()) {
            int threads = Thread.activeCount();
            long start = System.nanoTime();
            assertThatThrownBy(() -> advisor.advise(AdvisorFailureTest.claim("slow")))
                    .isInstanceOfSatisfying(RuleFailureException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RuleFailureException.Kind.TIMED_OUT);
                        assertThat(e.rule()).isEqualTo("Takes its time");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads);
            assertThat(advisor.advise(AdvisorFailureTest.claim("fine")).recommendations()).hasSize(1);
        }
    }

    @Test
    void withoutADeadlineTheSameRuleRunsToTheEnd() {
        String quick = SLOW.replace("1000000", "20");
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("slow.drl", quick))).build()) {
            assertThat(advisor.advise(AdvisorFailureTest.claim("slow")).recommendations()).hasSize(1);
        }
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThatThrownBy(() -> Advisor.builder().deadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyQuickFiringsPastTheDeadlineAreStoppedBetweenFirings() {
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("slow.drl", SLOW)))
                .maxFiringsPerCall(1_000_000).deadline(Duration.ofMillis(50)).build()) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> advisor.advise(AdvisorFailureTest.claim("chain")))
                        .isInstanceOfSatisfying(RuleFailureException.class, e -> {
                            assertThat(e.kind()).isEqualTo(RuleFailureException.Kind.TIMED_OUT);
                            assertThat(e.rule()).isIn("Chains without end", "Seeds a chain");
                        });
                // the session went back to its pool halted: the next call on it must run normally
                assertThat(advisor.advise(AdvisorFailureTest.claim("fine")).recommendations()).hasSize(1);
            }
        }
    }
}
