package dev.sereno.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.sereno.advice.Severity;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Promise;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The CRM hook on the real default rules; only the reply channel is a mock. */
@ExtendWith(MockitoExtension.class)
class TicketServiceTest {
    static final Clock MONDAY_10AM = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static Advisor advisor;

    @Mock
    ReplyChannel channel;

    @BeforeAll
    static void build() {
        advisor = Advisor.withDefaultRules();
    }

    @AfterAll
    static void close() {
        advisor.close();
    }

    TicketService service(Clock clock) {
        return new TicketService(advisor, channel, clock);
    }

    @Test
    void aReplyThatCallsTheCustomerALiarIsHeldWithTheWordsToRewrite() {
        ReplyOutcome outcome = service(MONDAY_10AM).reply(CrmHookExample.ticket(), "You're lying, the receipt is signed.");

        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.checked()).isTrue();
        assertThat(outcome.warnings()).filteredOn(Warning::blocking).extracting(Warning::span, Warning::guidance)
                .contains(org.assertj.core.groups.Tuple.tuple("You're lying", java.util.List.of("G18")));
        verifyNoInteractions(channel);
    }

    @Test
    void aCourteousReplyIsSent() {
        String draft = "I understand how frustrating this is. Our records show a signed receipt; I'll send you a copy now, "
                + "and if it wasn't you who signed, I'll open an investigation today.";
        ReplyOutcome outcome = service(MONDAY_10AM).reply(CrmHookExample.ticket(), draft);

        assertThat(outcome.sent()).isTrue();
        assertThat(outcome.warnings()).noneMatch(Warning::blocking);
        assertThat(outcome.advice().complaint()).isEqualTo("K-2231");
        verify(channel).send("T-2231", draft);
    }

    @Test
    void aReplyWithOnlyCautionsIsSentAndTheCautionsAreShown() {
        String draft = "We apologise for any inconvenience. Our records show a signed receipt; I'll send you a copy now.";
        ReplyOutcome outcome = service(MONDAY_10AM).reply(CrmHookExample.ticket(), draft);

        assertThat(outcome.sent()).isTrue();
        assertThat(outcome.warnings()).isNotEmpty().allMatch(w -> w.severity() == Severity.CAUTION)
                .extracting(Warning::code).contains("CANNED_FORMULA");
        verify(channel).send("T-2231", draft);
    }

    @Test
    void theHostsClockDecidesWhetherAPromiseIsOverdue() {
        Ticket promised = new Ticket("T-9", CrmHookExample.ticket().context().toBuilder()
                .promises(new Promise("P-1", "Call back with the refund status", "A-7",
                        Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-23T12:00:00Z"), null))
                .build());
        String draft = "I understand how frustrating this is; I'm checking the refund status with the warehouse now.";

        assertThat(service(MONDAY_10AM).reply(promised, draft).warnings()).extracting(Warning::code)
                .doesNotContain("PROMISE_OVERDUE");
        Clock monday1pm = Clock.offset(MONDAY_10AM, java.time.Duration.ofHours(3));
        assertThat(service(monday1pm).reply(promised, draft).warnings()).extracting(Warning::code)
                .contains("PROMISE_OVERDUE");
    }

    /**
     * The loop G36–G37 closes: the promise a reply makes ("I'll call you back tomorrow at 10", in the customer's zone)
     * is registered on the ticket; on the next call, once its time has passed unkept, the advice flags it.
     */
    @Test
    void aPromiseTheReplyMakesIsRegisteredAndFlaggedOnTheNextCallWhenItWentUnkept() {
        Ticket madrid = new Ticket("T-7", CrmHookExample.ticket().context().toBuilder()
                .zone(java.time.ZoneId.of("Europe/Madrid")).build());
        String draft = "I understand how frustrating this is. I'll call you back tomorrow at 10 with the courier's answer.";
        ReplyOutcome first = service(MONDAY_10AM).reply(madrid, draft);

        assertThat(first.sent()).isTrue();
        assertThat(first.advice().commitments()).singleElement().satisfies(c -> {
            assertThat(c.what()).isEqualTo("CALL_BACK");
            assertThat(c.due()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z")); // 10:00 in Madrid
        });
        assertThat(first.ticket().context().promises()).singleElement().satisfies(p -> {
            assertThat(p.what()).isEqualTo("I'll call you back tomorrow at 10");
            assertThat(p.owner()).isEqualTo("A-7");
            assertThat(p.dueAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        });

        String next = "Thank you for your patience; I'm checking with the courier now.";
        Clock tuesdayBefore = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
        assertThat(service(tuesdayBefore).reply(first.ticket(), next).warnings()).extracting(Warning::code)
                .doesNotContain("PROMISE_OVERDUE");
        Clock tuesdayNoon = Clock.fixed(Instant.parse("2026-11-24T11:00:00Z"), ZoneOffset.UTC);
        ReplyOutcome later = service(tuesdayNoon).reply(first.ticket(), next);
        assertThat(later.warnings()).filteredOn(w -> w.code().equals("PROMISE_OVERDUE")).singleElement()
                .satisfies(w -> {
                    assertThat(w.guidance()).contains("G36");
                    assertThat(w.why()).contains("I'll call you back tomorrow at 10");
                });
        assertThat(later.advice().followUps()).extracting(f -> f.code()).contains("NEXT_CONTACT_AFTER_BROKEN_PROMISE");
    }

    @Test
    void aHeldReplyRegistersNoPromise() {
        ReplyOutcome held = service(MONDAY_10AM).reply(CrmHookExample.ticket(), "You're lying. I'll call you tomorrow at 10.");
        assertThat(held.sent()).isFalse();
        assertThat(held.advice().commitments()).isNotEmpty();
        assertThat(held.ticket().context().promises()).isEqualTo(CrmHookExample.ticket().context().promises());
    }

    @Test
    void aTicketThatDoesNotMapToAValidSituationSendsNothing() {
        Ticket broken = new Ticket("T-0", CrmHookExample.ticket().context().toBuilder()
                .complaint(Complaint.builder(" ").build()).build());

        assertThatThrownBy(() -> service(MONDAY_10AM).reply(broken, "Hello"))
                .isInstanceOfSatisfying(InvalidSituationException.class,
                        e -> assertThat(e.problems()).extracting(Object::toString).contains("complaint.id: required"));
        verify(channel, never()).send(any(), any());
    }

    @Test
    void aFailingPolicyRuleDoesNotStopTheReply() {
        String rules = """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                rule "Always throws"
                    @guidance("G01")
                when
                    Complaint()
                then
                    if (true) { throw new IllegalStateException("broken"); }
                end
                """;
        try (Advisor faulty = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", rules))).build()) {
            ReplyOutcome outcome = new TicketService(faulty, channel, MONDAY_10AM)
                    .reply(CrmHookExample.ticket(), "Thanks for your patience.");
            assertThat(outcome.sent()).isTrue();
            assertThat(outcome.checked()).isFalse();
            verify(channel).send("T-2231", "Thanks for your patience.");
        }
    }
}
