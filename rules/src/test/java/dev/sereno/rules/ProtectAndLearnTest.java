package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Recommendation;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.Explanation;
import dev.sereno.json.SituationJson;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Interaction;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Section 7: protect yourself and learn (G41–G46). */
class ProtectAndLearnTest {

    @Test
    void g45_aComplaintRaisedBeforeWithoutAnswerIsIgnored() {
        verifyThat("A complaint raised before without answer counts as ignored")
                .given(Given.complaint(c -> c.cause(Cause.SERVICE_QUALITY).raisedBefore(2)))
                .fires().has("G44").has("G45");
        verifyThat("A complaint raised before without answer counts as ignored")
                .given(Given.complaint(c -> c.cause(Cause.SERVICE_QUALITY).raisedBefore(0)))
                .staysQuiet();
    }

    @Test
    void g44_recordTheCauseOfEveryComplaint() {
        verifyThat("Record the cause of every complaint")
                .given(Given.complaint(c -> c.cause(Cause.PRODUCT_DEFECT)))
                .fires().has("G44");
        verifyThat("Record the cause of every complaint")
                .given(Given.complaint(c -> c.cause(Cause.IGNORED_COMPLAINT)))
                .staysQuiet();
    }

    @Test
    void g45_anIgnoredComplaintRaisesThePriority() {
        // "el caso más grave de todos": URGENT (it was HIGH, below a small business's first complaint)
        verifyThat("An ignored complaint is the gravest cause")
                .given(Given.complaint(c -> c.cause(Cause.PRODUCT_DEFECT).raisedBefore(1)))
                .fires().priority(Priority.URGENT);
        verifyThat("An ignored complaint is the gravest cause")
                .given(Given.complaint(c -> c.cause(Cause.IGNORED_COMPLAINT).raisedBefore(3)))
                .fires().priority(Priority.URGENT);
        verifyThat("An ignored complaint is the gravest cause")
                .given(Given.complaint(c -> c.cause(Cause.PRODUCT_DEFECT).raisedBefore(0)))
                .staysQuiet().priority(Priority.NORMAL);
    }

    @Test
    void g45_theOrderOfGravityShowsInThePriority() {
        Priority defect = DefaultPolicy.advise(Given.complaint(c -> c.cause(Cause.PRODUCT_DEFECT))).priority();
        Priority service = DefaultPolicy.advise(Given.complaint(c -> c.cause(Cause.SERVICE_QUALITY))).priority();
        Priority mistreatment = DefaultPolicy.advise(Given.complaint(c -> c.cause(Cause.MISTREATMENT))).priority();
        Priority ignored = DefaultPolicy.advise(Given.complaint(c -> c.cause(Cause.IGNORED_COMPLAINT))).priority();
        assertThat(List.of(defect, service, mistreatment, ignored))
                .containsExactly(Priority.NORMAL, Priority.NORMAL, Priority.HIGH, Priority.URGENT);
        // never below a small business's first complaint, even one that stops its business
        Priority smallBusinessStopped = DefaultPolicy.advise(Given.situation()
                .customer(dev.sereno.situation.Customer.of("C-1").withSegment(dev.sereno.situation.Segment.SMALL_BUSINESS))
                .complaint(dev.sereno.situation.Complaint.builder("K-1").blocksCustomerBusiness(true).build()).build()).priority();
        assertThat(ignored).isGreaterThanOrEqualTo(smallBusinessStopped);
    }

    @Test
    void g45_mistreatmentRaisesThePriority() {
        verifyThat("Mistreatment by staff is a grave cause")
                .given(Given.complaint(c -> c.cause(Cause.MISTREATMENT)))
                .fires().priority(Priority.HIGH);
        verifyThat("Mistreatment by staff is a grave cause")
                .given(Given.complaint(c -> c.cause(Cause.SERVICE_QUALITY)))
                .staysQuiet().priority(Priority.NORMAL);
    }

    private static final String PAUSE = "After a hard interaction, pause before the next customer";
    private static final List<String> AFTER_THE_CALL_RULES = List.of(PAUSE, "Thank the customer for the complaint",
            "Once resolved, ask how satisfied the customer is", "Once the remedy is checked, ask how satisfied the customer is",
            "This conversation was hard: pause before the next customer", "Invite the customer to tell us how we can improve");

    private static Situation agentWith(Interaction... interactions) {
        return Given.situation().agent(Agent.of("A-7").withRecentInteractions(interactions)).build();
    }

    @Test
    void g41_pauseAfterAFuriousCustomerJustNow() {
        Advice advice = verifyThat(PAUSE)
                .given(agentWith(new Interaction(Given.minutesAgo(10), Emotion.FURIOUS)))
                .fires().has("G41").recommends("PAUSE_BEFORE_NEXT_CUSTOMER").actual();
        assertThat(recommendation(advice, "PAUSE_BEFORE_NEXT_CUSTOMER").why()).contains("10 min");

        // the furious customer was two hours ago: the time since was the pause
        verifyThat(PAUSE).given(agentWith(new Interaction(Given.minutesAgo(120), Emotion.FURIOUS)))
                .staysQuiet().lacks("G41");
        // the last customer was only upset
        verifyThat(PAUSE).given(agentWith(new Interaction(Given.minutesAgo(5), Emotion.UPSET)))
                .staysQuiet().lacks("G41");
        // a furious one earlier, but a calm one since
        verifyThat(PAUSE).given(agentWith(new Interaction(Given.minutesAgo(20), Emotion.FURIOUS),
                        new Interaction(Given.minutesAgo(5), Emotion.CALM)))
                .staysQuiet().lacks("G41");
    }

    @Test
    void g41_pauseAfterAnAngryCustomer() {
        verifyThat(PAUSE)
                .given(agentWith(new Interaction(Given.minutesAgo(40), Emotion.ANGRY),
                        new Interaction(Given.minutesAgo(5), Emotion.ANGRY)))
                .fires().has("G41").recommends("PAUSE_BEFORE_NEXT_CUSTOMER");
        // one angry customer is enough ("una situación como esta"; angry-interactions.in-a-row = 1)
        verifyThat(PAUSE)
                .given(agentWith(new Interaction(Given.minutesAgo(40), Emotion.UPSET),
                        new Interaction(Given.minutesAgo(5), Emotion.ANGRY)))
                .fires().has("G41");
        verifyThat(PAUSE)
                .given(agentWith(new Interaction(Given.minutesAgo(40), Emotion.ANGRY),
                        new Interaction(Given.minutesAgo(5), Emotion.UPSET)))
                .staysQuiet().lacks("G41");
    }

    @Test
    void g41_twoInARowWhenThePolicySaysSo() {
        try (Advisor strict = Advisor.builder().parameters(PolicyParameters.read("angry-interactions.in-a-row=2")).build()) {
            assertThat(strict.advise(agentWith(new Interaction(Given.minutesAgo(40), Emotion.UPSET),
                    new Interaction(Given.minutesAgo(5), Emotion.ANGRY))).guidance()).doesNotContain("G41");
            assertThat(strict.advise(agentWith(new Interaction(Given.minutesAgo(40), Emotion.ANGRY),
                    new Interaction(Given.minutesAgo(5), Emotion.ANGRY))).guidance()).contains("G41");
        }
    }

    @Test
    void g41_pauseWhenTheHardConversationEnds() {
        String rule = "This conversation was hard: pause before the next customer";
        for (Stage end : List.of(Stage.CLOSING, Stage.RESOLVED, Stage.REJECTED)) {
            verifyThat(rule).given(Given.complaint(c -> c.emotion(Emotion.ANGRY).stage(end)))
                    .fires().has("G41").recommends("PAUSE_BEFORE_NEXT_CUSTOMER");
        }
        // still in the conversation: the pause comes when it ends
        verifyThat(rule).given(Given.complaint(c -> c.emotion(Emotion.FURIOUS).stage(Stage.RESOLVING)))
                .staysQuiet().lacks("G41");
        // a calm end is no hard conversation
        verifyThat(rule).given(Given.complaint(c -> c.emotion(Emotion.UPSET).stage(Stage.CLOSING)))
                .staysQuiet().lacks("G41");
    }

    @Test
    void g41_theContractExampleAgentHadAFuriousCustomerTenMinutesAgo() {
        Situation example = new SituationJson().read("""
                {
                  "now": "2026-11-23T10:00:00Z", "locale": "es", "currency": "EUR",
                  "customer": { "id": "C-1", "segment": "INDIVIDUAL", "yearsAsCustomer": 6, "annualValue": 12000.00,
                                "annualCostToServe": 900.00, "pastComplaints": 3, "pastUnfoundedComplaints": 2 },
                  "agent": { "id": "A-7", "name": "Lucía", "maxCompensation": 100.00,
                             "remedies": ["APOLOGY", "EXPLANATION", "REPLACE", "REPAIR", "CREDIT"],
                             "recentInteractions": [ { "endedAt": "2026-11-23T09:50:00Z", "emotion": "FURIOUS" } ] },
                  "complaint": { "id": "K-1", "channel": "PHONE", "cause": "SERVICE_QUALITY",
                                 "claim": "El pedido no llegó en la fecha acordada", "claimKind": "FACT",
                                 "customerWords": "¡Es la tercera vez que llamo y nadie me resuelve nada!",
                                 "emotion": "ANGRY", "stillVenting": false, "agentInterrupted": false,
                                 "causedByThisAgent": false, "causeEstablished": true, "paraphrased": false,
                                 "apologized": false, "blocksCustomerBusiness": false, "raisedBefore": 2,
                                 "requestedRemedy": "REFUND", "amount": 250.00, "openedAt": "2026-11-20T08:00:00Z",
                                 "stage": "LISTENING" },
                  "evidence": [ { "id": "E-1", "kind": "SIGNED_DELIVERY_RECEIPT", "stance": "CONTRADICTS",
                                  "verified": true, "summary": "Albarán firmado el 2026-11-18" } ],
                  "promises": [ { "id": "P-1", "what": "Llamar con el estado del reembolso", "owner": "A-7",
                                  "madeAt": "2026-11-21T10:00:00Z", "dueAt": "2026-11-22T09:00:00Z", "keptAt": null } ],
                  "options": [ { "remedy": "REPLACE", "cost": 120.00, "available": true },
                               { "remedy": "REFUND", "cost": 250.00, "available": false, "why": "Fuera del plazo de devolución" } ],
                  "draftReply": "Usted miente, tenemos el albarán firmado."
                }
                """);
        verifyThat(PAUSE).given(example).fires().has("G41").recommends("PAUSE_BEFORE_NEXT_CUSTOMER");
        // the same example's overdue promise (due yesterday 09:00) is warned about and escalated (G36)
        verifyThat("Keep what was promised").given(example).fires().has("G36");
    }

    @Test
    void g41_thePauseLengthAndTheRunLengthComeFromThePolicy() {
        PolicyParameters p = PolicyParameters.read("pause.length=PT15M\nangry-interactions.in-a-row=3\n");
        try (Advisor advisor = Advisor.builder().parameters(p).build()) {
            Advice three = advisor.advise(agentWith(new Interaction(Given.minutesAgo(60), Emotion.ANGRY),
                    new Interaction(Given.minutesAgo(30), Emotion.ANGRY), new Interaction(Given.minutesAgo(5), Emotion.ANGRY)));
            assertThat(recommendation(three, "PAUSE_BEFORE_NEXT_CUSTOMER").why()).contains("15 min");
            Advice two = advisor.advise(agentWith(new Interaction(Given.minutesAgo(30), Emotion.ANGRY),
                    new Interaction(Given.minutesAgo(5), Emotion.ANGRY)));
            assertThat(two.recommendations()).noneMatch(r -> r.action().equals("PAUSE_BEFORE_NEXT_CUSTOMER"));
        }
    }

    @Test
    void g42_thankTheCustomerForTheComplaintWhenClosing() {
        verifyThat("Thank the customer for the complaint")
                .given(Given.complaint(c -> c.stage(Stage.CLOSING)))
                .fires().has("G42").recommends("THANK_FOR_THE_COMPLAINT");
        verifyThat("Thank the customer for the complaint")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVING)))
                .staysQuiet().lacks("G42");
    }

    @Test
    void g43_satisfactionIsAskedAfterTheCheckThatTheRemedyWorked() {
        String rule = "Once the remedy is checked, ask how satisfied the customer is";
        Situation replaced = Given.situation().complaint(dev.sereno.situation.Complaint.builder("K-1").stage(Stage.RESOLVED).build())
                .options(dev.sereno.situation.Option.available(dev.sereno.situation.Remedy.REPLACE, new java.math.BigDecimal("120")))
                .build();
        // the check (G38) at 48 h, then satisfaction 24 h later: it used to be asked first, at 24 h
        Advice advice = verifyThat(rule).given(replaced).fires().has("G43").has("G38")
                .followUp("CHECK_THE_REMEDY_WORKED", Given.hoursFromNow(48))
                .followUp("ASK_HOW_SATISFIED", Given.hoursFromNow(72)).actual();
        assertThat(advice.followUps()).extracting(f -> f.code())
                .containsSubsequence("CHECK_THE_REMEDY_WORKED", "ASK_HOW_SATISFIED");
        verifyThat(rule).given(Given.complaint(c -> c.stage(Stage.RESOLVED))).staysQuiet();
    }

    @Test
    void g43_onceResolvedAskHowSatisfiedTheCustomerIs() {
        verifyThat("Once resolved, ask how satisfied the customer is")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVED)))
                .fires().has("G43").followUp("ASK_HOW_SATISFIED", Given.hoursFromNow(24));
        verifyThat("Once resolved, ask how satisfied the customer is")
                .given(Given.complaint(c -> c.stage(Stage.CLOSING)))
                .staysQuiet().lacks("G43").noFollowUp("ASK_HOW_SATISFIED");
        verifyThat("Once resolved, ask how satisfied the customer is")
                .given(Given.complaint(c -> c.stage(Stage.REJECTED)))
                .staysQuiet().lacks("G43");
    }

    @Test
    void g46_inviteTheCustomerToSayHowWeCanImprove() {
        Advice advice = verifyThat("Invite the customer to tell us how we can improve")
                .given(Given.complaint(c -> c.stage(Stage.CLOSING)))
                .fires().has("G46").recommends("ASK_HOW_WE_CAN_IMPROVE").actual();
        assertThat(recommendation(advice, "ASK_HOW_WE_CAN_IMPROVE").say()).contains("mejorar");
        verifyThat("Invite the customer to tell us how we can improve")
                .given(Given.complaint(c -> c.stage(Stage.OPENING)))
                .staysQuiet().lacks("G46");
    }

    @Test
    void g41_g42_g43_g46_quietOnACalmSimpleSituation() {
        assertQuiet(Given.situation().build());
        assertQuiet(Given.draft(Language.ES, "Buenos días, con mucho gusto le ayudo. Ahora mismo reviso su pedido y le digo cómo va."));
        assertQuiet(Given.draft(Language.EN, "Good morning, I'm glad to help. I'll look up your order right now and tell you where it is."));
    }

    private static void assertQuiet(Situation s) {
        Explanation e = DefaultPolicy.explain(s);
        assertThat(e.rulesFired()).as("rules fired").doesNotContainAnyElementsOf(AFTER_THE_CALL_RULES);
    }

    private static Recommendation recommendation(Advice advice, String action) {
        return advice.recommendations().stream().filter(r -> r.action().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no recommendation " + action + " in " + advice.recommendations()));
    }
}
