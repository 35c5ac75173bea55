package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import dev.sereno.situation.SituationValidator;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the JSON reader with Jazzer. Whatever the bytes, reading ends in a valid {@link Situation} (which writes
 * and reads back to itself) or in an {@link InvalidSituationException} whose every problem says where and what;
 * any other exception, or a hang, is a finding.
 *
 * <p>In the default build this runs the seeds in {@code SituationJsonFuzzTestInputs/} (and any finding saved
 * there) as regression tests. {@code JAZZER_FUZZ=1} fuzzes, coverage-guided, for {@code maxDuration}; see
 * docs/reliability.md.
 */
class SituationJsonFuzzTest {
    private static final SituationJson JSON = new SituationJson();
    private static final SituationValidator VALIDATOR = new SituationValidator();

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"\"now\"", "\"locale\"", "\"currency\"", "\"customer\"", "\"agent\"", "\"complaint\"",
            "\"evidence\"", "\"promises\"", "\"options\"", "\"draftReply\"", "\"id\"", "\"remedies\"",
            "\"recentInteractions\"", "\"endedAt\"", "\"emotion\"", "\"amount\"", "\"cost\"", "\"madeAt\"",
            "\"dueAt\"", "\"keptAt\"", "\"openedAt\"", "\"2026-11-23T10:00:00Z\"", "\"ANGRY\"", "\"REFUND\"",
            "\"es\"", "\"EUR\"", "null", "true", "1e999999999", "-0.5", "[]", "{}"})
    void readsAnyTextAsASituationOrProblems(FuzzedDataProvider data) {
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        Situation situation;
        try {
            situation = JSON.read(text);
        } catch (InvalidSituationException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.path()).isNotNull();
                assertThat(p.message()).isNotBlank();
            });
            return;
        }
        assertThat(VALIDATOR.problems(situation)).isEmpty();
        assertThat(JSON.read(JSON.write(situation))).isEqualTo(situation);
    }
}
