package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.situation.InvalidSituationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Problems in words a user reads: no parser class, setting or source description in any of them. */
class PlainMessagesTest {
    private final SituationJson json = new SituationJson();

    static String problem(Runnable read) {
        try {
            read.run();
        } catch (InvalidSituationException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0).toString();
        }
        throw new AssertionError("accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"now\": 1} {}", "{\"now\": 1} x", "{} []", "{\"now\": \"x\"", "{\"now\"", "[", "{\"a\" 1}",
            "{\"now\": tru}", "{\"now\": \"\\q\"}", "{'now': 1}", "{\"now\": 01}", "{\"now\": 1,}", "\"just text\" 1"})
    void malformedJsonIsNamedWithoutParserInternals(String text) {
        String p = problem(() -> json.read(text));
        assertThat(p).startsWith("malformed JSON at line 1, column ")
                .doesNotContain("`", "Source:", "JsonNode", "FAIL_ON", "StreamRead", "jackson", "REDACTED");
    }

    @Test
    void aTrailingTokenSaysOneSituationPerDocument() {
        assertThat(problem(() -> json.read("{\"now\": 1}\n\n {}"))).isEqualTo("malformed JSON at line 3, column 2:"
                + " unexpected text after the situation; a document holds one situation (use --jsonl for one per line)");
    }

    @Test
    void utf8IsCheckedByteByByte() {
        assertThat(Utf8.decode("{\"é\": 1}".getBytes(StandardCharsets.UTF_8), "x")).isEqualTo("{\"é\": 1}");
        assertThat(Utf8.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, "x")).isEqualTo("{}");
        assertThat(problem(() -> Utf8.decode(new byte[] {'{', '"', (byte) 0xC3, '"', '}'}, "the body")))
                .isEqualTo("the body is not valid UTF-8 at byte offset 2; it must be UTF-8 (save or send it as UTF-8)");
        // a surrogate encoded in three bytes (CESU-8) and an overlong '/' are not UTF-8 either
        assertThat(problem(() -> Utf8.decode(new byte[] {'{', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, "x")))
                .contains("at byte offset 1");
        assertThat(problem(() -> Utf8.decode(new byte[] {'{', '}', (byte) 0xC0, (byte) 0xAF}, "x")))
                .contains("at byte offset 2");
        // cut in the middle of a character at the end
        assertThat(problem(() -> Utf8.decode(new byte[] {'{', '}', (byte) 0xE2, (byte) 0x82}, "x")))
                .contains("at byte offset 2");
    }

    @Test
    void utf16AndUtf32AreNamed() {
        assertThat(problem(() -> Utf8.decode("{}".getBytes(StandardCharsets.UTF_16), "f")))
                .isEqualTo("f looks like UTF-16 (it starts with a UTF-16 byte order mark); it must be UTF-8 (save or send it as UTF-8)");
        assertThat(problem(() -> Utf8.decode("{}".getBytes(StandardCharsets.UTF_16LE), "f")))
                .startsWith("f looks like UTF-16 (it has zero bytes between its characters)");
        assertThat(problem(() -> Utf8.decode("{}".getBytes(java.nio.charset.Charset.forName("UTF-32LE")), "f")))
                .startsWith("f looks like UTF-32");
        assertThat(problem(() -> Utf8.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, '{', 0, 0, 0}, "f")))
                .startsWith("f looks like UTF-32 (it starts with a UTF-32 byte order mark)");
        assertThatThrownBy(() -> Utf8.decode(new byte[] {0}, "f")).hasMessageContaining("UTF-16");
    }
}
