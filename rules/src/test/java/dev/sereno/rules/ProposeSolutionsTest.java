package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;
import static dev.sereno.situation.Remedy.APOLOGY;
import static dev.sereno.situation.Remedy.CREDIT;
import static dev.sereno.situation.Remedy.EXPLANATION;
import static dev.sereno.situation.Remedy.REFUND;
import static dev.sereno.situation.Remedy.REPAIR;
import static dev.sereno.situation.Remedy.REPLACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Escalation;
import dev.sereno.advice.Recommendation;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Agent;
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
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Section 5: propose solutions (G22–G35), the rules on the case's facts: options, authority, promises, evidence and
 * stage. The rules on the words of the draft reply are in {@link ProposeSolutionsDraftTest}.
 */
class ProposeSolutionsTest {
    private static final String G30 = "If we truly cannot deliver, explain why and suggest other ways or a partner";
    /** May grant replacements, repairs and credits up to 100 EUR; not refunds or discounts. */
    static final Agent LUCIA = Agent.of("A-7").withName("Lucía")
            .withAuthority(eur("100"), APOLOGY, EXPLANATION, REPLACE, REPAIR, CREDIT);

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    /** Lucía, at the resolving stage, with the complaint changed by {@code change} and these options. */
    static Situation resolving(UnaryOperator<Complaint.Builder> change, Option... options) {
        return Given.situation().agent(LUCIA)
                .complaint(change.apply(Complaint.builder("K-1").stage(Stage.LISTENING)).build())
                .options(options).build();
    }

    static Situation resolving(Option... options) {
        return resolving(c -> c, options);
    }

    static Option available(Remedy remedy, String cost) {
        return Option.available(remedy, eur(cost));
    }

    static Option unavailable(Remedy remedy, String cost, String why) {
        return Option.unavailable(remedy, eur(cost), why);
    }

    // G23 — no answer at hand

    @Test
    void g23_noSolutionAvailable_saySoAndPromiseToFindOne() {
        // nothing available and one option does not say why: whether it can still be done is not known yet
        verifyThat("No solution available: say so honestly and promise to find one")
                .given(resolving(unavailable(REFUND, "250", "Fuera de plazo"), unavailable(REPLACE, "120", null)))
                .fires().has("G23").recommends("SAY_YOU_WILL_FIND_OUT").lacks("G30")
                .followUp("FIND_THE_ANSWER", Given.hoursFromNow(24));
        verifyThat("No solution available: say so honestly and promise to find one")
                .given(resolving(unavailable(REFUND, "250", "Fuera de plazo"), available(REPLACE, "120")))
                .staysQuiet().lacks("G23").noFollowUp("FIND_THE_ANSWER");
        // every option says why: the answer is known, it is G30's "we cannot", with no promise to find out
        verifyThat("No solution available: say so honestly and promise to find one")
                .given(resolving(unavailable(REFUND, "250", "Fuera de plazo"), unavailable(REPLACE, "120", "Sin existencias")))
                .staysQuiet().lacks("G23").has("G30").noFollowUp("FIND_THE_ANSWER");
    }

    @Test
    void g23_g30_neverTogether() {
        for (Option[] options : new Option[][] {
                {unavailable(REFUND, "250", "Fuera de plazo"), unavailable(REPLACE, "120", "Sin existencias")},
                {unavailable(REFUND, "250", "Fuera de plazo"), unavailable(REPLACE, "120", " ")},
                {unavailable(REPAIR, "60", null)},
                {}}) {
            for (Remedy wanted : new Remedy[] {null, REFUND, REPAIR}) {
                Advice advice = DefaultPolicy.advise(resolving(c -> c.requestedRemedy(wanted).amount(eur("250")), options));
                Set<String> ids = advice.guidance().collect(Collectors.toSet());
                assertThat(ids.contains("G23") && ids.contains("G30"))
                        .as("G23 and G30 together for %s, asking %s: %s", java.util.Arrays.toString(options), wanted, ids)
                        .isFalse();
            }
        }
    }

    @Test
    void g23_nothingAtHandForWhatIsAsked_promiseToFindIt() {
        verifyThat("Nothing at hand for what the customer asks: promise to find it")
                .given(resolving(c -> c.requestedRemedy(REFUND).amount(eur("40"))))
                .fires().has("G23").recommends("SAY_YOU_WILL_FIND_OUT")
                .followUp("FIND_THE_ANSWER", Given.hoursFromNow(24));
        // the agent may grant it: there is an answer at hand
        verifyThat("Nothing at hand for what the customer asks: promise to find it")
                .given(resolving(c -> c.requestedRemedy(REPAIR).amount(eur("40"))))
                .staysQuiet().lacks("G23");
    }

    @Test
    void g23_theAmountAloneCanPutTheAnswerOutOfReach() {
        verifyThat("Nothing at hand for what the customer asks: promise to find it")
                .given(resolving(c -> c.requestedRemedy(REPAIR).amount(eur("400"))))
                .fires().has("G23");
    }

    // G24, G25 — involve the customer, offer at least two options

    @Test
    void g24_askWhichKindOfSolution() {
        verifyThat("Ask which kind of solution the customer would like")
                .given(resolving(available(REPLACE, "120")))
                .fires().has("G24").recommends("ASK_WHICH_SOLUTION");
        verifyThat("Ask which kind of solution the customer would like")
                .given(resolving(unavailable(REPLACE, "120", "Sin existencias")))
                .staysQuiet().lacks("G24");
    }

    @Test
    void g25_offerAtLeastTwoOptions() {
        verifyThat("Offer at least two options")
                .given(resolving(available(REPLACE, "120"), available(CREDIT, "80")))
                .fires().has("G25").recommends("OFFER_TWO_OPTIONS");
        verifyThat("Offer at least two options")
                .given(resolving(available(REPLACE, "120"), unavailable(CREDIT, "80", "No aplica")))
                .staysQuiet().doesNotRecommend("OFFER_TWO_OPTIONS");
        // two prices for the same remedy are not two kinds of solution
        verifyThat("Offer at least two options")
                .given(resolving(available(REPAIR, "60"), available(REPAIR, "90")))
                .staysQuiet();
    }

    @Test
    void g25_optionsBeyondTheAgentsAuthorityStillCount() {
        verifyThat("Offer at least two options")
                .given(resolving(available(REFUND, "250"), available(REPLACE, "120")))
                .fires().has("G25");
    }

    // G26 — what is possible and what is not

    @Test
    void g26_sayWhatIsPossibleAndWhatIsNot() {
        Advice advice = verifyThat("Say what is possible and what is not")
                .given(resolving(available(REPLACE, "80"), unavailable(REFUND, "250", "fuera del plazo de devolución")))
                .fires().has("G26").recommends("SAY_WHAT_IS_POSSIBLE").actual();
        assertThat(recommendation(advice, "SAY_WHAT_IS_POSSIBLE").say())
                .contains("el reembolso").contains("fuera del plazo de devolución");
        verifyThat("Say what is possible and what is not")
                .given(resolving(available(REPLACE, "80"), available(REFUND, "250")))
                .staysQuiet().lacks("G26");
        verifyThat("Say what is possible and what is not")
                .given(resolving(unavailable(REPLACE, "80", "Sin existencias"), unavailable(REFUND, "250", "Fuera de plazo")))
                .staysQuiet().lacks("G26");
    }

    @Test
    void g26_withoutAReasonFindOutWhyNot() {
        verifyThat("Say what is possible, and find out why the rest is not")
                .given(resolving(available(REPLACE, "80"), unavailable(REFUND, "250", null)))
                .fires().has("G26").recommends("SAY_WHAT_IS_POSSIBLE_FIND_WHY").doesNotRecommend("SAY_WHAT_IS_POSSIBLE");
        verifyThat("Say what is possible, and find out why the rest is not")
                .given(resolving(available(REPLACE, "80"), unavailable(REFUND, "250", "Fuera de plazo")))
                .staysQuiet().doesNotRecommend("SAY_WHAT_IS_POSSIBLE_FIND_WHY");
    }

    // G27 — escalate for support when the case exceeds the agent's authority

    @Test
    void g27_escalateWhenTheRemedyAskedForIsNotTheAgentsToGrant() {
        Advice advice = verifyThat("Ask a supervisor for support when the remedy asked for is not yours to grant")
                .given(resolving(c -> c.requestedRemedy(REFUND).amount(eur("40"))))
                .fires().has("G27").escalates("REMEDY_BEYOND_AUTHORITY").actual();
        Escalation e = advice.escalations().get(0);
        assertThat(e.why()).contains("el reembolso");
        assertThat(e.say()).contains("apoyo").doesNotContainIgnoringCase("culpa");
        verifyThat("Ask a supervisor for support when the remedy asked for is not yours to grant")
                .given(resolving(c -> c.requestedRemedy(REPLACE).amount(eur("40"))))
                .staysQuiet().lacks("G27").hasNoEscalations();
    }

    @Test
    void g27_escalateWhenTheAmountExceedsTheAgentsLimit() {
        Advice advice = verifyThat("Ask a supervisor for support when the amount exceeds your limit")
                .given(resolving(c -> c.requestedRemedy(REPLACE).amount(eur("250"))))
                .fires().has("G27").escalates("AMOUNT_BEYOND_AUTHORITY").actual();
        assertThat(advice.escalations()).hasSize(1);
        assertThat(advice.escalations().get(0).why()).contains("250 EUR").contains("100 EUR");
        verifyThat("Ask a supervisor for support when the amount exceeds your limit")
                .given(resolving(c -> c.requestedRemedy(REPLACE).amount(eur("100.00"))))
                .staysQuiet().lacks("G27").hasNoEscalations();
    }

    @Test
    void g27_theAmountAloneNeedsSupportEvenWithoutARequestedRemedy() {
        verifyThat("Ask a supervisor for support when the amount exceeds your limit")
                .given(resolving(c -> c.amount(eur("250"))))
                .fires().has("G27").escalates("AMOUNT_BEYOND_AUTHORITY");
    }

    @Test
    void g27_noEscalationWhenAnOptionWithinAuthorityGivesWhatWasAskedFor() {
        // the goods are worth 250, but replacing them costs 80: the agent can do it alone
        verifyThat("Ask a supervisor for support when the amount exceeds your limit")
                .given(resolving(c -> c.requestedRemedy(REPLACE).amount(eur("250")), available(REPLACE, "80")))
                .staysQuiet().lacks("G27").hasNoEscalations();
        // an alternative the customer did not ask for does not resolve it
        verifyThat("Ask a supervisor for support when the amount exceeds your limit")
                .given(resolving(c -> c.requestedRemedy(REPLACE).amount(eur("250")), available(CREDIT, "80")))
                .fires().has("G27");
        // nor does an option above the agent's limit
        verifyThat("Ask a supervisor for support when the amount exceeds your limit")
                .given(resolving(c -> c.requestedRemedy(REPLACE).amount(eur("250")), available(REPLACE, "120")))
                .fires().has("G27");
    }

    @Test
    void g27_oneEscalationWhenBothTheRemedyAndTheAmountExceedAuthority() {
        Advice advice = DefaultPolicy.advise(resolving(c -> c.requestedRemedy(REFUND).amount(eur("250"))));
        assertThat(advice.escalations()).extracting(Escalation::code).containsExactly("REMEDY_BEYOND_AUTHORITY");
    }

    @Test
    void g27_noEscalationForARemedyAlreadyRuledOutWithItsReason() {
        // the contract's example: the refund is out of the return period; no supervisor can grant it either
        Advice advice = verifyThat("Ask a supervisor for support when the remedy asked for is not yours to grant")
                .given(resolving(c -> c.requestedRemedy(REFUND).amount(eur("250")),
                        available(REPLACE, "120"), unavailable(REFUND, "250", "Fuera del plazo de devolución")))
                .staysQuiet().lacks("G27").hasNoEscalations().recommends("SAY_WHAT_IS_POSSIBLE").actual();
        // the reason reaches the agent
        assertThat(recommendation(advice, "SAY_WHAT_IS_POSSIBLE").say()).contains("Fuera del plazo de devolución");
        // ruled out without a reason: a supervisor may know why, or decide otherwise
        verifyThat("Ask a supervisor for support when the remedy asked for is not yours to grant")
                .given(resolving(c -> c.requestedRemedy(REFUND).amount(eur("250")),
                        available(REPLACE, "120"), unavailable(REFUND, "250", null)))
                .fires().has("G27");
        // the same for the amount, when the remedy asked for is the agent's but ruled out
        verifyThat("Ask a supervisor for support when the amount exceeds your limit")
                .given(resolving(c -> c.requestedRemedy(REPLACE).amount(eur("250")),
                        unavailable(REPLACE, "250", "Modelo descatalogado")))
                .staysQuiet().lacks("G27").has("G30");
    }

    @Test
    void g27_noEscalationOnceTheCaseIsClosed() {
        verifyThat("Ask a supervisor for support when the remedy asked for is not yours to grant")
                .given(resolving(c -> c.requestedRemedy(REFUND).stage(Stage.RESOLVED)))
                .staysQuiet().hasNoEscalations();
    }

    // G28 — commit only to what the agent may grant

    @Test
    void g28_commitOnlyToWhatYouMayGrant() {
        verifyThat("Commit only to what you may grant yourself")
                .given(resolving(available(REFUND, "40")))
                .fires().has("G28").doesNotWarn("OFFER_NEEDS_APPROVAL");
        verifyThat("Commit only to what you may grant yourself")
                .given(resolving(available(REPLACE, "120")))
                .fires().has("G28");
        verifyThat("Commit only to what you may grant yourself")
                .given(resolving(available(REPLACE, "80")))
                .staysQuiet().lacks("G28");
    }

    @Test
    void g28_quietWhenTheAngerIsAboutTheAgentsOwnService() {
        verifyThat("Commit only to what you may grant yourself")
                .given(resolving(c -> c.causedByThisAgent(true).emotion(Emotion.ANGRY), available(REFUND, "40")))
                .staysQuiet().lacks("G28");
    }

    @Test
    void g28_g32_aDraftOfferBeyondAuthorityIsWarnedEvenWhenTheAgentCausedTheAnger() {
        verifyThat("Don't offer in the reply what you cannot grant alone")
                .given(Given.situation().agent(LUCIA)
                        .complaint(Complaint.builder("K-1").causedByThisAgent(true).emotion(Emotion.ANGRY)
                                .stage(Stage.RESOLVING).build())
                        .options(available(REFUND, "600"))
                        .draftReply("Lo siento muchísimo, ha sido culpa mía. Le reembolsamos los 600 euros hoy mismo.").build())
                .fires().has("G28").has("G32");
        verifyThat("Don't offer in the reply what you cannot grant alone")
                .given(Given.situation().agent(LUCIA)
                        .complaint(Complaint.builder("K-1").causedByThisAgent(true).emotion(Emotion.ANGRY)
                                .stage(Stage.RESOLVING).build())
                        .options(available(REPLACE, "60"))
                        .draftReply("Lo siento muchísimo, ha sido culpa mía. Le envío un reemplazo hoy mismo.").build())
                .staysQuiet();
    }

    // G29 — yes we can, this is the price

    @Test
    void g29_aRequestedRemedyPossibleAtAPrice() {
        // beyond what is owed: the customer would pay 45 for a repair that costs us 60; only the 45 is quoted
        Advice advice = verifyThat("Yes we can, this is the price")
                .given(resolving(c -> c.requestedRemedy(REPAIR), available(REPAIR, "60").withPrice(eur("45"))))
                .fires().has("G29").recommends("YES_AT_A_PRICE").actual();
        Recommendation yes = recommendation(advice, "YES_AT_A_PRICE");
        assertThat(yes.why()).contains("la reparación").contains("45 EUR").doesNotContain("60");
        assertThat(yes.say()).contains("45 EUR").doesNotContain("60");
        verifyThat("Yes we can, this is the price")
                .given(resolving(c -> c.requestedRemedy(REPAIR), unavailable(REPAIR, "60", "Sin repuestos").withPrice(eur("45"))))
                .staysQuiet().lacks("G29");
        // owed (no price): never charged, and the cost to us is never quoted, however high
        verifyThat("Yes we can, this is the price")
                .given(resolving(c -> c.requestedRemedy(REPAIR), available(REPAIR, "60")))
                .staysQuiet().lacks("G29");
        verifyThat("Yes we can, this is the price")
                .given(resolving(c -> c.requestedRemedy(REPAIR), available(REPAIR, "0")))
                .staysQuiet();
        verifyThat("Yes we can, this is the price")
                .given(resolving(c -> c.requestedRemedy(REFUND), available(REPAIR, "60")))
                .staysQuiet();
    }

    // G30 — truly cannot deliver

    @Test
    void g30_whenNothingCanBeDeliveredExplainWhyAndSuggestOtherWays() {
        Advice advice = verifyThat(G30)
                .given(resolving(unavailable(REPLACE, "90", "Modelo descatalogado"), unavailable(REPAIR, "60", "Sin repuestos")))
                .fires().has("G30").recommends("SUGGEST_OTHER_WAYS").lacks("G23").noFollowUp("FIND_THE_ANSWER").actual();
        // every reason, for the agent to explain ("explicarle el porqué"), in an order that does not depend on the list's
        assertThat(recommendation(advice, "SUGGEST_OTHER_WAYS").why()).contains("Modelo descatalogado; Sin repuestos");
        assertThat(recommendation(advice, "SUGGEST_OTHER_WAYS").say()).contains("Modelo descatalogado; Sin repuestos");
        verifyThat(G30)
                .given(resolving(unavailable(REPAIR, "60", "Sin repuestos"), available(CREDIT, "60")))
                .staysQuiet().lacks("G30");
        // a reason missing: not known yet that we cannot (G23)
        verifyThat(G30)
                .given(resolving(unavailable(REPAIR, "60", "Sin repuestos"), unavailable(REPLACE, "90", null)))
                .staysQuiet().lacks("G30").has("G23");
        // no options known yet: it is not known that we cannot (G23 and G27 apply instead)
        verifyThat(G30)
                .given(resolving(c -> c.requestedRemedy(REFUND)))
                .staysQuiet().lacks("G30").has("G23").has("G27");
    }

    // G31 — explain a no

    @Test
    void g31_explainInDetailHowTheNoWasReached() {
        verifyThat("Explain in detail how a no was reached")
                .given(Given.complaint(c -> c.stage(Stage.REJECTED)))
                .fires().has("G31").recommends("EXPLAIN_THE_DECISION");
        verifyThat("Explain in detail how a no was reached")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVED)))
                .staysQuiet().lacks("G31");
    }

    // G32 — no false expectations (promises; guarantees in the draft are in ProposeSolutionsDraftTest)

    @Test
    void g32_aPromiseWithoutAnOwner() {
        Promise nobodys = new Promise("P-1", "Llamar con el estado del reembolso", null,
                Given.minutesAgo(60), Given.hoursFromNow(2), null);
        verifyThat("Don't leave a promise without an owner")
                .given(Given.situation().promises(nobodys).build())
                .fires().has("G32");
        Promise kept = new Promise("P-1", "Llamar", null, Given.minutesAgo(60), Given.minutesAgo(30), Given.minutesAgo(20));
        verifyThat("Don't leave a promise without an owner")
                .given(Given.situation().promises(kept).build())
                .staysQuiet().lacks("G32");
        Promise owned = new Promise("P-1", "Llamar", "A-7", Given.minutesAgo(60), Given.hoursFromNow(2), null);
        verifyThat("Don't leave a promise without an owner")
                .given(Given.situation().promises(owned).build())
                .staysQuiet().lacks("G32").doesNotWarn("PROMISE_WITHOUT_OWNER");
    }

    @Test
    void g32_aPromiseWithoutADate() {
        Promise undated = new Promise("P-2", "Enviar el justificante", "A-7", Given.minutesAgo(60), null, null);
        Advice advice = verifyThat("Don't leave a promise without a date")
                .given(Given.situation().promises(undated).build())
                .fires().has("G32").actual();
        assertThat(advice.warnings()).anySatisfy(w -> assertThat(w.why()).contains("P-2"));
        Promise dated = new Promise("P-2", "Enviar el justificante", "A-7", Given.minutesAgo(60), Given.hoursFromNow(1), null);
        verifyThat("Don't leave a promise without a date")
                .given(Given.situation().promises(dated).build())
                .staysQuiet().lacks("G32");
    }

    // G33, G34

    @Test
    void g33_aClearSpecificSimplePersonalAnswer() {
        verifyThat("Give a clear, specific, simple and personal answer")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVING)))
                .fires().has("G33").recommends("CLEAR_PERSONAL_ANSWER");
        verifyThat("Give a clear, specific, simple and personal answer")
                .given(Given.complaint(c -> c.stage(Stage.LISTENING)))
                .staysQuiet().lacks("G33");
    }

    @Test
    void g34_whenTheCustomerIsRightAdmitItAndCorrectIt() {
        Evidence confirms = new Evidence("E-1", "CARRIER_LOG", Stance.SUPPORTS, true, "Entrega fallida el día 18");
        verifyThat("When the customer is right, admit it and correct it quickly")
                .given(Given.situation().evidence(confirms).build())
                .fires().has("G34").recommends("ADMIT_AND_CORRECT");
        Evidence unchecked = new Evidence("E-1", "CARRIER_LOG", Stance.SUPPORTS, false, "Entrega fallida el día 18");
        verifyThat("When the customer is right, admit it and correct it quickly")
                .given(Given.situation().evidence(unchecked).build())
                .staysQuiet().lacks("G34");
    }

    // G35 — offer first what benefits the customer most

    @Test
    void g35_offerFirstWhatTheCustomerAskedFor() {
        Advice advice = verifyThat("Offer first what the customer asked for")
                .given(resolving(c -> c.requestedRemedy(REFUND), available(REPLACE, "120"), available(REFUND, "90")))
                .fires().has("G35").recommends("OFFER_FIRST").actual();
        assertThat(recommendation(advice, "OFFER_FIRST").why()).contains("el reembolso");
        verifyThat("Offer first what the customer asked for")
                .given(resolving(c -> c.requestedRemedy(REFUND), available(REFUND, "90")))
                .staysQuiet().lacks("G35");
        verifyThat("Offer first what the customer asked for")
                .given(resolving(c -> c.requestedRemedy(REFUND), available(REPLACE, "120"), unavailable(REFUND, "90", "Fuera de plazo")))
                .staysQuiet();
    }

    @Test
    void g35_otherwiseOfferFirstTheOptionWorthMost() {
        Advice advice = verifyThat("Offer first the option worth most to the customer")
                .given(resolving(available(CREDIT, "50"), available(REPLACE, "120")))
                .fires().has("G35").actual();
        assertThat(recommendation(advice, "OFFER_FIRST").why()).contains("la sustitución del producto");
        verifyThat("Offer first the option worth most to the customer")
                .given(resolving(c -> c.requestedRemedy(CREDIT), available(CREDIT, "50"), available(REPLACE, "120")))
                .staysQuiet();
        verifyThat("Offer first the option worth most to the customer")
                .given(resolving(available(REPLACE, "120")))
                .staysQuiet().lacks("G35");
    }

    @Test
    void g35_onEqualCostTheFirstListedRemedyGoesFirst() {
        Advice advice = verifyThat("Offer first the option worth most to the customer")
                .given(resolving(available(CREDIT, "80.00"), available(REPAIR, "80")))
                .fires().has("G35").actual();
        assertThat(recommendation(advice, "OFFER_FIRST").why()).contains("la reparación").doesNotContain("abono");
    }

    @Test
    void g35_theRemedyIsNamedInTheSituationsLanguage() {
        Situation english = resolving(available(CREDIT, "50"), available(REPLACE, "120")).toBuilder()
                .locale(Language.EN).build();
        assertThat(recommendation(DefaultPolicy.advise(english), "OFFER_FIRST").why()).contains("a replacement");
    }

    // Noise

    @Test
    void g22_g35_quietOnACalmSimpleQuestion() {
        assertThat(sectionRulesFired(Given.situation().build())).isEmpty();
        assertThat(sectionRulesFired(Given.complaint(c -> c.stage(Stage.LISTENING).claim("¿Cuándo llega mi pedido?"))))
                .isEmpty();
    }

    static Recommendation recommendation(Advice advice, String action) {
        return advice.recommendations().stream().filter(r -> r.action().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no recommendation " + action + " in " + advice.recommendations()));
    }

    private static final Set<String> SECTION = IntStream.rangeClosed(22, 35).mapToObj(n -> "G" + n)
            .collect(Collectors.toSet());

    /** The rules citing section 5 (G22–G35) that fired for the situation. */
    static Set<String> sectionRulesFired(Situation s) {
        return DefaultPolicy.explain(s).rulesFired().stream()
                .filter(rule -> DefaultPolicy.ADVISOR.policy().rules().get(rule).guidance().stream().anyMatch(SECTION::contains))
                .collect(Collectors.toSet());
    }
}
