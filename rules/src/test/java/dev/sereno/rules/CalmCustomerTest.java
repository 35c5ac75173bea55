package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Priority;
import dev.sereno.rules.support.AdviceAssert;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Channel;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Language;
import dev.sereno.situation.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Noise is a defect: a calm customer with a simple question gets a short, calm answer across the whole rulebook. */
class CalmCustomerTest {

    @ParameterizedTest(name = "[{0}] {1} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            EN | Which invoice covers the October delivery?       | EMAIL | Thank you for asking. The October delivery is on invoice 2026-1043, which I have attached. Let me know if anything else would help.
            EN | Can I change the delivery address?               | CHAT  | Of course, happy to help. I have updated the delivery address to the one you gave me; you will get a confirmation email shortly.
            ES | ¿Qué factura corresponde a la entrega de octubre? | EMAIL | Gracias por su consulta. La entrega de octubre figura en la factura 2026-1043, que le adjunto. Quedo a su disposición para lo que necesite.
            ES | ¿Puedo cambiar la dirección de entrega?           | PHONE | Por supuesto, con mucho gusto. Ya he cambiado la dirección de entrega; le llegará un correo de confirmación en unos minutos.
            """)
    void aCalmSimpleQuestionGetsAShortCalmAnswer(Language lang, String question, Channel channel, String draft) {
        Advice advice = DefaultPolicy.advise(Given.situation().locale(lang)
                .complaint(Complaint.builder("K-1").emotion(Emotion.CALM).channel(channel).claim(question)
                        .causeEstablished(true).stage(Stage.LISTENING).build())
                .draftReply(draft).build());
        AdviceAssert.assertThat(advice).hasNoWarnings().hasNoEscalations().priority(Priority.NORMAL)
                .lacks("G01").lacks("G02").lacks("G03").lacks("G04").lacks("G05").lacks("G08").lacks("G10")
                .lacks("G13").lacks("G39").lacks("G41").lacks("G47").lacks("G51").lacks("G54");
        assertThat(advice.recommendations()).hasSizeLessThanOrEqualTo(4);
        assertThat(advice.followUps()).isEmpty();
        assertThat(advice.reviews()).isEmpty();
    }
}
