package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The customer's time zone on the situation: optional, an IANA id, UTC when absent. */
class SituationZoneTest {
    private final SituationJson json = new SituationJson();

    private static String with(String zoneField) {
        return "{\"now\": \"2026-11-23T10:00:00Z\"" + zoneField
                + ", \"customer\": {\"id\": \"C\"}, \"agent\": {\"id\": \"A\"}, \"complaint\": {\"id\": \"K\"}}";
    }

    @Test
    void absentIsUtcAndAnIanaZoneIsRead() {
        assertThat(json.read(with("")).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(json.read(with(", \"zone\": \"Europe/Madrid\"")).zone()).isEqualTo(ZoneId.of("Europe/Madrid"));
        assertThat(json.read(with(", \"zone\": \"America/Mexico_City\"")).zone()).isEqualTo(ZoneId.of("America/Mexico_City"));
        assertThat(json.read(with(", \"zone\": null")).zone()).isEqualTo(Situation.UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Madird", "CET+1", "+01:00", "Z", "", "madrid", "SYSTEM"})
    void anUnknownZoneIsAFieldErrorThatEchoesTheValue(String zone) {
        assertThatThrownBy(() -> json.read(with(", \"zone\": \"" + zone + "\"")))
                .isInstanceOf(InvalidSituationException.class)
                .satisfies(e -> assertThat(((InvalidSituationException) e).problems()).extracting(Object::toString)
                        .containsExactly("zone: \"" + zone + "\" is not a known IANA time zone such as Europe/Madrid, "
                                + "America/Mexico_City or UTC"));
    }

    @Test
    void aZoneOfTheWrongKindIsAFieldError() {
        assertThatThrownBy(() -> json.read(with(", \"zone\": 1")))
                .isInstanceOf(InvalidSituationException.class)
                .satisfies(e -> assertThat(((InvalidSituationException) e).problems()).extracting(Object::toString)
                        .containsExactly("zone: expected a string, was 1"));
    }

    @Test
    void theZoneRoundTrips() {
        Situation s = json.read(with(", \"zone\": \"Asia/Tokyo\""));
        assertThat(json.write(s)).containsPattern("\"zone\" ?: \"Asia/Tokyo\"");
        assertThat(json.read(json.write(s))).isEqualTo(s);
    }
}
