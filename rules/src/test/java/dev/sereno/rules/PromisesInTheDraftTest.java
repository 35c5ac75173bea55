package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Severity;
import dev.sereno.advice.Warning;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Language;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The promises the draft makes (G20, G32, G37) and the next contact after a broken promise (G37). Each rule fires,
 * and beside it a near-identical case stays quiet.
 */
class PromisesInTheDraftTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static Situation draft(Language lang, String text) {
        return Given.situation().locale(lang).zone(MADRID).draftReply(text).build();
    }

    /** The records contradict a factual claim: a verification is pending. */
    private static Situation verifying(String text) {
        return Given.situation().zone(MADRID).draftReply(text)
                .complaint(Complaint.builder("K-1").claimKind(ClaimKind.FACT).stage(Stage.LISTENING).build())
                .evidence(new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, null)).build();
    }

    @Test
    void g32_g37_aPromiseWithoutTimeIsACautionNamingItsWords() {
        Advice a = verifyThat("Give the promise in the draft a time")
                .given(draft(Language.ES, "Lo siento mucho. Le diremos algo en cuanto podamos."))
                .fires().has("G32").has("G37")
                .warns("COMMITMENT_WITHOUT_TIME", Severity.CAUTION, "Le diremos algo en cuanto podamos").actual();
        Warning w = a.warnings().stream().filter(x -> x.code().equals("COMMITMENT_WITHOUT_TIME")).findFirst().orElseThrow();
        assertThat(w.start()).isEqualTo(17);
        assertThat(w.end()).isEqualTo(50);
        assertThat(w.why()).startsWith("«Le diremos algo en cuanto podamos» promete sin decir cuándo");

        verifyThat("Give the promise in the draft a time")
                .given(draft(Language.ES, "Lo siento mucho. Le diremos algo mañana antes de las 12."))
                .staysQuiet().doesNotWarn("COMMITMENT_WITHOUT_TIME");
        verifyThat("Give the promise in the draft a time")
                .given(draft(Language.EN, "We'll be in touch.")).fires()
                .warns("COMMITMENT_WITHOUT_TIME", Severity.CAUTION, "We'll be in touch");
        verifyThat("Give the promise in the draft a time")
                .given(draft(Language.EN, "I'll call you back by noon.")).staysQuiet();
    }

    @Test
    void g20_aCallbackPromisedAfterTheVerificationDeadlineIsACautionInLocalTime() {
        Advice a = verifyThat("Promise the callback within the time set for a verification")
                .given(verifying("Lo verifico y le llamo mañana a las 10."))
                .fires().has("G20")
                .warns("COMMITMENT_LATER_THAN_POLICY", Severity.CAUTION, "le llamo mañana a las 10").actual();
        assertThat(a.warnings()).filteredOn(w -> w.code().equals("COMMITMENT_LATER_THAN_POLICY")).first()
                .extracting(Warning::why).asString()
                .contains("mañana, 10:00 hora de Madrid", "2 h");

        verifyThat("Promise the callback within the time set for a verification")
                .given(verifying("Lo verifico y le llamo en una hora.")).staysQuiet()
                .doesNotWarn("COMMITMENT_LATER_THAN_POLICY");
        // nothing to verify: a callback tomorrow breaks no G20 deadline
        verifyThat("Promise the callback within the time set for a verification")
                .given(draft(Language.ES, "Lo verifico y le llamo mañana a las 10.")).staysQuiet();
    }

    @Test
    void g37_aTimedPromiseInTheDraftIsAFollowUpAtItsTime() {
        verifyThat("Keep the time the draft promises")
                .given(draft(Language.ES, "Le llamo mañana a las 10 con la fecha."))
                .fires().has("G37").followUp("KEEP_DRAFT_COMMITMENT", Instant.parse("2026-11-24T09:00:00Z"));
        verifyThat("Keep the time the draft promises")
                .given(draft(Language.ES, "Le llamaremos con la fecha.")).staysQuiet()
                .noFollowUp("KEEP_DRAFT_COMMITMENT");
    }

    @Test
    void g37_aBrokenPromiseGetsATimeForTheNextContact() {
        Promise broken = new Promise("P-1", "Llamar con el estado del reembolso", "A-7", Given.minutesAgo(3 * 24 * 60),
                Given.minutesAgo(60), null);
        verifyThat("After a broken promise, set the time of the next contact")
                .given(Given.situation().promises(broken).build())
                .fires().has("G37").has("G36")
                .followUp("NEXT_CONTACT_AFTER_BROKEN_PROMISE", Given.hoursFromNow(2));
        Promise kept = new Promise("P-1", "Llamar con el estado del reembolso", "A-7", Given.minutesAgo(3 * 24 * 60),
                Given.minutesAgo(60), Given.minutesAgo(30));
        verifyThat("After a broken promise, set the time of the next contact")
                .given(Given.situation().promises(kept).build()).staysQuiet()
                .noFollowUp("NEXT_CONTACT_AFTER_BROKEN_PROMISE");
    }
}
