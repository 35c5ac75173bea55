package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Situation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules that throw or loop end in a typed error naming the rule, and the Advisor keeps serving. */
class AdvisorFailureTest {
    private static final String HEADER = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.Recommend;
            """;
    private static final String RULES = HEADER + """
            rule "Works"
                @guidance("G06")
            when
                Complaint( claim == "fine" )
            then
                insert(new Recommend("OK", Stage.OPENING));
            end

            rule "Throws in its consequence"
                @guidance("G01")
            when
                Complaint( claim == "boom" )
            then
                if (true) { throw new IllegalStateException("broken consequence"); }
            end

            rule "Throws in its condition"
                @guidance("G02")
            when
                Complaint( claim != null, claim.startsWith("index"), claim.charAt(100) == 'x' )
            then
                insert(new Recommend("NEVER", Stage.OPENING));
            end

            rule "Seeds the loop"
                @guidance("G03")
            when
                Complaint( claim == "loop" )
            then
                insert(new Recommend("A", Stage.OPENING));
            end

            rule "Loops forever"
                @guidance("G04")
            when
                $r : Recommend( action != "OK" )
            then
                insert(new Recommend($r.action() + "a", Stage.OPENING));
            end

            function int recurse(int depth) {
                return recurse(depth + 1) + 1;
            }

            rule "Recurses without end"
                @guidance("G05")
            when
                Complaint( claim == "deep" )
            then
                recurse(0);
            end
            """;

    private static Advisor advisor;

    @BeforeAll
    static void build() {
        advisor = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", RULES))).maxFiringsPerCall(200).build();
    }

    @AfterAll
    static void close() {
        advisor.close();
    }

    static Situation claim(String claim) {
        return Situation.builder().now(Instant.parse("2026-11-23T10:00:00Z")).customer(Customer.of("C"))
                .agent(Agent.of("A")).complaint(Complaint.builder("K").claim(claim).build()).build();
    }

    @Test
    void aThrowingConsequenceNamesTheRule() {
        assertThatThrownBy(() -> advisor.advise(claim("boom")))
                .isInstanceOfSatisfying(RuleFailureException.class, e -> {
                    assertThat(e.rule()).isEqualTo("Throws in its consequence");
                    assertThat(e.kind()).isEqualTo(RuleFailureException.Kind.THREW);
                    // the rule's own message can quote the situation: only the exception's class is said
                    assertThat(e).hasMessageContaining("IllegalStateException").hasMessageNotContaining("broken consequence");
                    assertThat(e.getCause()).hasMessage("broken consequence");
                });
        assertThat(advisor.advise(claim("fine")).recommendations()).extracting(r -> r.action()).containsExactly("OK");
    }

    @Test
    void aThrowingConditionNamesTheRule() {
        assertThatThrownBy(() -> advisor.advise(claim("index out of range")))
                .isInstanceOfSatisfying(RuleFailureException.class, e -> {
                    assertThat(e.rule()).isEqualTo("Throws in its condition");
                    assertThat(e.kind()).isEqualTo(RuleFailureException.Kind.THREW);
                });
        assertThat(advisor.advise(claim("fine")).recommendations()).hasSize(1);
    }

    @Test
    void aLoopingRuleIsStoppedAtTheCapAndNamed() {
        assertThatThrownBy(() -> advisor.advise(claim("loop")))
                .isInstanceOfSatisfying(RuleFailureException.class, e -> {
                    assertThat(e.rule()).isEqualTo("Loops forever");
                    assertThat(e.kind()).isEqualTo(RuleFailureException.Kind.LOOPED);
                    assertThat(e).hasMessageContaining("200 firings");
                });
        assertThat(advisor.advise(claim("fine")).recommendations()).hasSize(1);
    }

    @Test
    void manyFailuresInARowLeaveTheAdvisorServing() {
        for (int i = 0; i < 50; i++) {
            String claim = i % 3 == 0 ? "boom" : i % 3 == 1 ? "loop" : "index out of range";
            assertThatThrownBy(() -> advisor.advise(claim(claim))).isInstanceOf(RuleFailureException.class);
        }
        assertThat(advisor.advise(claim("fine")).recommendations()).hasSize(1);
    }

    @Test
    void aStackOverflowInARuleIsARuleFailureToo() {
        assertThatThrownBy(() -> advisor.advise(claim("deep")))
                .isInstanceOfSatisfying(RuleFailureException.class, e -> {
                    assertThat(e.rule()).isEqualTo("Recurses without end");
                    assertThat(e.kind()).isEqualTo(RuleFailureException.Kind.THREW);
                });
        assertThat(advisor.advise(claim("fine")).recommendations()).hasSize(1);
    }

    @Test
    void aLoopIsStoppedAtTheDefaultCapToo() {
        try (Advisor defaults = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", RULES))).build()) {
            assertThatThrownBy(() -> defaults.advise(claim("loop")))
                    .isInstanceOfSatisfying(RuleFailureException.class, e -> {
                        assertThat(e.rule()).isEqualTo("Loops forever");
                        assertThat(e).hasMessageContaining(Advisor.DEFAULT_MAX_FIRINGS + " firings");
                        assertThat(e.policy()).isEqualTo(defaults.policyRevision());
                    });
        }
    }

    @Test
    void failuresOnSomeThreadsNeverSpoilAnswersOnOthers() throws Exception {
        String[] claims = {"fine", "boom", "loop", "index out of range", "deep"};
        String[] rules = {null, "Throws in its consequence", "Loops forever", "Throws in its condition", "Recurses without end"};
        int threads = 4;
        int calls = 200;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> tasks = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                tasks.add(() -> {
                    int served = 0;
                    for (int i = 0; i < calls; i++) {
                        int k = (i + offset) % claims.length;
                        try {
                            assertThat(advisor.advise(claim(claims[k])).recommendations())
                                    .extracting(r -> r.action()).containsExactly("OK");
                            assertThat(rules[k]).isNull();
                            served++;
                        } catch (RuleFailureException e) {
                            assertThat(e.rule()).isEqualTo(rules[k]);
                        }
                    }
                    return served;
                });
            }
            int served = 0;
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(tasks)) {
                served += f.get();
            }
            assertThat(served).isEqualTo(threads * calls / claims.length);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidRulesAreReportedWhenBuilding() {
        String broken = HEADER + """
                rule "Missing its end"
                    @guidance("G01")
                when
                    Complaint( stillVenting
                then
                    insert(new Recommend("X", Stage.OPENING));
                """;
        assertThatThrownBy(() -> Advisor.builder().rules(RuleSource.files(Map.of("broken.drl", broken))).build())
                .isInstanceOfSatisfying(RulesInvalidException.class,
                        e -> assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("broken.drl")));
    }

    @Test
    void aMissingPolicyIsAClearError() {
        assertThatThrownBy(() -> Advisor.builder().rules(RuleSource.files(Map.of())).build())
                .isInstanceOf(RulesInvalidException.class)
                .hasMessageContaining("no .drl file");
        assertThatThrownBy(() -> Advisor.builder().maxFiringsPerCall(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFiringsPerCall");
    }
}
