package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;

import dev.sereno.advice.Severity;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Language;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Stance;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Section 4: when the records disagree (G18–G21). */
class RecordsDisagreeTest {
    private static final Evidence SIGNED_RECEIPT =
            new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, "Albarán firmado");

    @ParameterizedTest(name = "[{0}] \"{1}\" calls the customer a liar at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Usted miente, tenemos el albarán firmado.                 | Usted miente
            ES | Mire, lo que dice es MENTIRA y lo sabe.                   | lo que dice es MENTIRA
            ES | Creo que se lo está inventando.                           | se lo está inventando
            EN | You are lying, we have the signed receipt.                | You are lying
            EN | Honestly, you're making this up.                          | you're making this up
            """)
    void g18_neverCallTheCustomerALiar(Language lang, String draft, String span) {
        verifyThat("Never call the customer a liar")
                .given(Given.draft(lang, draft))
                .fires().has("G18").warns("CALLS_CUSTOMER_LIAR", Severity.BLOCKING, span);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" does not call the customer a liar")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No digo que usted miente: según nuestros registros consta otra cosa.
            ES | Según nuestros registros el pedido se entregó el día 18; quizá haya habido un malentendido.
            EN | I'm not saying you are lying; our records show something different.
            EN | Our records show a signed receipt; there may have been a misunderstanding.
            """)
    void g18_quietWhenTheDraftDoesNotAccuse(Language lang, String draft) {
        verifyThat("Never call the customer a liar")
                .given(Given.draft(lang, draft))
                .staysQuiet().doesNotWarn("CALLS_CUSTOMER_LIAR");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" flatly contradicts at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Eso no es cierto, el paquete se entregó.        | Eso no es cierto
            ES | Usted se equivoca: nadie le prometió nada.       | Usted se equivoca
            EN | That's not true, the parcel was delivered.       | That's not true
            EN | You are wrong about the date.                    | You are wrong
            """)
    void g18_neverFlatlyContradict(Language lang, String draft, String span) {
        verifyThat("Never flatly contradict the customer")
                .given(Given.draft(lang, draft))
                .fires().has("G18").warns("CONTRADICTS_CUSTOMER", Severity.BLOCKING, span);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" does not contradict")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Quizá no es cierto lo que nos indicó el transportista; lo verifico.
            ES | Según nuestros registros consta otra fecha; permítame verificarlo.
            EN | Perhaps that's not true of every order; let me check yours.
            EN | Our records show a different date; let me check it for you.
            """)
    void g18_quietWithoutAFlatContradiction(Language lang, String draft) {
        verifyThat("Never flatly contradict the customer")
                .given(Given.draft(lang, draft))
                .staysQuiet().doesNotWarn("CONTRADICTS_CUSTOMER");
    }

    @Test
    void g18_agreeingWithACustomerTheRecordsBackIsNotBlocked() {
        String draft = "Tiene toda la razón, no es verdad que le correspondiera pagar ese recargo.";
        Evidence transfer = new Evidence("E-1", "BANK_TRANSFER", Stance.SUPPORTS, true, "Pagado en plazo");
        verifyThat("Never flatly contradict the customer")
                .given(Given.situation().locale(Language.ES).evidence(transfer).draftReply(draft).build())
                .staysQuiet().doesNotWarn("CONTRADICTS_CUSTOMER").lacks("G18");
        // without records, the agreement before it still reads as agreeing (the phrase lists know "tiene razón")
        verifyThat("Never flatly contradict the customer")
                .given(Given.situation().locale(Language.ES).draftReply(draft).build())
                .staysQuiet().doesNotWarn("CONTRADICTS_CUSTOMER");
        // and with the records behind the customer, a contradiction with no agreement before it is still blocked
        verifyThat("Never flatly contradict the customer")
                .given(Given.situation().locale(Language.ES).evidence(transfer)
                        .draftReply("Eso no es cierto, el recargo se aplicó bien.").build())
                .fires().warns("CONTRADICTS_CUSTOMER", Severity.BLOCKING, "Eso no es cierto");
    }

    @Test
    void g19_recordsContradictTheClaim() {
        verifyThat("Records contradict the claim")
                .given(Given.situation().evidence(SIGNED_RECEIPT).build())
                .fires().has("G19").recommends("OFFER_PROOF_AND_VERIFY");
        verifyThat("Records contradict the claim")
                .given(Given.situation().evidence(new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT",
                        Stance.CONTRADICTS, false, null)).build())
                .staysQuiet().doesNotRecommend("OFFER_PROOF_AND_VERIFY");
    }

    @Test
    void g20_callBackWithinTheVerificationDeadline() {
        verifyThat("Call back within the verification deadline")
                .given(Given.situation().evidence(SIGNED_RECEIPT).build())
                .fires().has("G20").followUp("CALL_BACK_AFTER_VERIFYING", Given.hoursFromNow(2));
        verifyThat("Call back within the verification deadline")
                .given(Given.situation().evidence(new Evidence("E-1", "RECEIPT", Stance.SUPPORTS, true, null)).build())
                .staysQuiet().lacks("G20");
    }

    @Test
    void g20_theTimeAgreedWithTheCustomerIsKept() {
        // "en el plazo establecido": a callback already agreed for tomorrow at 09:00, not the policy's 2 hours
        Instant agreed = Given.hoursFromNow(23);
        Promise callback = new Promise("P-1", "Llamar con el resultado", "A-7", Given.minutesAgo(5), agreed, null);
        verifyThat("Call back by the time agreed with the customer")
                .given(Given.situation().evidence(SIGNED_RECEIPT).promises(callback).build())
                .fires().has("G20").followUp("CALL_BACK_AS_AGREED", agreed).noFollowUp("CALL_BACK_AFTER_VERIFYING");
        verifyThat("Call back by the time agreed with the customer")
                .given(Given.situation().evidence(new Evidence("E-2", "CARRIER_LOG", Stance.CONTRADICTS, false, null))
                        .promises(callback).build())
                .fires().followUp("CALL_BACK_AS_AGREED", agreed).noFollowUp("CALL_BACK_AFTER_VERIFYING");
        // nothing agreed (the promise is overdue, or kept): the policy's deadline
        Promise overdue = new Promise("P-1", "Llamar", "A-7", Given.minutesAgo(600), Given.minutesAgo(60), null);
        verifyThat("Call back by the time agreed with the customer")
                .given(Given.situation().evidence(SIGNED_RECEIPT).promises(overdue).build())
                .staysQuiet().followUp("CALL_BACK_AFTER_VERIFYING", Given.hoursFromNow(2));
        // nothing to verify: no callback
        verifyThat("Call back by the time agreed with the customer")
                .given(Given.situation().promises(callback).build())
                .staysQuiet().lacks("G20");
    }

    @Test
    void g20_pendingVerificationGetsADeadline() {
        Evidence unchecked = new Evidence("E-2", "CARRIER_LOG", Stance.CONTRADICTS, false, null);
        verifyThat("Give a deadline for a pending verification")
                .given(Given.situation().evidence(unchecked).build())
                .fires().has("G20").followUp("CALL_BACK_AFTER_VERIFYING", Given.hoursFromNow(2));
        verifyThat("Give a deadline for a pending verification")
                .given(Given.situation().evidence(new Evidence("E-2", "CARRIER_LOG", Stance.NEUTRAL, false, null)).build())
                .staysQuiet().lacks("G20");
    }

    @Test
    void g21_onAPerceptionTheCustomerIsRight() {
        verifyThat("On a perception the customer is right")
                .given(Given.complaint(c -> c.claimKind(ClaimKind.PERCEPTION).claim("Tardaron muchísimo")))
                .fires().has("G21").recommends("DONT_ARGUE_PERCEPTIONS");
        verifyThat("On a perception the customer is right")
                .given(Given.complaint(c -> c.claimKind(ClaimKind.FACT).claim("No llegó el día 18")))
                .staysQuiet().lacks("G21");
    }

    @Test
    void g19_aPerceptionIsNotArguedWithRecords() {
        verifyThat("Records contradict the claim")
                .given(Given.situation().complaint(dev.sereno.situation.Complaint.builder("K-1")
                        .claimKind(ClaimKind.PERCEPTION).build()).evidence(SIGNED_RECEIPT).build())
                .staysQuiet();
    }
}
