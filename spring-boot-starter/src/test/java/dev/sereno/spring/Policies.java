package dev.sereno.spring;

import dev.sereno.json.SituationJson;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A one-rule policy and the demo situation the tests advise on. */
final class Policies {
    private Policies() {
    }

    static String rule(String name) {
        return """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Recommend;
                rule "%s"
                    @guidance("G06")
                when
                    Complaint( claim == "never" )
                then
                    insert(new Recommend("OK", Stage.OPENING));
                end
                """.formatted(name);
    }

    static Situation liar() {
        try (InputStream in = Policies.class.getResourceAsStream("/phone-liar-es.json")) {
            return new SituationJson().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
