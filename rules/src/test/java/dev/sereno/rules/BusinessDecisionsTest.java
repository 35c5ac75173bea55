package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Priority;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.Explanation;
import dev.sereno.policy.PolicyParameters;
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
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 9: business decisions (G54–G56). Each rule fires, and beside it a near-identical case stays quiet. */
class BusinessDecisionsTest {
    private static final String PROFITABILITY = "A customer who costs more than they bring is a decision for management";
    private static final String OWN_IT = "When the organisation caused the grievance, own it as the customer's representative";
    private static final String LOYALTY = "A long-standing or high-value customer is worth keeping";
    private static final String EVERY_CUSTOMER = "Every customer who complains is worth keeping";
    private static final BigDecimal VALUE = new BigDecimal("12000");
    private static final BigDecimal CHEAP = new BigDecimal("900");
    private static final BigDecimal COSTLY = new BigDecimal("30000");

    private static Situation customer(Customer c) {
        return Given.situation().customer(c).build();
    }

    private static Customer worth(BigDecimal value, BigDecimal cost) {
        return Customer.of("C-1").withValue(value, cost);
    }

    @Test
    void g54_aCustomerWhoCostsMoreThanTheyBringGoesToManagement() {
        Advice advice = verifyThat(PROFITABILITY)
                .given(customer(worth(VALUE, COSTLY)))
                .fires().has("G54").actual();
        assertThat(advice.reviews()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("ACCOUNT_PROFITABILITY");
            assertThat(r.why()).contains("30000 EUR").contains("12000 EUR").contains("nunca el agente");
        });

        verifyThat(PROFITABILITY).given(customer(worth(VALUE, CHEAP))).staysQuiet().lacks("G54");
        // twice the value is not above the default ratio of 2
        verifyThat(PROFITABILITY).given(customer(worth(VALUE, new BigDecimal("24000")))).staysQuiet().lacks("G54");
        // an eight-year customer costing 320 for 300 brings more than "poco o nada": no review (it was flagged at 1.0)
        verifyThat(PROFITABILITY).given(customer(Customer.of("C-1").withYearsAsCustomer(8)
                .withValue(new BigDecimal("300"), new BigDecimal("320")))).staysQuiet().lacks("G54");
        // value unknown (0): no judgement on figures we do not have
        verifyThat(PROFITABILITY).given(customer(worth(BigDecimal.ZERO, COSTLY))).staysQuiet().lacks("G54");
    }

    @Test
    void g54_theRatioComesFromThePolicy() {
        try (Advisor lenient = Advisor.builder()
                .parameters(PolicyParameters.read("unprofitable.cost-to-value.ratio=3.0")).build()) {
            assertThat(lenient.advise(customer(worth(VALUE, COSTLY))).reviews()).isEmpty();
            assertThat(lenient.advise(customer(worth(VALUE, new BigDecimal("36000.01")))).reviews())
                    .singleElement().satisfies(r -> assertThat(r.guidance()).contains("G54"));
        }
    }

    /** Varied situations across the rulebook, for the G54 and G56 invariants. */
    static Stream<Named<Situation.Builder>> situations() {
        Instant yesterday = Instant.parse("2026-11-22T09:00:00Z");
        return Stream.of(
                Named.of("calm, opening", Given.situation()),
                Named.of("calm, polite English draft",
                        Given.situation().locale(Language.EN).draftReply("Good morning, I'm glad to help with your order.")),
                Named.of("furious, venting face to face", Given.situation().complaint(Complaint.builder("K-1")
                        .emotion(Emotion.FURIOUS).stillVenting(true).stage(Stage.VENTING).channel(Channel.IN_PERSON).build())),
                Named.of("the contract example", Given.situation().complaint(Complaint.builder("K-1")
                                .emotion(Emotion.ANGRY).cause(Cause.SERVICE_QUALITY).raisedBefore(2).requestedRemedy(Remedy.REFUND).amount(new BigDecimal("250"))
                                .stage(Stage.LISTENING).build())
                        .evidence(new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, "Albarán"))
                        .promises(new Promise("P-1", "Llamar con el estado del reembolso", "A-7",
                                Given.minutesAgo(60 * 48), yesterday, null))
                        .options(Option.available(Remedy.REPLACE, new BigDecimal("120")),
                                Option.unavailable(Remedy.REFUND, new BigDecimal("250"), "Fuera de plazo"))
                        .agent(Agent.of("A-7").withRecentInteractions(new Interaction(Given.minutesAgo(10), Emotion.FURIOUS)))
                        .draftReply("Usted miente, tenemos el albarán firmado.")),
                Named.of("still angry after apology, mistreatment", Given.situation().complaint(Complaint.builder("K-1")
                        .emotion(Emotion.ANGRY).apologized(true).cause(Cause.MISTREATMENT).stage(Stage.RESOLVING).build())
                        .options(Option.available(Remedy.CREDIT, new BigDecimal("50")))),
                Named.of("closing a defect that blocks the customer's business", Given.situation().complaint(
                        Complaint.builder("K-1").claimKind(ClaimKind.PERCEPTION).cause(Cause.PRODUCT_DEFECT)
                                .blocksCustomerBusiness(true).stage(Stage.CLOSING).build())),
                Named.of("resolved defect, promise kept", Given.situation()
                        .complaint(Complaint.builder("K-1").cause(Cause.PRODUCT_DEFECT).stage(Stage.RESOLVED).build())
                        .promises(new Promise("P-1", "Enviar el reemplazo", "A-7", Given.minutesAgo(60 * 48), yesterday,
                                Given.minutesAgo(60)))),
                Named.of("upset, rejected, explained", Given.situation()
                        .complaint(Complaint.builder("K-1").emotion(Emotion.UPSET).stage(Stage.REJECTED).build())
                        .draftReply("Lo siento mucho, entiendo su malestar; le explico cómo hemos llegado a esta decisión.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void g54_aProfitabilityReviewNeverChangesTheConversationAdvice(Situation.Builder base) {
        for (Customer c : List.of(Customer.of("C-1"), Customer.of("C-1").withYearsAsCustomer(8),
                Customer.of("C-1").withSegment(Segment.SMALL_BUSINESS).withPastComplaints(4, 3))) {
            Advice profitable = DefaultPolicy.advise(base.customer(c.withValue(VALUE, CHEAP)).build());
            Advice unprofitable = DefaultPolicy.advise(base.customer(c.withValue(VALUE, COSTLY)).build());

            assertThat(unprofitable.reviews()).extracting(r -> r.kind()).contains("ACCOUNT_PROFITABILITY");
            assertThat(withoutReviews(unprofitable)).as("everything but the reviews, G54")
                    .isEqualTo(withoutReviews(profitable));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void g56_aLongStandingOrHighValueCustomersPriorityIsNeverLowered(Situation.Builder base) {
        Priority newCustomer = DefaultPolicy.advise(base.customer(Customer.of("C-1")).build()).priority();
        Priority loyal = DefaultPolicy.advise(base.customer(Customer.of("C-1").withYearsAsCustomer(12)
                .withValue(new BigDecimal("50000"), CHEAP)).build()).priority();
        // not lowered; and, by choice, not raised either: G56 is framing, the complaint's own facts set the priority
        assertThat(loyal).isEqualTo(newCustomer);
    }

    @Test
    void g55_whenTheOrganisationCausedItOwnItAsTheCustomersRepresentative() {
        // "un asunto originado en la organización": poor service too
        for (Cause cause : List.of(Cause.PRODUCT_DEFECT, Cause.SERVICE_QUALITY, Cause.MISTREATMENT, Cause.IGNORED_COMPLAINT)) {
            verifyThat(OWN_IT).given(Given.complaint(c -> c.cause(cause).stage(Stage.LISTENING)))
                    .fires().has("G55").recommends("OWN_IT_FOR_THE_CUSTOMER");
        }
        // raised before without answer: an ignored complaint, whatever its first cause
        verifyThat(OWN_IT).given(Given.complaint(c -> c.cause(Cause.OTHER).raisedBefore(1)))
                .fires().has("G55").recommends("OWN_IT_FOR_THE_CUSTOMER");

        verifyThat(OWN_IT).given(Given.complaint(c -> c.cause(Cause.OTHER).raisedBefore(0)))
                .staysQuiet().lacks("G55");
        verifyThat(OWN_IT).given(Given.complaint(c -> c.cause(Cause.PRODUCT_DEFECT).stage(Stage.RESOLVED)))
                .staysQuiet().lacks("G55");
    }

    @Test
    void g56_aLongStandingOrHighValueCustomerIsWorthKeeping() {
        verifyThat(LOYALTY).given(customer(Customer.of("C-1").withYearsAsCustomer(5)))
                .fires().has("G56").recommends("EARN_THEIR_LOYALTY");
        verifyThat(LOYALTY).given(customer(worth(new BigDecimal("10000"), CHEAP)))
                .fires().has("G56").recommends("EARN_THEIR_LOYALTY");

        verifyThat(LOYALTY).given(customer(Customer.of("C-1").withYearsAsCustomer(4).withValue(new BigDecimal("9999"), CHEAP)))
                .staysQuiet().doesNotRecommend("EARN_THEIR_LOYALTY");
        verifyThat(LOYALTY).given(Given.situation().customer(Customer.of("C-1").withYearsAsCustomer(9))
                        .complaint(Complaint.builder("K-1").stage(Stage.RESOLVED).build()).build())
                .staysQuiet().lacks("G56");
    }

    @Test
    void g56_everyCustomerWhoComplainsIsWorthKeeping() {
        // "Cada cliente es único y preservarlo es lo más importante": a customer of four years and ordinary value too
        verifyThat(EVERY_CUSTOMER).given(customer(Customer.of("C-1").withYearsAsCustomer(4).withValue(new BigDecimal("9999"), CHEAP)))
                .fires().has("G56").recommends("EVERY_CUSTOMER_COUNTS").doesNotRecommend("EARN_THEIR_LOYALTY");
        verifyThat(EVERY_CUSTOMER).given(customer(Customer.of("C-1")))
                .fires().has("G56").recommends("EVERY_CUSTOMER_COUNTS");

        // a long-standing customer gets the framing with its reason, once
        verifyThat(EVERY_CUSTOMER).given(customer(Customer.of("C-1").withYearsAsCustomer(5)))
                .staysQuiet().recommends("EARN_THEIR_LOYALTY").doesNotRecommend("EVERY_CUSTOMER_COUNTS");
        verifyThat(EVERY_CUSTOMER).given(Given.situation().customer(Customer.of("C-1"))
                        .complaint(Complaint.builder("K-1").stage(Stage.REJECTED).build()).build())
                .staysQuiet().lacks("G56");
    }

    @Test
    void g54_g55_g56_quietOnACalmSimpleSituation() {
        assertQuiet(Given.situation().build());
        assertQuiet(Given.draft(Language.ES, "Buenos días, con mucho gusto le ayudo. Ahora mismo reviso su pedido y le digo cómo va."));
        assertQuiet(Given.draft(Language.EN, "Good morning, I'm glad to help. I'll look up your order right now and tell you where it is."));
    }

    private static void assertQuiet(Situation s) {
        Explanation e = DefaultPolicy.explain(s);
        assertThat(e.rulesFired()).as("rules fired").doesNotContain(PROFITABILITY, OWN_IT, LOYALTY);
        // every customer is worth keeping: the framing without the long-standing reason, and nothing else of G54–G56
        assertThat(e.advice().recommendations()).filteredOn(r -> r.guidance().contains("G56"))
                .extracting(r -> r.action()).containsExactly("EVERY_CUSTOMER_COUNTS");
        assertThat(e.advice().reviews()).isEmpty();
    }

    private static Advice withoutReviews(Advice a) {
        return new Advice(a.complaint(), a.priority(), a.emotion(), a.policy(), a.recommendations(), a.warnings(),
                a.escalations(), a.followUps(), List.of(), a.records());
    }
}
