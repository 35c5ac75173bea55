package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.engine.Advisor;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision service over real HTTP on loopback, on the default rules. */
class AdviceServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXAMPLE = read(Path.of("../examples/situations/contract-example.json"));

    static Advisor advisor;
    static AdviceServer server;
    static Http http;

    @BeforeAll
    static void start() {
        advisor = Advisor.withDefaultRules();
        server = AdviceServer.start(advisor, HttpSettings.onPort(0));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        advisor.close();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    static List<String> errors(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        List<String> out = new ArrayList<>();
        json(r).get("errors").forEach(e -> out.add(e.asText()));
        return out;
    }

    /** The problem lines the command line prints on stderr for the same text. */
    static List<String> cliProblems(String text) {
        try {
            new SituationJson().read(text);
            throw new AssertionError("expected the situation to be invalid");
        } catch (InvalidSituationException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    @Test
    void advisesOnTheContractExampleAsTheLibraryDoes() throws IOException {
        HttpResponse<String> r = http.postJson("/advice", EXAMPLE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        JsonNode expected = JSON.readTree(new AdviceJson().write(advisor.advise(new SituationJson().read(EXAMPLE))));
        assertThat(json(r)).isEqualTo(expected);
        assertThat(json(r).get("warnings").get(0).get("span").asText()).isEqualTo("Usted miente");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong enum       | "emotion": "RAGE"  | complaint.emotion: "RAGE" is not one of CALM, UPSET, ANGRY, FURIOUS
            unknown field    | "emotoin": "ANGRY" | complaint.emotoin: unknown field; expected one of
            negative amount  | "amount": -250     | complaint.amount: must be 0 or more, was -250
            unparseable time | "openedAt": "ayer" | complaint.openedAt: expected an ISO-8601 instant
            """)
    void anInvalidSituationIs400WithTheSameProblemsAsTheCommandLine(String name, String field, String expected) {
        String body = """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"},
                 "complaint": {"id": "K", %s}}""".formatted(field);
        HttpResponse<String> r = http.postJson("/advice", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errors(r)).isEqualTo(cliProblems(body)).singleElement().asString().startsWith(expected);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String body = """
                {"now": "2026-11-23T10:00:00Z", "customer": {}, "agent": {"id": "A"}, "complaint": {"emotion": "RAGE"}}""";
        HttpResponse<String> r = http.postJson("/advice", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errors(r)).contains("complaint.id: required", "customer.id: required")
                .anySatisfy(e -> assertThat(e).startsWith("complaint.emotion: \"RAGE\""))
                .isEqualTo(cliProblems(body));
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        HttpResponse<String> r = http.postJson("/advice", "{\n  \"now\": \"2026-11-23T10:00:00Z\",\n  \"customer\": {\"id\": \"C\",}\n}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errors(r)).singleElement().asString().startsWith("malformed JSON at line 3, column");
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void anEmptyBodyOrBytesThatAreNotUtf8Are400() {
        assertThat(errors(http.postJson("/advice", ""))).singleElement().asString().startsWith("empty input");
        byte[] latin1 = "{\"now\": \"é\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = http.post("/advice", "application/json", latin1);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errors(r)).containsExactly("the body is not valid UTF-8 at byte offset 9; it must be UTF-8"
                + " (save or send it as UTF-8)");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
            "application/json; charset=ISO-8859-1", ""})
    void aBodyThatIsNotDeclaredJsonInUtf8Is415(String type) {
        HttpResponse<String> r = http.post("/advice", type.isEmpty() ? null : type, EXAMPLE.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(errors(r)).singleElement().asString().containsAnyOf("application/json", "UTF-8");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;Charset=\"UTF-8\""})
    void jsonInUtf8IsAcceptedHoweverItIsSpelt(String type) {
        assertThat(http.post("/advice", type, EXAMPLE.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    }

    @Test
    void healthNamesThePolicy() {
        HttpResponse<String> r = http.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("UP");
        assertThat(json(r).get("policy").asText()).isEqualTo(advisor.policyRevision());
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        HttpResponse<String> r = http.get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/advice")).isTrue();
    }

    @Test
    void unknownEndpointsAndMethodsAnswerInJson() {
        HttpResponse<String> notFound = http.get("/situations");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(errors(notFound)).singleElement().asString().contains("GET /situations", "POST /advice");
        HttpResponse<String> wrongMethod = http.get("/advice");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(errors(wrongMethod)).singleElement().asString().startsWith("method not allowed: GET /advice");
    }

    @Test
    void concurrentRequestsEachGetTheAdviceForTheirOwnSituation() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<String>> client = () -> {
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String id = "K-" + thread + "-" + i;
                        boolean bad = i % 5 == 4; // a bad request now and then must not disturb the others
                        String body = EXAMPLE.replace("\"K-1\"", "\"" + id + "\"")
                                .replace("\"ANGRY\"", bad ? "\"RAGE\"" : "\"ANGRY\"");
                        HttpResponse<String> r = http.postJson("/advice", body);
                        if (bad ? r.statusCode() != 400 : r.statusCode() != 200 || !json(r).get("complaint").asText().equals(id)) {
                            problems.add(id + " -> " + r.statusCode() + " " + r.body());
                        }
                    }
                    return problems;
                };
                results.add(pool.submit(client));
            }
            for (Future<List<String>> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSingleRequestThatIsTooLargeIsRefusedAnd413() throws Exception {
        // the same Advisor can back several servers
        try (AdviceServer limited = AdviceServer.start(advisor, HttpSettings.onPort(0).withMaxBodyBytes(4096))) {
            Http h = new Http(limited.port());
            String padded = EXAMPLE + " ".repeat(5000); // still a valid situation, but too long
            HttpResponse<String> declared = h.postJson("/advice", padded);
            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(errors(declared)).singleElement().asString().contains("larger than 4096 bytes");

            // without a Content-Length (chunked), the limit is enforced while reading
            byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
            HttpRequest chunked = HttpRequest.newBuilder(h.uri("/advice")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
            HttpResponse<String> streamed = Http.send(chunked);
            assertThat(streamed.statusCode()).isEqualTo(413);
            assertThat(errors(streamed)).singleElement().asString().contains("larger than 4096 bytes");

            // under the limit it is read and advised as usual, chunked or not
            byte[] fits = EXAMPLE.getBytes(StandardCharsets.UTF_8);
            assertThat(fits.length).isLessThan(4096);
            assertThat(Http.send(HttpRequest.newBuilder(h.uri("/advice")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fits))).build())
                    .statusCode()).isEqualTo(200);
            assertThat(h.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aClosedServerRefusesConnections() {
        AdviceServer other = AdviceServer.start(advisor, HttpSettings.onPort(0));
        Http h = new Http(other.port());
        assertThat(h.get("/health").statusCode()).isEqualTo(200);
        other.close();
        other.close(); // twice is harmless
        assertThat(catchThrowable(() -> h.get("/health"))).hasCauseInstanceOf(java.net.ConnectException.class);
    }
}
