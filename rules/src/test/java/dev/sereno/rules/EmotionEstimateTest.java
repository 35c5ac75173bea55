package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the host does not give the emotion, it is estimated from the customer's words, and the advice says so. */
class EmotionEstimateTest {

    @ParameterizedTest(name = "[{0}] \"{1}\" reads as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Hola, quería consultar el estado de mi pedido.                                  | CALM
            ES | Estoy algo decepcionado con la entrega.                                         | UPSET
            ES | ¡Es la tercera vez que llamo y nadie me resuelve nada!                          | ANGRY
            ES | ¡ESTOY HARTO! ¡Es una VERGÜENZA, otra vez lo mismo! ¡Voy a denunciar!           | FURIOUS
            EN | Hi, could you tell me when my order will arrive?                                | CALM
            EN | I'm a bit disappointed with the delivery.                                       | UPSET
            EN | This is the third time I call and nobody has fixed anything!                    | ANGRY
            EN | This is UNACCEPTABLE and RIDICULOUS! I'm fed up, I'm calling my lawyer!!!       | FURIOUS
            """)
    void estimatesFromIntensityExclamationCapitalsAndRepetition(Language lang, String words, Emotion expected) {
        Advice advice = DefaultPolicy.advise(Given.situation().locale(lang)
                .complaint(dev.sereno.situation.Complaint.builder("K-1").customerWords(words).build()).build());
        assertThat(advice.emotion().level()).isEqualTo(expected);
        assertThat(advice.emotion().estimated()).isTrue();
    }

    @ParameterizedTest(name = "given {0} is used as is")
    @CsvSource({"CALM", "FURIOUS"})
    void aGivenEmotionIsNeverOverridden(Emotion given) {
        Advice advice = DefaultPolicy.advise(Given.complaint(c -> c.emotion(given)
                .customerWords("¡ESTOY HARTO! ¡Es una VERGÜENZA!")));
        assertThat(advice.emotion().level()).isEqualTo(given);
        assertThat(advice.emotion().estimated()).isFalse();
    }
}
