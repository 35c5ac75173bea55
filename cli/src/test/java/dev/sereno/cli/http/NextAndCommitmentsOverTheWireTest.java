package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sereno.engine.Advisor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v1.1 on the wire: next, commitments, offsets and the zone, the same over HTTP, on the command line and in --jsonl. */
class NextAndCommitmentsOverTheWireTest {
    static final String SITUATION = """
            {"now": "2026-11-23T10:00:00Z", "locale": "es", "zone": "Europe/Madrid",
             "customer": {"id": "C-1"}, "agent": {"id": "A-7"},
             "complaint": {"id": "K-1", "claimKind": "FACT", "emotion": "ANGRY", "stage": "LISTENING"},
             "evidence": [{"id": "E-1", "kind": "SIGNED_DELIVERY_RECEIPT", "stance": "CONTRADICTS", "verified": true}],
             "draftReply": "😀 Usted miente. Le llamo mañana a las 10, y le llamaremos en cuanto sepamos algo."}""";

    static Advisor advisor;
    static AdviceServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        OpenApiContractTest.load();
        advisor = Advisor.withDefaultRules();
        server = AdviceServer.start(advisor, HttpSettings.onPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
        advisor.close();
    }

    @Test
    void httpCarriesNextCommitmentsAndOffsetsAsTheOpenApiDescribesThem() {
        HttpResponse<String> r = new Http(server.port()).postJson("/advice", SITUATION);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = AdviceServerTest.json(r);
        check(a);
        List<String> problems = new ArrayList<>();
        OpenApiContractTest.walk("advice", a, OpenApiContractTest.schemas.get("Advice"), false, problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void theCommandLineAndJsonLinesCarryTheSame() throws IOException {
        Path one = tmp.resolve("s.json");
        Files.writeString(one, SITUATION);
        JsonNode single = AdviceServerTest.JSON.readTree(run("advise", one.toString()));
        check(single);
        Path lines = tmp.resolve("s.jsonl");
        Files.writeString(lines, SITUATION.replace("\n", " ") + "\n");
        JsonNode line = AdviceServerTest.JSON.readTree(run("advise", "--jsonl", lines.toString()).strip());
        assertThat(line.get("next")).isEqualTo(single.get("next"));
        assertThat(line.get("commitments")).isEqualTo(single.get("commitments"));
    }

    @Test
    void anUnknownZoneIsA400EchoingIt() {
        HttpResponse<String> r = new Http(server.port()).postJson("/advice",
                SITUATION.replace("Europe/Madrid", "Europe/Madird"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(AdviceServerTest.errors(r)).containsExactly(
                "zone: \"Europe/Madird\" is not a known IANA time zone such as Europe/Madrid, America/Mexico_City or UTC");
    }

    private static void check(JsonNode a) {
        String draft = "😀 Usted miente. Le llamo mañana a las 10, y le llamaremos en cuanto sepamos algo.";
        assertThat(a.get("next").size()).isBetween(1, 3);
        assertThat(a.get("next").get(0).get("code").asText()).isEqualTo("CALLS_CUSTOMER_LIAR");
        assertThat(a.get("next").get(0).get("text").asText()).isEqualTo("Quite «Usted miente» antes de enviar.");
        assertThat(a.get("next").get(0).get("item").asText()).isEqualTo("warnings[0]");
        JsonNode liar = a.get("warnings").get(0);
        assertThat(draft.substring(liar.get("start").asInt(), liar.get("end").asInt())).isEqualTo("Usted miente");
        assertThat(liar.get("start").asInt()).isEqualTo(3); // the emoji counts two UTF-16 units
        JsonNode c = a.get("commitments");
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.get(0).get("what").asText()).isEqualTo("CALL_BACK");
        assertThat(c.get(0).get("due").asText()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(c.get(1).get("due").isNull()).isTrue();
        assertThat(c.get(1).get("guidance").toString()).isEqualTo("[\"G32\",\"G37\"]");
        for (JsonNode x : c) {
            assertThat(draft.substring(x.get("start").asInt(), x.get("end").asInt())).isEqualTo(x.get("span").asText());
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.sereno.cli.Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }
}
