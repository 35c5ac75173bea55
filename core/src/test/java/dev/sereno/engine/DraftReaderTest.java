package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import dev.sereno.policy.Finding;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A host's own reader of the draft: its findings reach the rules; when it throws or hangs, the advice goes on. */
class DraftReaderTest {
    private static final String RULES = """
            package dev.sereno.rules;
            import dev.sereno.advice.Severity;
            import dev.sereno.policy.Finding;
            import dev.sereno.policy.Warn;

            rule "Block what the host's tone model calls toxic"
                @guidance("G08")
            when
                $f : Finding( kind == "TOXIC", source == "tone-model" )
            then
                insert(new Warn("TOXIC_REPLY", Severity.BLOCKING, $f));
            end
            """;
    private static final String DRAFT = "Well, that is just great for you.";

    private static Situation situation() {
        return Situation.builder().now(Instant.parse("2026-11-23T10:00:00Z")).locale(Language.EN)
                .customer(Customer.of("C-1")).agent(Agent.of("A-1")).complaint(Complaint.builder("K-1").build())
                .draftReply(DRAFT).build();
    }

    private static Advisor advisor(DraftReader reader, Duration timeout) {
        return Advisor.builder().rules(RuleSource.files(Map.of("tone.drl", RULES))).reader(reader, timeout).build();
    }

    private record ToneModel(List<Finding> answer) implements DraftReader {
        @Override
        public List<Finding> read(String draft, Language language) {
            return answer;
        }

        @Override
        public String name() {
            return "tone-model";
        }
    }

    @Test
    void whatTheReaderFindsEntersTheRulesWithItsSpanAndSource() {
        try (Advisor advisor = advisor(new ToneModel(List.of(new Finding("TOXIC", null, 6, 24))), Duration.ofSeconds(2))) {
            Advice advice = advisor.advise(situation());
            assertThat(advice.warnings()).extracting(Warning::code, Warning::span)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("TOXIC_REPLY", "that is just great"));
        }
    }

    @Test
    void aReaderOfAnotherNameOrWithNothingToSayChangesNothing() {
        try (Advisor advisor = advisor(new ToneModel(List.of()), Duration.ofSeconds(2))) {
            assertThat(advisor.advise(situation()).warnings()).isEmpty();
        }
        DraftReader other = (draft, language) -> List.of(new Finding("TOXIC", null, 0, 4));
        try (Advisor advisor = advisor(other, Duration.ofSeconds(2))) {
            assertThat(advisor.advise(situation()).warnings()).isEmpty();
        }
    }

    @Test
    void aReaderThatThrowsOrReportsASpanOutsideTheDraftIsLeftOut() {
        DraftReader throwing = new DraftReader() {
            @Override
            public List<Finding> read(String draft, Language language) {
                throw new IllegalStateException("model offline: " + draft);
            }

            @Override
            public String name() {
                return "tone-model";
            }
        };
        try (Advisor advisor = advisor(throwing, Duration.ofSeconds(2))) {
            assertThat(advisor.advise(situation()).warnings()).isEmpty();
            assertThat(advisor.advise(situation()).complaint()).isEqualTo("K-1");
        }
        try (Advisor advisor = advisor(new ToneModel(List.of(new Finding("TOXIC", null, 20, 500))), Duration.ofSeconds(2))) {
            assertThat(advisor.advise(situation()).warnings()).isEmpty();
        }
    }

    @Test
    void aReaderThatHangsCostsItsTimeoutAndTheAdviceComesWithoutIt() {
        CountDownLatch never = new CountDownLatch(1);
        DraftReader hanging = new DraftReader() {
            @Override
            public List<Finding> read(String draft, Language language) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(new Finding("TOXIC", null, 0, 4));
            }

            @Override
            public String name() {
                return "tone-model";
            }
        };
        try (Advisor advisor = advisor(hanging, Duration.ofMillis(50))) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                assertThat(advisor.advise(situation()).warnings()).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
        }
    }
}
