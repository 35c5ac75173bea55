package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.AdvisorListener;
import dev.sereno.engine.RuleSource;
import dev.sereno.situation.Situation;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Rule failures, graceful shutdown and what reaches the log, each on a server of its own. */
class AdviceServerLifecycleTest {
    private static final String RULES = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.Recommend;

            rule "Works"
                @guidance("G06")
            when
                Complaint( claim == "fine" )
            then
                insert(new Recommend("OK", Stage.OPENING));
            end

            rule "Throws in its consequence"
                @guidance("G01")
            when
                Complaint( claim == "boom" )
            then
                if (true) { throw new IllegalStateException("broken consequence"); }
            end
            """;

    static String situation(String complaintId, String claim) {
        return """
                {"now": "2026-11-23T10:00:00Z", "locale": "en", "customer": {"id": "C-1"}, "agent": {"id": "A-1"},
                 "complaint": {"id": "%s", "claim": "%s", "customerWords": "My name is Ana Pérez and I am furious"},
                 "draftReply": "Dear Ana, we are sorry."}""".formatted(complaintId, claim);
    }

    @Test
    void aFailingRuleIs500NamingTheRuleAndTheServerKeepsServing() throws Exception {
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", RULES))).build();
             AdviceServer server = AdviceServer.start(advisor, HttpSettings.onPort(0))) {
            Http http = new Http(server.port());
            HttpResponse<String> failed = http.postJson("/advice", situation("K-1", "boom"));
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(AdviceServerTest.errors(failed)).containsExactly("rule \"Throws in its consequence\" failed: THREW");
            assertThat(failed.body()).doesNotContain("\tat ", "IllegalStateException", "broken consequence");

            HttpResponse<String> fine = http.postJson("/advice", situation("K-2", "fine"));
            assertThat(fine.statusCode()).isEqualTo(200);
            assertThat(AdviceServerTest.json(fine).get("recommendations").get(0).get("action").asText()).isEqualTo("OK");
        }
    }

    @Test
    void stoppingRefusesNewConnectionsButFinishesTheRequestsInFlight() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", RULES)))
                .listener(holding("K-slow", inFlight, release)).build()) {
            AdviceServer server = AdviceServer.start(advisor, HttpSettings.onPort(0).withDrainTimeout(Duration.ofSeconds(30)));
            Http http = new Http(server.port());
            CompletableFuture<HttpResponse<String>> slow = postAsync(http, situation("K-slow", "fine"));
            assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            // the listening socket closes first; the request in flight is still being answered
            awaitRefused(http);
            assertThat(stopping).isNotDone();
            assertThat(slow).isNotDone();

            release.countDown();
            HttpResponse<String> answered = slow.get(30, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(AdviceServerTest.json(answered).get("complaint").asText()).isEqualTo("K-slow");
            stopping.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRequestStillRunningAfterTheDrainTimeoutIsCutOffAndTheStopCompletes() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Logger serverLog = (Logger) LoggerFactory.getLogger(AdviceServer.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        serverLog.addAppender(captured);
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", RULES)))
                .listener(holding("K-stuck", inFlight, release)).build()) {
            AdviceServer server = AdviceServer.start(advisor, HttpSettings.onPort(0).withDrainTimeout(Duration.ofMillis(300)));
            Http http = new Http(server.port());
            CompletableFuture<HttpResponse<String>> stuck = postAsync(http, situation("K-stuck", "fine"));
            assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture.runAsync(server::close).get(30, TimeUnit.SECONDS);
            server.awaitStop();
            awaitRefused(http);
            assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("stopped after the drain timeout; requests still in flight then were cut off");
            release.countDown();
            assertThat(catchThrowable(() -> stuck.get(30, TimeUnit.SECONDS))).isNotNull();
        } finally {
            release.countDown();
            serverLog.detachAppender(captured);
        }
    }

    /** Holds the call for complaint {@code id} until {@code release}, once it has counted down {@code inFlight}. */
    private static AdvisorListener holding(String id, CountDownLatch inFlight, CountDownLatch release) {
        return new AdvisorListener() {
            @Override
            public void beforeEvaluate(Situation s) {
                if (s.complaint() != null && id.equals(s.complaint().id())) {
                    inFlight.countDown();
                    await(release);
                }
            }
        };
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(Http http, String body) {
        HttpRequest post = HttpRequest.newBuilder(http.uri("/advice")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Http.CLIENT.sendAsync(post, HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitRefused(Http http) throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(http.uri("/health")).timeout(Duration.ofSeconds(2)).GET().build();
        for (int i = 0; i < 200; i++) {
            Throwable t = catchThrowable(() -> Http.CLIENT.send(probe, HttpResponse.BodyHandlers.ofString()));
            if (t instanceof ConnectException) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the server kept accepting connections while stopping");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the request");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theLogHasNoPersonalDataAtInfoAndTheComplaintIdOnlyAtDebug() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger requests = (Logger) LoggerFactory.getLogger(RequestLog.class);
        Level rootLevel = root.getLevel();
        Level requestsLevel = requests.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.INFO);
        requests.setLevel(Level.INFO);
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", RULES))).build();
             AdviceServer server = AdviceServer.start(advisor, HttpSettings.onPort(0))) {
            Http http = new Http(server.port());
            assertThat(http.postJson("/advice", situation("K-secret-1", "fine")).statusCode()).isEqualTo(200);
            assertThat(http.postJson("/advice", situation("K-secret-2", "boom")).statusCode()).isEqualTo(500);
            assertThat(http.postJson("/advice", situation("K-secret-3", "fine").replace("\"en\"", "\"xx\"")).statusCode())
                    .isEqualTo(400);

            requests.setLevel(Level.DEBUG);
            assertThat(http.postJson("/advice", situation("K-secret-4", "fine")).statusCode()).isEqualTo(200);
        } finally {
            root.detachAppender(captured);
            root.setLevel(rootLevel);
            requests.setLevel(requestsLevel);
        }
        assertThat(captured.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getFormattedMessage())
                        .doesNotContain("Ana", "furious", "sorry", "K-secret"));
        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).startsWith("POST /advice 200 "))
                .anySatisfy(m -> assertThat(m).startsWith("POST /advice 500 "))
                .anySatisfy(m -> assertThat(m).startsWith("POST /advice 400 "))
                .anySatisfy(m -> assertThat(m).startsWith("POST /advice 200 ").endsWith("complaint=K-secret-4"));
    }

    @Test
    void healthAnswersWhileServing() {
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", RULES))).build();
             AdviceServer server = AdviceServer.start(advisor, HttpSettings.onPort(0))) {
            JsonNode health = AdviceServerTest.json(new Http(server.port()).get("/health"));
            assertThat(health.get("policy").asText()).isEqualTo(advisor.policyRevision());
        }
    }
}
