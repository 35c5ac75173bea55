package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must agree with {@link Instant#parse} on every text: same value, or both refuse it. */
class InstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "2024-02-29T12:30:45Z", "2026-11-23T10:00:00.5Z", "2026-11-23T10:00:00.123456789Z",
            "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999999999Z"})
    void readsThePlainFormLikeInstantParse(String text) {
        assertThat(Instants.fast(text)).isNotNull().isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00+01:00", "2026-11-23t10:00:00z", "2026-11-23T23:59:60Z",
            "2026-11-23T24:00:00Z", "2026-11-23T10:00:00.Z", "+12026-11-23T10:00:00Z", "2026-11-23T10:00Z"})
    void leavesEveryOtherFormToInstantParse(String text) {
        assertThat(Instants.fast(text)).isNull();
        assertSameAsInstantParse(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-23T10:60:00Z",
            "2026-11-23T10:00:00.1234567890Z", "2026-11-23 10:00:00Z", "2026-11-2xT10:00:00Z",
            "2026-11-23T10:00:00", "", "tomorrow"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Property(tries = 2000)
    void agreesWithInstantParseOnNearlyValidTexts(@ForAll("nearlyInstants") String text) {
        assertSameAsInstantParse(text);
    }

    @Property(tries = 1000)
    void agreesWithInstantParseOnEveryInstant(@ForAll("instants") Instant instant) {
        String text = instant.toString();
        assertThat(Instants.parse(text)).isEqualTo(instant);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .flatMap(s -> Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999))
                        .map(n -> Instant.ofEpochSecond(s, n)));
    }

    /** Valid instants with one character changed to another that often appears in them. */
    @Provide
    Arbitrary<String> nearlyInstants() {
        return instants().flatMap(i -> {
            String text = i.toString();
            return Arbitraries.integers().between(0, text.length() - 1)
                    .flatMap(at -> Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 'Z', '.', 'x', '+')
                            .map(c -> text.substring(0, at) + c + text.substring(at + 1)));
        });
    }

    private static void assertSameAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Instants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Instants.parse(text)).as(text).isEqualTo(expected);
    }
}
