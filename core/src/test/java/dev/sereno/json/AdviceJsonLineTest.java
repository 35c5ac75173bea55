package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.EmotionReading;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Severity;
import dev.sereno.advice.Warning;
import dev.sereno.situation.Emotion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Lines bytes of an advice are the line of text encoded as UTF-8, whatever the characters in it: accents,
 * characters beyond 16 bits (emoji), control characters, quotes and backslashes, and lone surrogates (which the
 * text path writes as {@code ?}).
 */
class AdviceJsonLineTest {
    private final AdviceJson json = new AdviceJson();

    static Advice quoting(String words) {
        Warning w = new Warning("INSULT", Severity.BLOCKING, List.of("G22"), words, 0, words.length(),
                "Quita «" + words + "»", "Don't insult");
        return new Advice("K-" + words, Priority.URGENT, new EmotionReading(Emotion.ANGRY, true), "abc",
                List.of(), List.of(w), List.of(), List.of(), List.of(), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "acentos: ¿qué pasó? ñandú", "emoji \uD83D\uDE21 twice \uD83D\uDE21",
            "lone high \uD83D here", "lone low \uDE21 here", "at the end \uD83D", "\uDE21\uD83D reversed",
            "control \u0001\t\n and \u2028", "quotes \" and \\ backslash", "a written \\uD800 escape",
            "a written \\\\uDFFF escape", ""})
    void theBytesAreTheLineEncoded(String words) {
        Advice a = quoting(words);
        byte[] expected = (json.writeLine(a) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(json.jsonLine(a)).isEqualTo(expected);
        // and again, on the buffer the first call left behind
        assertThat(json.jsonLine(a)).isEqualTo(expected);
    }
}
