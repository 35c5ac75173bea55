package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.CaseRecord;
import dev.sereno.advice.EscalationTarget;
import dev.sereno.advice.Severity;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Explanation;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Language;
import dev.sereno.situation.Option;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Section 6: promises and follow-up (G36–G40). Each rule fires, and beside it a near-identical case stays quiet. */
class PromisesAndFollowUpTest {
    private static final List<String> RULES = List.of(
            "Keep what was promised",
            "Ask for support when a promise is overdue",
            "Call when you said you would, even with nothing new",
            "Give an undated promise a time for the next contact",
            "Keep in touch while a check is under way",
            "Check with the customer that the remedy worked",
            "Still angry after the apology and the options: go to your manager for support",
            "Once solved in the customer's favour, make sure it cannot happen again");

    private static final Instant YESTERDAY_9AM = Instant.parse("2026-11-22T09:00:00Z");
    private static final Option REPLACE = Option.available(Remedy.REPLACE, new BigDecimal("120"));

    private static Promise promise(String id, String what, Instant dueAt, Instant keptAt) {
        return new Promise(id, what, "A-7", Given.minutesAgo(60 * 24 * 2), dueAt, keptAt);
    }

    private static Situation withPromises(Promise... promises) {
        return Given.situation().promises(promises).build();
    }

    private static Situation resolved(UnaryOperator<Situation.Builder> change) {
        return change.apply(Given.situation().complaint(Complaint.builder("K-1").stage(Stage.RESOLVED).build())).build();
    }

    @Test
    void g36_anOverduePromiseIsWarnedAboutByName() {
        Advice advice = verifyThat("Keep what was promised")
                .given(withPromises(promise("P-1", "Llamar con el estado del reembolso", YESTERDAY_9AM, null)))
                .fires().has("G36").warns("PROMISE_OVERDUE", Severity.CAUTION, null).actual();
        assertThat(warning(advice, "PROMISE_OVERDUE").why()).contains("Llamar con el estado del reembolso");

        verifyThat("Keep what was promised")
                .given(withPromises(promise("P-1", "Llamar con el estado del reembolso", YESTERDAY_9AM, Given.minutesAgo(90))))
                .staysQuiet().doesNotWarn("PROMISE_OVERDUE");
        verifyThat("Keep what was promised")
                .given(withPromises(promise("P-1", "Llamar con el estado del reembolso", Given.hoursFromNow(1), null)))
                .staysQuiet().doesNotWarn("PROMISE_OVERDUE");
    }

    @Test
    void g36_severalOverduePromisesAreOneWarningNamingEachLongestOverdueFirst() {
        Situation s = withPromises(
                promise("P-1", "Enviar el abono", Given.minutesAgo(30), null),
                promise("P-2", "Llamar con el estado del reembolso", YESTERDAY_9AM, null),
                promise("P-3", null, Given.minutesAgo(10), null),
                promise("P-4", "Ya cumplida", YESTERDAY_9AM, Given.minutesAgo(5)));
        Advice advice = verifyThat("Keep what was promised").given(s).fires().has("G36").actual();

        assertThat(advice.warnings()).filteredOn(w -> w.code().equals("PROMISE_OVERDUE")).hasSize(1);
        assertThat(warning(advice, "PROMISE_OVERDUE").why())
                .contains("Llamar con el estado del reembolso; Enviar el abono; P-3")
                .doesNotContain("Ya cumplida");
        assertThat(advice.escalations()).filteredOn(e -> e.code().equals("OVERDUE_PROMISE_SUPPORT")).hasSize(1);
    }

    @Test
    void g36_anOverduePromiseIsNamedInEnglishAdviceToo() {
        Situation s = Given.situation().locale(Language.EN)
                .promises(promise("P-1", "Call back with the refund status", YESTERDAY_9AM, null)).build();
        Advice advice = verifyThat("Keep what was promised").given(s).fires().has("G36").actual();
        assertThat(warning(advice, "PROMISE_OVERDUE").why())
                .startsWith("What was promised is overdue").contains("Call back with the refund status");
    }

    @Test
    void g36_askTheSupervisorForSupportWithAnOverduePromise() {
        Advice advice = verifyThat("Ask for support when a promise is overdue")
                .given(withPromises(promise("P-1", "Enviar el abono", YESTERDAY_9AM, null)))
                .fires().has("G36").escalates("OVERDUE_PROMISE_SUPPORT").actual();
        assertThat(advice.escalations()).filteredOn(e -> e.code().equals("OVERDUE_PROMISE_SUPPORT"))
                .singleElement().satisfies(e -> assertThat(e.to()).isEqualTo(EscalationTarget.SUPERVISOR));

        verifyThat("Ask for support when a promise is overdue")
                .given(withPromises(promise("P-1", "Enviar el abono", Given.hoursFromNow(20), null)))
                .staysQuiet().hasNoEscalations();
    }

    @Test
    void g37_callAtThePromisedTimeEvenWithNothingNew() {
        Instant inAnHour = Given.hoursFromNow(1);
        Advice advice = verifyThat("Call when you said you would, even with nothing new")
                .given(withPromises(promise("P-1", "Llamar mañana por la mañana", inAnHour, null)))
                .fires().has("G37").followUp("CALL_AS_PROMISED", inAnHour).actual();
        assertThat(advice.followUps()).filteredOn(f -> f.code().equals("CALL_AS_PROMISED"))
                .singleElement().satisfies(f -> assertThat(f.what()).contains("Llamar mañana por la mañana"));

        // due later than promise.due-soon.within (2 h): not yet
        verifyThat("Call when you said you would, even with nothing new")
                .given(withPromises(promise("P-1", "Llamar mañana por la mañana", Given.hoursFromNow(3), null)))
                .staysQuiet().noFollowUp("CALL_AS_PROMISED");
        // already kept
        verifyThat("Call when you said you would, even with nothing new")
                .given(withPromises(promise("P-1", "Llamar mañana por la mañana", inAnHour, Given.minutesAgo(1))))
                .staysQuiet().noFollowUp("CALL_AS_PROMISED");
        // overdue: G36 applies instead
        verifyThat("Call when you said you would, even with nothing new")
                .given(withPromises(promise("P-1", "Llamar mañana por la mañana", YESTERDAY_9AM, null)))
                .staysQuiet().noFollowUp("CALL_AS_PROMISED").has("G36");
    }

    @Test
    void g37_aPromiseDueRightNowIsStillToBeKept() {
        verifyThat("Call when you said you would, even with nothing new")
                .given(withPromises(promise("P-1", "Llamar a las diez", Given.NOW, null)))
                .fires().has("G37").followUp("CALL_AS_PROMISED", Given.NOW).lacks("G36");
    }

    @Test
    void g37_anUndatedPromiseGetsATimeForTheNextContact() {
        verifyThat("Give an undated promise a time for the next contact")
                .given(withPromises(promise("P-1", "Averiguar qué pasó con el envío", null, null)))
                .fires().has("G37").followUp("NEXT_CONTACT", Given.hoursFromNow(24));
        verifyThat("Give an undated promise a time for the next contact")
                .given(withPromises(promise("P-1", "Averiguar qué pasó con el envío", Given.hoursFromNow(30), null)))
                .staysQuiet().noFollowUp("NEXT_CONTACT");
        verifyThat("Give an undated promise a time for the next contact")
                .given(withPromises(promise("P-1", "Averiguar qué pasó con el envío", null, Given.minutesAgo(5))))
                .staysQuiet().noFollowUp("NEXT_CONTACT");
    }

    @Test
    void g37_aCheckUnderWayGetsATimeForTheNextContact() {
        Evidence beingChecked = new Evidence("E-1", "CARRIER_LOG", Stance.NEUTRAL, false, null);
        verifyThat("Keep in touch while a check is under way")
                .given(Given.situation().evidence(beingChecked).build())
                .fires().has("G37").followUp("NEXT_CONTACT", Given.hoursFromNow(24));
        verifyThat("Keep in touch while a check is under way")
                .given(Given.situation().evidence(new Evidence("E-1", "CARRIER_LOG", Stance.NEUTRAL, true, null)).build())
                .staysQuiet().noFollowUp("NEXT_CONTACT");
        // evidence that takes a side already gets the shorter G20 callback: no second, later contact
        verifyThat("Keep in touch while a check is under way")
                .given(Given.situation().evidence(new Evidence("E-1", "CARRIER_LOG", Stance.CONTRADICTS, false, null)).build())
                .staysQuiet().noFollowUp("NEXT_CONTACT").followUp("CALL_BACK_AFTER_VERIFYING", Given.hoursFromNow(2));
        verifyThat("Keep in touch while a check is under way")
                .given(resolved(b -> b.evidence(beingChecked)))
                .staysQuiet();
    }

    @Test
    void g38_checkThatAKeptRemedyWorked() {
        verifyThat("Check with the customer that the remedy worked")
                .given(resolved(b -> b.promises(promise("P-1", "Enviar el producto de reemplazo", YESTERDAY_9AM,
                        Given.minutesAgo(60)))))
                .fires().has("G38").followUp("CHECK_THE_REMEDY_WORKED", Given.hoursFromNow(48));
        verifyThat("Check with the customer that the remedy worked")
                .given(resolved(b -> b.options(REPLACE)))
                .fires().has("G38").followUp("CHECK_THE_REMEDY_WORKED", Given.hoursFromNow(48));
    }

    @Test
    void g38_quietWhenNothingWasDoneOrItIsNotResolvedYet() {
        // resolved with words only: nothing applied to check
        verifyThat("Check with the customer that the remedy worked")
                .given(resolved(b -> b.options(Option.available(Remedy.EXPLANATION, BigDecimal.ZERO),
                        Option.unavailable(Remedy.REFUND, new BigDecimal("250"), "Fuera de plazo"))))
                .staysQuiet().noFollowUp("CHECK_THE_REMEDY_WORKED");
        // promise still open
        verifyThat("Check with the customer that the remedy worked")
                .given(resolved(b -> b.promises(promise("P-1", "Enviar el reemplazo", Given.hoursFromNow(30), null))))
                .staysQuiet().noFollowUp("CHECK_THE_REMEDY_WORKED");
        // not resolved yet
        verifyThat("Check with the customer that the remedy worked")
                .given(Given.situation().complaint(Complaint.builder("K-1").stage(Stage.CLOSING).build())
                        .options(REPLACE).build())
                .staysQuiet().noFollowUp("CHECK_THE_REMEDY_WORKED");
    }

    @Test
    void g39_stillAngryAfterApologyAndOptionsGoToTheManager() {
        Advice advice = verifyThat("Still angry after the apology and the options: go to your manager for support")
                .given(Given.situation().complaint(Complaint.builder("K-1").emotion(Emotion.ANGRY).apologized(true)
                        .stage(Stage.CLOSING).build()).options(REPLACE).build())
                .fires().has("G39").escalates("STILL_ANGRY_MANAGER_SUPPORT").actual();
        // with nothing to offer too: the customer is still furious at the end ("si es imprescindible")
        verifyThat("Still angry after the apology and the options: go to your manager for support")
                .given(Given.complaint(c -> c.emotion(Emotion.FURIOUS).apologized(true).stage(Stage.CLOSING)))
                .fires().has("G39");
        verifyThat("Still angry after the apology and the options: go to your manager for support")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).apologized(true).stage(Stage.REJECTED)))
                .fires().has("G39");
        assertThat(advice.escalations()).filteredOn(e -> e.code().equals("STILL_ANGRY_MANAGER_SUPPORT"))
                .singleElement().satisfies(e -> {
                    assertThat(e.to()).isEqualTo(EscalationTarget.MANAGER);
                    assertThat(e.why()).contains("no para acusar");
                });
    }

    @Test
    void g39_quietUntilApologyAndOptionsHaveBeenTried() {
        String rule = "Still angry after the apology and the options: go to your manager for support";
        // calmer now
        verifyThat(rule).given(Given.situation().complaint(Complaint.builder("K-1").emotion(Emotion.UPSET)
                .apologized(true).stage(Stage.RESOLVING).build()).options(REPLACE).build()).staysQuiet().lacks("G39");
        // no apology yet
        verifyThat(rule).given(Given.situation().complaint(Complaint.builder("K-1").emotion(Emotion.FURIOUS)
                .apologized(false).stage(Stage.RESOLVING).build()).options(REPLACE).build()).staysQuiet().lacks("G39");
        // options not yet put forward: still listening
        verifyThat(rule).given(Given.situation().complaint(Complaint.builder("K-1").emotion(Emotion.FURIOUS)
                .apologized(true).stage(Stage.LISTENING).build()).options(REPLACE).build()).staysQuiet().lacks("G39");
        // options being offered: not yet, the agent is still at it (it fired here before, as soon as an option existed)
        verifyThat(rule).given(Given.situation().complaint(Complaint.builder("K-1").emotion(Emotion.FURIOUS)
                .apologized(true).stage(Stage.RESOLVING).build()).options(REPLACE).build()).staysQuiet().lacks("G39");
    }

    @Test
    void g40_preventRecurrenceOnceSolvedInTheCustomersFavour() {
        Advice supported = verifyThat("Once solved in the customer's favour, make sure it cannot happen again")
                .given(Given.situation().complaint(Complaint.builder("K-1").stage(Stage.RESOLVED)
                                .cause(Cause.SERVICE_QUALITY).build())
                        .evidence(new Evidence("E-1", "CARRIER_LOG", Stance.SUPPORTS, true, null)).build())
                .fires().has("G40").actual();
        assertThat(record(supported, "PREVENT_RECURRENCE").cause()).isEqualTo(Cause.SERVICE_QUALITY);

        Advice defect = verifyThat("Once solved in the customer's favour, make sure it cannot happen again")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVED).cause(Cause.PRODUCT_DEFECT)))
                .fires().has("G40").actual();
        assertThat(record(defect, "PREVENT_RECURRENCE").cause()).isEqualTo(Cause.PRODUCT_DEFECT);
    }

    @Test
    void g40_poorServiceIsTheOrganisationsToCorrectToo() {
        verifyThat("Once solved in the customer's favour, make sure it cannot happen again")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVED).cause(Cause.SERVICE_QUALITY)))
                .fires().has("G40");
    }

    @Test
    void g40_onceTheCauseIsCorrectedTellTheCustomer() {
        String rule = "Once the cause is corrected, tell the customer what was done";
        // "informar debidamente al cliente": with the check that the remedy worked, 48 h on
        verifyThat(rule).given(Given.complaint(c -> c.stage(Stage.RESOLVED).cause(Cause.PRODUCT_DEFECT)))
                .fires().has("G40").followUp("TELL_WHAT_WAS_CORRECTED", Given.hoursFromNow(48));
        verifyThat(rule).given(Given.complaint(c -> c.stage(Stage.RESOLVED).cause(Cause.OTHER)))
                .staysQuiet().noFollowUp("TELL_WHAT_WAS_CORRECTED");
        verifyThat(rule).given(Given.complaint(c -> c.stage(Stage.CLOSING).cause(Cause.PRODUCT_DEFECT)))
                .staysQuiet().noFollowUp("TELL_WHAT_WAS_CORRECTED");
        verifyThat(rule).given(Given.situation().complaint(Complaint.builder("K-1").stage(Stage.RESOLVED)
                        .cause(Cause.PRODUCT_DEFECT).build())
                .evidence(new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, null)).build())
                .staysQuiet().noFollowUp("TELL_WHAT_WAS_CORRECTED");
    }

    @Test
    void g40_quietWhenNotSolvedInTheCustomersFavour() {
        String rule = "Once solved in the customer's favour, make sure it cannot happen again";
        verifyThat(rule).given(Given.complaint(c -> c.stage(Stage.REJECTED).cause(Cause.PRODUCT_DEFECT)))
                .staysQuiet().lacks("G40");
        verifyThat(rule).given(Given.complaint(c -> c.stage(Stage.CLOSING).cause(Cause.PRODUCT_DEFECT)))
                .staysQuiet().lacks("G40");
        verifyThat(rule).given(Given.complaint(c -> c.stage(Stage.RESOLVED).cause(Cause.OTHER)))
                .staysQuiet().lacks("G40");
        verifyThat(rule).given(Given.situation().complaint(Complaint.builder("K-1").stage(Stage.RESOLVED)
                        .cause(Cause.PRODUCT_DEFECT).build())
                .evidence(new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, null)).build())
                .staysQuiet().lacks("G40");
    }

    @Test
    void g36_g37_g38_g39_g40_quietOnACalmSimpleSituation() {
        assertQuiet(Given.situation().build());
        assertQuiet(Given.draft(Language.ES, "Buenos días, con mucho gusto le ayudo. Ahora mismo reviso su pedido y le digo cómo va."));
        assertQuiet(Given.draft(Language.EN, "Good morning, I'm glad to help. I'll look up your order right now and tell you where it is."));
    }

    private static void assertQuiet(Situation s) {
        Explanation e = DefaultPolicy.explain(s);
        assertThat(e.rulesFired()).as("rules fired").doesNotContainAnyElementsOf(RULES);
        assertThat(e.advice().warnings()).noneMatch(w -> RULES.stream().anyMatch(w.rule()::contains));
        assertThat(e.advice().escalations()).noneMatch(x -> RULES.stream().anyMatch(x.rule()::contains));
    }

    private static Warning warning(Advice advice, String code) {
        return advice.warnings().stream().filter(w -> w.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning " + code + " in " + advice.warnings()));
    }

    private static CaseRecord record(Advice advice, String kind) {
        return advice.records().stream().filter(r -> r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + kind + " in " + advice.records()));
    }
}
