package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Recommendation;
import dev.sereno.engine.Explanation;
import dev.sereno.rules.support.AdviceAssert;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Channel;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Interaction;
import dev.sereno.situation.Language;
import dev.sereno.situation.Option;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 3: listen actively, apologise, own it (G12–G17). */
class ListenApologiseOwnItTest {
    private static final Set<String> SECTION = Set.of("G12", "G13", "G14", "G15", "G16", "G17");
    private static final Evidence VERIFIED_RECEIPT =
            new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, "Albarán firmado");
    private static final Evidence UNCHECKED_LOG =
            new Evidence("E-2", "CARRIER_LOG", Stance.NEUTRAL, false, null);

    @Test
    void g12_sayBackWhatYouUnderstoodOnceTheCustomerHasFinished() {
        verifyThat("Once the customer has finished, say back what you understood")
                .given(Given.complaint(c -> c.stage(Stage.LISTENING).stillVenting(false).paraphrased(false)))
                .fires().has("G12").recommends("PARAPHRASE");
        verifyThat("Once the customer has finished, say back what you understood")
                .given(Given.complaint(c -> c.stage(Stage.LISTENING).stillVenting(false).paraphrased(true)))
                .staysQuiet().lacks("G12");
    }

    @Test
    void g12_notWhileTheCustomerIsStillVentingNorOnceResolved() {
        verifyThat("Once the customer has finished, say back what you understood")
                .given(Given.complaint(c -> c.stage(Stage.LISTENING).stillVenting(true)))
                .staysQuiet();
        verifyThat("Once the customer has finished, say back what you understood")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVED)))
                .staysQuiet();
        verifyThat("Once the customer has finished, say back what you understood")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVING)))
                .fires().has("G12");
    }

    @Test
    void g13_apologiseForHowTheCustomerFelt() {
        verifyThat("Apologise for how the customer felt")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET).apologized(false)))
                .fires().has("G13").recommends("APOLOGISE_FOR_HOW_THEY_FELT");
        verifyThat("Apologise for how the customer felt")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET).apologized(true)))
                .staysQuiet().lacks("G13");
        verifyThat("Apologise for how the customer felt")
                .given(Given.complaint(c -> c.emotion(Emotion.CALM).apologized(false)))
                .staysQuiet().lacks("G13");
    }

    @Test
    void g13_afterAGrossErrorTheApologyIsForTheErrorItself() {
        String rule = "After a gross error, apologise for the error itself";
        // "excepto si se ha cometido un error garrafal": mistreatment, an ignored complaint, verified records backing
        // the customer — the apology owns the error, and no "siento que se haya sentido mal" beside "tiene razón"
        for (UnaryOperator<Complaint.Builder> gross : List.<UnaryOperator<Complaint.Builder>>of(
                c -> c.cause(Cause.MISTREATMENT), c -> c.cause(Cause.IGNORED_COMPLAINT), c -> c.raisedBefore(3))) {
            Situation s = Given.situation().complaint(gross.apply(Complaint.builder("K-1").emotion(Emotion.UPSET)).build()).build();
            verifyThat(rule).given(s).fires().has("G13").has("G34").recommends("APOLOGISE_FOR_THE_ERROR")
                    .doesNotRecommend("APOLOGISE_FOR_HOW_THEY_FELT");
        }
        Advice backed = verifyThat(rule).given(Given.situation()
                        .complaint(Complaint.builder("K-1").emotion(Emotion.UPSET).cause(Cause.PRODUCT_DEFECT).build())
                        .evidence(new Evidence("E-1", "TECHNICIAN_REPORT", Stance.SUPPORTS, true, null)).build())
                .fires().recommends("APOLOGISE_FOR_THE_ERROR").recommends("ADMIT_AND_CORRECT")
                .doesNotRecommend("APOLOGISE_FOR_HOW_THEY_FELT").actual();
        assertThat(backed.recommendations()).filteredOn(r -> r.action().equals("APOLOGISE_FOR_THE_ERROR"))
                .singleElement().satisfies(r -> assertThat(r.say()).contains("nos equivocamos"));

        // no gross error: a defect not yet verified, or the records contradict the customer
        verifyThat(rule).given(Given.complaint(c -> c.emotion(Emotion.UPSET).cause(Cause.PRODUCT_DEFECT)))
                .staysQuiet().recommends("APOLOGISE_FOR_HOW_THEY_FELT");
        verifyThat(rule).given(Given.situation()
                        .complaint(Complaint.builder("K-1").emotion(Emotion.UPSET).raisedBefore(2).build())
                        .evidence(new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, null)).build())
                .staysQuiet().recommends("APOLOGISE_FOR_HOW_THEY_FELT");
        // already apologised, or this agent caused it (G14 owns it)
        verifyThat(rule).given(Given.complaint(c -> c.emotion(Emotion.UPSET).cause(Cause.MISTREATMENT).apologized(true)))
                .staysQuiet();
        verifyThat(rule).given(Given.complaint(c -> c.emotion(Emotion.UPSET).cause(Cause.MISTREATMENT).causedByThisAgent(true)))
                .staysQuiet().has("G14");
    }

    @Test
    void g13_whenThisAgentCausedItTheApologyOwnsItInstead() {
        verifyThat("Apologise for how the customer felt")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).causedByThisAgent(true)))
                .staysQuiet().has("G14").doesNotRecommend("APOLOGISE_FOR_HOW_THEY_FELT");
    }

    @Test
    void g14_ownTheAngerYouCausedGivingYourName() {
        Situation caused = withAgent(Agent.of("A-7").withName("Lucía"), true);
        verifyThat("Own the anger you caused, giving your name")
                .given(caused)
                .fires().has("G14").recommends("OWN_IT_BY_NAME").doesNotRecommend("OWN_IT");
        assertThat(recommendation(DefaultPolicy.advise(caused), "OWN_IT_BY_NAME").say()).contains("Soy Lucía");
        verifyThat("Own the anger you caused, giving your name")
                .given(withAgent(Agent.of("A-7").withName("Lucía"), false))
                .staysQuiet().lacks("G14");
    }

    @Test
    void g14_ownTheAngerYouCausedWithoutAKnownName() {
        Situation caused = withAgent(Agent.of("A-7"), true);
        verifyThat("Own the anger you caused")
                .given(caused)
                .fires().has("G14").recommends("OWN_IT").doesNotRecommend("OWN_IT_BY_NAME");
        assertThat(recommendation(DefaultPolicy.advise(caused), "OWN_IT").say()).doesNotContain("{0}");
        verifyThat("Own the anger you caused")
                .given(withAgent(Agent.of("A-7").withName("Lucía"), true))
                .staysQuiet();
        verifyThat("Own the anger you caused")
                .given(withAgent(Agent.of("A-7").withName("  "), true))
                .fires().recommends("OWN_IT");
    }

    @Test
    void g14_followUpPersonallyOnTheAngerYouCaused() {
        verifyThat("Follow up personally on the anger you caused")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET).causedByThisAgent(true)))
                .fires().has("G14").followUp("OWN_IT_FOLLOW_UP", Given.hoursFromNow(24));
        verifyThat("Follow up personally on the anger you caused")
                .given(Given.complaint(c -> c.emotion(Emotion.CALM).causedByThisAgent(true)))
                .staysQuiet().noFollowUp("OWN_IT_FOLLOW_UP");
    }

    @Test
    void g15_findOutThePreciseReasonWhileListening() {
        verifyThat("Find out the precise reason while listening")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET).stage(Stage.LISTENING).causeEstablished(false)))
                .fires().has("G15").recommends("ESTABLISH_THE_REASON");
        verifyThat("Find out the precise reason while listening")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET).stage(Stage.LISTENING).causeEstablished(true)))
                .staysQuiet().lacks("G15");
    }

    @Test
    void g15_withAnAngryCustomerG04AlreadyAsks() {
        verifyThat("Find out the precise reason while listening")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).stage(Stage.LISTENING).causeEstablished(false)))
                .staysQuiet().lacks("G15").has("G04");
    }

    @Test
    void g15_establishThePreciseReasonBeforeSolving() {
        verifyThat("Establish the precise reason before solving")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).stage(Stage.RESOLVING).causeEstablished(false)))
                .fires().has("G15").recommends("ESTABLISH_THE_REASON");
        verifyThat("Establish the precise reason before solving")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).stage(Stage.RESOLVING).causeEstablished(true)))
                .staysQuiet().lacks("G15");
        verifyThat("Establish the precise reason before solving")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVED).causeEstablished(false)))
                .staysQuiet();
    }

    @Test
    void g16_remindToJudgeThisComplaintOnItsOwnFacts() {
        verifyThat("Judge this complaint on its own facts")
                .given(Given.situation().customer(Customer.of("C-1").withPastComplaints(6, 5)).build())
                .fires().has("G16").recommends("JUDGE_ON_ITS_OWN_FACTS");
        verifyThat("Judge this complaint on its own facts")
                .given(Given.situation().customer(Customer.of("C-1").withPastComplaints(6, 0)).build())
                .staysQuiet().lacks("G16");
    }

    static Stream<Arguments> situationsForG16() {
        Complaint angry = Complaint.builder("K-1").emotion(Emotion.ANGRY).stage(Stage.LISTENING)
                .channel(Channel.PHONE).claim("El pedido no llegó").build();
        return Stream.of(
                Arguments.of("an angry customer still venting", Given.situation()
                        .complaint(angry.toBuilder().stillVenting(true).stage(Stage.VENTING).build()).build()),
                Arguments.of("verified evidence contradicts the claim", Given.situation()
                        .complaint(angry).evidence(VERIFIED_RECEIPT).build()),
                Arguments.of("evidence still to check", Given.situation()
                        .complaint(angry).evidence(UNCHECKED_LOG).build()),
                Arguments.of("options, one beyond the agent", Given.situation()
                        .agent(Agent.of("A-7").withAuthority(new BigDecimal("100"), Remedy.APOLOGY, Remedy.REPLACE))
                        .complaint(angry.toBuilder().stage(Stage.RESOLVING).causeEstablished(true)
                                .requestedRemedy(Remedy.REFUND).amount(new BigDecimal("250")).build())
                        .options(Option.available(Remedy.REPLACE, new BigDecimal("120")),
                                Option.available(Remedy.REFUND, new BigDecimal("250"))).build()),
                Arguments.of("a draft calling the customer a liar (es)", Given.situation()
                        .complaint(angry).draftReply("Usted miente, tenemos el albarán firmado. Cálmese.").build()),
                Arguments.of("a draft calling the customer a liar (en)", Given.situation().locale(Language.EN)
                        .complaint(angry).draftReply("You are lying. Have a nice day.").build()),
                Arguments.of("a small business stopped, caused by this agent", Given.situation()
                        .customer(Customer.of("C-1").withSegment(Segment.SMALL_BUSINESS))
                        .agent(Agent.of("A-7").withName("Lucía"))
                        .complaint(angry.toBuilder().causedByThisAgent(true).blocksCustomerBusiness(true)
                                .cause(Cause.MISTREATMENT).raisedBefore(2).build()).build()),
                Arguments.of("an open promise past due", Given.situation()
                        .complaint(angry.toBuilder().emotion(Emotion.FURIOUS).build())
                        .promises(new Promise("P-1", "Llamar con el estado", "A-7", Given.minutesAgo(3000),
                                Given.minutesAgo(60), null)).build()),
                Arguments.of("the plain, calm situation", Given.situation().build()));
    }

    @ParameterizedTest(name = "G16: past unfounded complaints change nothing but the reminder — {0}")
    @MethodSource("situationsForG16")
    void g16_pastUnfoundedComplaintsChangeNothingButTheReminder(String name, Situation situation) {
        assertOnlyTheReminderDiffers(situation, 6);
    }

    @Property(tries = 150)
    void g16_invarianceHoldsForGeneratedSituations(@ForAll("situations") Situation situation,
                                                   @ForAll("unfounded") int unfounded) {
        assertOnlyTheReminderDiffers(situation, unfounded);
    }

    @Provide
    Arbitrary<Integer> unfounded() {
        return Arbitraries.integers().between(1, 6);
    }

    @Provide
    Arbitrary<Situation> situations() {
        Arbitrary<Complaint> complaints = Combinators.combine(
                Arbitraries.of(Emotion.class), Arbitraries.of(Stage.class), Arbitraries.of(Cause.class),
                Arbitraries.of(ClaimKind.class), Arbitraries.integers().between(0, 255), Arbitraries.of(Channel.class))
                .as((emotion, stage, cause, kind, flags, channel) -> Complaint.builder("K-1")
                        .emotion(emotion).stage(stage).cause(cause).claimKind(kind).channel(channel)
                        .stillVenting((flags & 1) != 0).agentInterrupted((flags & 2) != 0)
                        .causedByThisAgent((flags & 4) != 0).causeEstablished((flags & 8) != 0)
                        .paraphrased((flags & 16) != 0).apologized((flags & 32) != 0)
                        .blocksCustomerBusiness((flags & 64) != 0).raisedBefore((flags & 128) != 0 ? 2 : 0)
                        .build());
        Arbitrary<List<Evidence>> evidence = Arbitraries.of(List.of(), List.of(VERIFIED_RECEIPT),
                List.of(UNCHECKED_LOG), List.of(VERIFIED_RECEIPT, UNCHECKED_LOG));
        Arbitrary<String> drafts = Arbitraries.of("Usted miente.", "Eso no es cierto, cálmese.",
                "Siento que se haya sentido mal; si lo he entendido bien, el pedido no llegó. Lo compruebo ahora.",
                "¿Puedo ayudarle en algo más? Que tenga un buen día.").injectNull(0.3);
        Arbitrary<Segment> segments = Arbitraries.of(Segment.class);
        return Combinators.combine(complaints, evidence, drafts, segments).as((c, e, d, seg) -> Given.situation()
                .customer(Customer.of("C-1").withSegment(seg)).complaint(c).evidence(e).draftReply(d)
                .agent(Agent.of("A-7").withRecentInteractions(new Interaction(Given.minutesAgo(5), Emotion.FURIOUS)))
                .build());
    }

    /** With and without past unfounded complaints, the advice is the same apart from the one G16 reminder. */
    private static void assertOnlyTheReminderDiffers(Situation situation, int unfounded) {
        Advice none = DefaultPolicy.advise(withPast(situation, 6, 0));
        Advice some = DefaultPolicy.advise(withPast(situation, 6, unfounded));

        assertThat(none.recommendations()).noneMatch(ListenApologiseOwnItTest::isG16Reminder);
        assertThat(some.recommendations()).filteredOn(ListenApologiseOwnItTest::isG16Reminder).singleElement()
                .satisfies(r -> assertThat(r.guidance()).containsExactly("G16"));
        assertThat(some.priority()).as("priority").isEqualTo(none.priority());
        assertThat(some.warnings()).as("warnings").isEqualTo(none.warnings());
        assertThat(some.escalations()).as("escalations").isEqualTo(none.escalations());
        assertThat(some.followUps()).as("follow-ups").isEqualTo(none.followUps());
        assertThat(some.reviews()).as("reviews").isEqualTo(none.reviews());
        assertThat(some.records()).as("records").isEqualTo(none.records());
        List<Recommendation> rest = new ArrayList<>(some.recommendations());
        rest.removeIf(ListenApologiseOwnItTest::isG16Reminder);
        assertThat(rest).as("recommendations apart from the G16 reminder").isEqualTo(none.recommendations());
    }

    private static boolean isG16Reminder(Recommendation r) {
        return r.guidance().contains("G16");
    }

    private static Situation withPast(Situation s, int all, int unfounded) {
        return s.toBuilder().customer(s.customer().withPastComplaints(all, unfounded)).build();
    }

    @Test
    void g17_investigateAFactualClaimBeforeAnswering() {
        verifyThat("Investigate a factual claim before answering")
                .given(Given.complaint(c -> c.claimKind(ClaimKind.FACT).stage(Stage.LISTENING)))
                .fires().has("G17").recommends("INVESTIGATE_BEFORE_ANSWERING");
        verifyThat("Investigate a factual claim before answering")
                .given(Given.complaint(c -> c.claimKind(ClaimKind.PERCEPTION).stage(Stage.LISTENING)))
                .staysQuiet().lacks("G17");
    }

    @Test
    void g17_evidenceStillToVerifyMeansTheClaimIsNotCheckedYet() {
        Complaint listening = Complaint.builder("K-1").claimKind(ClaimKind.FACT).stage(Stage.LISTENING).build();
        verifyThat("Investigate a factual claim before answering")
                .given(Given.situation().complaint(listening).evidence(VERIFIED_RECEIPT, UNCHECKED_LOG).build())
                .fires().has("G17");
        verifyThat("Investigate a factual claim before answering")
                .given(Given.situation().complaint(listening).evidence(VERIFIED_RECEIPT).build())
                .staysQuiet().lacks("G17");
        verifyThat("Investigate a factual claim before answering")
                .given(Given.complaint(c -> c.claimKind(ClaimKind.FACT).stage(Stage.RESOLVED)))
                .staysQuiet();
    }

    /**
     * Noise check: on a calm, simple situation section 3 gives no warning, follow-up or escalation. The one item it
     * may give is G17's brief "check the records before answering", which applies to every factual complaint.
     */
    @ParameterizedTest(name = "section 3 (G12–G17) stays quiet on a calm, simple situation [{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ES |
            ES | Buenos días y gracias por escribirnos. Su pedido sale hoy del almacén y le llegará el jueves; le envío ahora el número de seguimiento.
            EN |
            EN | Good morning, and thank you for getting in touch. Your order leaves our warehouse today and should reach you on Thursday; I'm emailing you the tracking number now.
            """)
    void sectionStaysQuietOnACalmSimpleSituation(Language lang, String draft) {
        Explanation e = DefaultPolicy.explain(Given.situation().locale(lang).draftReply(draft).build());
        List<String> fired = sectionRules().stream().filter(e::fired).toList();
        assertThat(fired).as("rules of G12–G17 fired").containsOnly("Investigate a factual claim before answering");
        AdviceAssert.assertThat(e.advice()).hasNoWarnings().hasNoEscalations().priority(Priority.NORMAL)
                .noFollowUp("OWN_IT_FOLLOW_UP")
                .doesNotRecommend("APOLOGISE_FOR_HOW_THEY_FELT").doesNotRecommend("OWN_IT")
                .doesNotRecommend("PARAPHRASE").doesNotRecommend("JUDGE_ON_ITS_OWN_FACTS");
    }

    private static List<String> sectionRules() {
        List<String> rules = DefaultPolicy.ADVISOR.policy().rules().values().stream()
                .filter(r -> r.guidance().stream().anyMatch(SECTION::contains)).map(r -> r.name()).toList();
        assertThat(rules).as("rules citing G12–G17").hasSizeGreaterThanOrEqualTo(9);
        return rules;
    }

    private static Situation withAgent(Agent agent, boolean causedByThisAgent) {
        return Given.situation().agent(agent)
                .complaint(Complaint.builder("K-1").emotion(Emotion.ANGRY).causedByThisAgent(causedByThisAgent).build())
                .build();
    }

    private static Recommendation recommendation(Advice advice, String action) {
        return advice.recommendations().stream().filter(r -> r.action().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no recommendation " + action + " in " + advice.recommendations()));
    }
}
