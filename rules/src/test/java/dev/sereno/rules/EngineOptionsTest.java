package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drools reads its engine options from {@code drools.*} system properties too; the Advisor sets the ones it relies on,
 * so a host's JVM flags cannot change the advice or stop the policy from loading.
 */
class EngineOptionsTest {
    /** Each changes what Drools does; the first alone made the rules below warn about every finding of the draft. */
    private static final Map<String, String> HOSTILE = Map.of(
            "drools.indexRightBetaMemory", "false",
            "drools.shareAlphaNodes", "false",
            "drools.alphaNodeHashingThreshold", "1",
            "drools.sequential", "true",
            "drools.threadSafe", "false");

    @Test
    void drools_system_properties_change_nothing() throws IOException {
        // the refund is not available and the draft offers it; the replacement is beyond the agent's authority
        Situation s = new SituationJson().read(Files.readString(Path.of("../examples/situations/contract-example.json"))
                .replace("\"Usted miente, tenemos el albarán firmado.\"",
                        "\"Usted miente, tenemos el albarán firmado. Le devolvemos el importe.\""));
        Advice expected;
        try (Advisor plain = Advisor.withDefaultRules()) {
            expected = plain.advise(s);
        }
        Map<String, String> before = new HashMap<>();
        HOSTILE.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        Advice advice;
        try {
            HOSTILE.forEach(System::setProperty);
            try (Advisor advisor = Advisor.withDefaultRules()) {
                advice = advisor.advise(s);
            }
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        assertThat(expected.warnings()).extracting(w -> w.code()).contains("OFFERS_UNAVAILABLE_OPTION");
        assertThat(advice).isEqualTo(expected);
    }
}
