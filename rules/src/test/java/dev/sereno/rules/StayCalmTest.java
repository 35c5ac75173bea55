package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Priority;
import dev.sereno.advice.Severity;
import dev.sereno.engine.Explanation;
import dev.sereno.rules.support.AdviceAssert;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Language;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Section 2: stay calm, be empathetic, be patient (G08–G11). */
class StayCalmTest {
    private static final Set<String> SECTION = Set.of("G08", "G09", "G10", "G11");

    @Test
    void g08_withAnAngryCustomerStayCalm() {
        verifyThat("With an angry customer, stay calm and professional")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY)))
                .fires().has("G08").recommends("STAY_CALM");
        verifyThat("With an angry customer, stay calm and professional")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET)))
                .staysQuiet().lacks("G08");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" argues at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Usted no tiene razón, el pedido salió a tiempo.                | Usted no tiene razón
            ES | Eso no es así: el plazo era de diez días.                       | Eso no es así
            ES | Cálmese, por favor, y le explico.                               | Cálmese
            ES | Si me deja terminar, le digo lo que podemos hacer.              | Si me deja terminar
            ES | Lo siento, pero ese es su problema.                             | ese es su problema
            EN | You have no right to speak to me like that.                     | no right to speak
            EN | Calm down and I will explain.                                   | Calm down
            EN | If you'd let me finish, I could tell you.                       | If you'd let me finish
            EN | Sorry, but that's your problem.                                 | that's your problem
            """)
    void g08_neverArgueWithTheCustomer(Language lang, String draft, String span) {
        verifyThat("Never argue with the customer")
                .given(Given.draft(lang, draft))
                .fires().has("G08").warns("ARGUES_WITH_CUSTOMER", Severity.CAUTION, span);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" does not argue")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Tiene razón en que no es lo que esperaba; déjeme ver qué podemos hacer.
            ES | No le estoy diciendo que no tiene razón: solo quiero entender bien lo que pasó.
            ES | No es su problema, es nuestro, y lo vamos a resolver.
            ES | Déjeme terminar de revisar su pedido y le digo algo enseguida.
            EN | You're right that this is not what you expected; let me see what we can do.
            EN | I'm not telling you to calm down; I understand why you're upset.
            EN | It's not your problem, it's ours, and we'll sort it out.
            EN | Let me finish checking your order and I'll be right with you.
            """)
    void g08_quietWhenTheDraftDoesNotArgue(Language lang, String draft) {
        verifyThat("Never argue with the customer")
                .given(Given.draft(lang, draft))
                .staysQuiet().doesNotWarn("ARGUES_WITH_CUSTOMER");
    }

    @Test
    void g08_arguingIsACautionNotAContradiction() {
        // "flatly contradicts" is G18's blocking warning; arguing is G08's caution, on its own span
        verifyThat("Never argue with the customer")
                .given(Given.draft(Language.ES, "Cálmese. Eso no es cierto."))
                .fires().warns("ARGUES_WITH_CUSTOMER", Severity.CAUTION, "Cálmese")
                .warns("CONTRADICTS_CUSTOMER", Severity.BLOCKING, "Eso no es cierto");
    }

    @Test
    void g09_aSmallBusinessIsSeenFromItsSide() {
        verifyThat("See the size of the problem from the customer's side")
                .given(customer(Segment.SMALL_BUSINESS, c -> c))
                .fires().has("G09").recommends("SEE_IT_FROM_THEIR_SIDE").priority(Priority.HIGH);
        verifyThat("See the size of the problem from the customer's side")
                .given(customer(Segment.ENTERPRISE, c -> c))
                .staysQuiet().lacks("G09").priority(Priority.NORMAL);
    }

    @Test
    void g09_aComplaintThatBlocksTheCustomersBusinessIsSeenFromTheirSide() {
        verifyThat("See the size of the problem from the customer's side")
                .given(customer(Segment.INDIVIDUAL, c -> c.blocksCustomerBusiness(true)))
                .fires().has("G09").recommends("SEE_IT_FROM_THEIR_SIDE").priority(Priority.HIGH);
        verifyThat("See the size of the problem from the customer's side")
                .given(customer(Segment.INDIVIDUAL, c -> c.blocksCustomerBusiness(false)))
                .staysQuiet().lacks("G09");
    }

    @Test
    void g09_aSmallBusinessStoppedByTheProblemIsUrgent() {
        verifyThat("A small business stopped by the problem is urgent")
                .given(customer(Segment.SMALL_BUSINESS, c -> c.blocksCustomerBusiness(true)))
                .fires().has("G09").priority(Priority.URGENT);
        verifyThat("A small business stopped by the problem is urgent")
                .given(customer(Segment.ENTERPRISE, c -> c.blocksCustomerBusiness(true)))
                .staysQuiet().priority(Priority.HIGH);
    }

    @Test
    void g10_patienceTechniquesWithAFuriousCustomer() {
        verifyThat("When it gets hard, breathe, concentrate, listen, deliver")
                .given(Given.complaint(c -> c.emotion(Emotion.FURIOUS)))
                .fires().has("G10").recommends("PATIENCE_TECHNIQUES");
        verifyThat("When it gets hard, breathe, concentrate, listen, deliver")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY)))
                .staysQuiet().lacks("G10");
    }

    @Test
    void g10_patienceTechniquesAfterInterrupting() {
        verifyThat("When it gets hard, breathe, concentrate, listen, deliver")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET).agentInterrupted(true)))
                .fires().has("G10").recommends("PATIENCE_TECHNIQUES");
        verifyThat("When it gets hard, breathe, concentrate, listen, deliver")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET).agentInterrupted(false)))
                .staysQuiet().lacks("G10");
    }

    @Test
    void g11_dontCloseBeforeTheProblemIsConfirmed() {
        verifyThat("Don't close before the problem is confirmed")
                .given(Given.complaint(c -> c.stage(Stage.CLOSING).paraphrased(false)))
                .fires().has("G11").warns("CLOSES_BEFORE_CONFIRMING", Severity.CAUTION, null);
        verifyThat("Don't close before the problem is confirmed")
                .given(Given.complaint(c -> c.stage(Stage.CLOSING).paraphrased(true)))
                .staysQuiet().lacks("G11");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" wraps up at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Ya está tramitado. ¿Puedo ayudarle en algo más?                         | ayudarle en algo más
            ES | Le envío el abono hoy. Que tenga un buen día.                            | Que tenga un buen día
            ES | Con esto doy por cerrada la incidencia. Que tenga un buen día.           | doy por cerrada
            EN | It's been processed. Is there anything else I can help you with?         | anything else I can help
            EN | I'll send the credit today. Have a nice day!                             | Have a nice day
            EN | I'm closing this ticket now. Have a good day.                            | closing this ticket
            """)
    void g11_dontWrapUpTheReplyBeforeTheProblemIsConfirmed(Language lang, String draft, String span) {
        verifyThat("Don't wrap up the reply before the problem is confirmed")
                .given(listening(lang, draft, false))
                .fires().has("G11").warns("CLOSES_BEFORE_CONFIRMING", Severity.CAUTION, span);
        verifyThat("Don't wrap up the reply before the problem is confirmed")
                .given(listening(lang, draft, true))
                .staysQuiet().doesNotWarn("CLOSES_BEFORE_CONFIRMING");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" does not close yet")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Antes de cerrar la incidencia quiero confirmar que lo he entendido bien.
            ES | No damos por cerrada la incidencia hasta que usted nos confirme que funciona.
            ES | Necesitaré algo más de tiempo para revisarlo; le llamo esta tarde.
            EN | Before closing the ticket, I want to make sure I've understood you correctly.
            EN | We won't close the case until you confirm it works.
            EN | I will need a little more time to check; I'll call you this afternoon.
            """)
    void g11_quietWhenTheDraftDoesNotCloseYet(Language lang, String draft) {
        verifyThat("Don't wrap up the reply before the problem is confirmed")
                .given(listening(lang, draft, false))
                .staysQuiet().doesNotWarn("CLOSES_BEFORE_CONFIRMING");
    }

    @Test
    void g11_oneWarningForAReplyThatClosesTwice() {
        Explanation e = DefaultPolicy.explain(listening(Language.EN,
                "Is there anything else I can help you with? Have a nice day.", false));
        assertThat(e.advice().warnings()).filteredOn(w -> w.code().equals("CLOSES_BEFORE_CONFIRMING"))
                .singleElement().satisfies(w -> assertThat(w.span()).isEqualTo("anything else I can help"));
    }

    @Test
    void g11_aCalmCustomerAnsweredAtTheOpeningIsNotRushed() {
        verifyThat("Don't wrap up the reply before the problem is confirmed")
                .given(Given.draft(Language.ES, "Su pedido llega el jueves. ¿Puedo ayudarle en algo más?"))
                .staysQuiet();
        verifyThat("Don't wrap up the reply before the problem is confirmed")
                .given(Given.situation().complaint(Complaint.builder("K-1").emotion(Emotion.UPSET).build())
                        .draftReply("Su pedido llega el jueves. ¿Puedo ayudarle en algo más?").build())
                .fires().has("G11");
    }

    @ParameterizedTest(name = "section 2 (G08–G11) stays quiet on a calm, simple situation [{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ES |
            ES | Buenos días y gracias por escribirnos. Su pedido sale hoy del almacén y le llegará el jueves; le envío ahora el número de seguimiento.
            ES | Con mucho gusto: ya le he enviado la factura a su correo. ¿Puedo ayudarle en algo más?
            EN |
            EN | Good morning, and thank you for getting in touch. Your order leaves our warehouse today and should reach you on Thursday; I'm emailing you the tracking number now.
            EN | Happy to help: I've just emailed you the invoice. Is there anything else I can help you with?
            """)
    void sectionStaysQuietOnACalmSimpleSituation(Language lang, String draft) {
        Explanation e = DefaultPolicy.explain(Given.situation().locale(lang).draftReply(draft).build());
        assertThat(e.rulesFired()).as("rules of G08–G11 fired").doesNotContainAnyElementsOf(sectionRules());
        AdviceAssert.assertThat(e.advice()).hasNoWarnings().hasNoEscalations().priority(Priority.NORMAL);
    }

    private static List<String> sectionRules() {
        List<String> rules = DefaultPolicy.ADVISOR.policy().rules().values().stream()
                .filter(r -> r.guidance().stream().anyMatch(SECTION::contains)).map(r -> r.name()).toList();
        assertThat(rules).as("rules citing G08–G11").hasSizeGreaterThanOrEqualTo(7);
        return rules;
    }

    private static Situation customer(Segment segment, UnaryOperator<Complaint.Builder> change) {
        return Given.situation().customer(Customer.of("C-1").withSegment(segment))
                .complaint(change.apply(Complaint.builder("K-1")).build()).build();
    }

    /** An upset customer being listened to, with this draft. */
    private static Situation listening(Language lang, String draft, boolean paraphrased) {
        return Given.situation().locale(lang).draftReply(draft)
                .complaint(Complaint.builder("K-1").emotion(Emotion.UPSET).stage(Stage.LISTENING)
                        .causeEstablished(true).paraphrased(paraphrased).build())
                .build();
    }
}
