package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sereno.audit.DecisionLog;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.AdvisorListener;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.engine.RuleSource;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Option;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stance;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Personal data never reaches the logs at INFO or above. Situations whose agent name, customer words, claim,
 * evidence summaries, promise texts, option reasons and draft carry marker strings go through every code path
 * (advice, explanation, invalid input, a failing and a looping rule, a failing listener, the decision log, the CLI
 * with JSON, text and JSON Lines) with every logger at TRACE into a list; no event at INFO or above, message or
 * stack trace, may hold a marker.
 */
class PrivacyCanaryTest {
    private static final String NAME = "CanaryName7Q";
    private static final String WORDS = "CanaryWords7Q";
    private static final String CLAIM = "CanaryClaim7Q";
    private static final String SUMMARY = "CanarySummary7Q";
    private static final String PROMISE = "CanaryPromise7Q";
    private static final String WHY = "CanaryWhy7Q";
    private static final String DRAFT = "CanaryDraft7Q";
    private static final List<String> MARKERS = List.of(NAME, WORDS, CLAIM, SUMMARY, PROMISE, WHY, DRAFT);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;

    @TempDir
    Path tmp;

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void restore() {
        root.detachAppender(events);
        root.setLevel(rootLevel);
    }

    static Situation marked() {
        return Situation.builder().now(NOW)
                .customer(dev.sereno.situation.Customer.of("C-1"))
                .agent(Agent.of("A-7").withName("Lucía " + NAME))
                .complaint(Complaint.builder("K-1").claim("El pedido " + CLAIM)
                        .customerWords("¡Es la tercera vez que llamo! " + WORDS).build())
                .evidence(new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, "Albarán " + SUMMARY))
                .promises(new Promise("P-1", "Llamar " + PROMISE, "A-7", NOW.minusSeconds(86_400), NOW.minusSeconds(3_600), null))
                .options(Option.unavailable(Remedy.REFUND, BigDecimal.TEN, "Fuera de plazo " + WHY))
                .draftReply("Usted miente, " + DRAFT)
                .build();
    }

    @Test
    void theDefaultPolicyAndTheDecisionLogLogNoPersonalData() {
        AdvisorListener failing = new AdvisorListener() {
            @Override
            public void beforeEvaluate(Situation s) {
                throw new IllegalStateException("listener saw " + s.draftReply());
            }
        };
        try (Advisor advisor = Advisor.withDefaultRules();
             Advisor logged = Advisor.builder().listener(DecisionLog.toLogger(new byte[32])).build();
             Advisor withFailingListener = Advisor.builder().listener(failing).build()) {
            Situation s = marked();
            assertThat(advisor.advise(s).blocksDraft()).isTrue();
            assertThat(advisor.explain(s).rulesFired()).isNotEmpty();
            assertThat(logged.advise(s).blocksDraft()).isTrue();
            assertThat(withFailingListener.advise(s).blocksDraft()).isTrue();
            Situation invalid = s.toBuilder().agent(Agent.of(" ").withName(NAME)).currency(WHY).build();
            assertThatThrownBy(() -> logged.advise(invalid)).isInstanceOf(InvalidSituationException.class);
            assertThatThrownBy(() -> advisor.advise(invalid)).isInstanceOf(InvalidSituationException.class);
        }
        assertThat(atInfoOrAbove()).anySatisfy(e -> assertThat(e.getLoggerName()).isEqualTo(DecisionLog.LOGGER));
        assertThat(atInfoOrAbove()).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("advisor listener"));
        assertNoMarkerAtInfoOrAbove();
    }

    @Test
    void failingRulesLogNoPersonalData() {
        String drl = """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Recommend;
                rule "Throws the claim back"
                    @guidance("G01")
                when
                    $c : Complaint( claim != null, claim.contains("throw") )
                then
                    if (true) { throw new IllegalStateException("bad claim: " + $c.claim() + " " + $c.customerWords()); }
                end
                rule "Loops on the customer's words"
                    @guidance("G02")
                when
                    $c : Complaint( claim != null, claim.contains("loop") )
                    $r : Recommend()
                then
                    insert(new Recommend($r.action() + $c.customerWords(), Stage.OPENING));
                end
                rule "Seeds the loop"
                    @guidance("G03")
                when
                    Complaint( claim != null, claim.contains("loop") )
                then
                    insert(new Recommend("A", Stage.OPENING));
                end
                """;
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", drl))).maxFiringsPerCall(50)
                .listener(DecisionLog.toLogger(new byte[32])).build()) {
            for (String claim : List.of("throw " + CLAIM, "loop " + CLAIM)) {
                Situation s = marked().toBuilder().complaint(marked().complaint().toBuilder().claim(claim).build()).build();
                assertThatThrownBy(() -> advisor.advise(s)).isInstanceOfSatisfying(RuleFailureException.class,
                        e -> assertThat(e).hasMessageNotContaining("Canary" + "Nothing"));
            }
        }
        assertThat(atInfoOrAbove()).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("Throws the claim back"))
                .anySatisfy(m -> assertThat(m).contains("Loops on the customer's words"));
        assertNoMarkerAtInfoOrAbove();
    }

    @Test
    void theCommandLineLogsNoPersonalData() throws IOException {
        SituationJson json = new SituationJson();
        String situation = json.write(marked()).replace("\n", " ");
        Path file = Files.writeString(tmp.resolve("marked.json"), situation);
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(situation);
        ((ObjectNode) tree.get("evidence").get(0)).put("stance", WHY);
        tree.put("currency", NAME);
        String badLine = tree.toString();
        Path bad = Files.writeString(tmp.resolve("bad.json"), badLine);
        Path lines = Files.writeString(tmp.resolve("lines.jsonl"),
                situation + "\n" + badLine + "\n{\"draftReply\": \"" + DRAFT + "\"\n" + situation + "\n", StandardCharsets.UTF_8);

        assertThat(CliTest.sereno("advise", file.toString()).code()).isEqualTo(Main.OK);
        assertThat(CliTest.sereno("advise", "--format", "text", file.toString()).code()).isEqualTo(Main.OK);
        CliTest.Run rejected = CliTest.sereno("advise", bad.toString());
        assertThat(rejected.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(rejected.err()).contains("evidence[0].stance", "currency");
        assertThat(CliTest.sereno("advise", "--jsonl", lines.toString()).code()).isEqualTo(Main.SOME_LINES_REJECTED);

        assertThat(events.list).isNotEmpty();
        assertNoMarkerAtInfoOrAbove();
    }

    /** The marked situation with the claim that makes one of {@link FaultyPolicy}'s rules fail. */
    static String failingLine(String claim) {
        Situation s = marked().toBuilder().complaint(marked().complaint().toBuilder().claim(claim).build()).build();
        return new SituationJson().write(s).replace("\n", " ");
    }

    /** Sends raw bytes on a new connection to the server and reads what comes back until it closes (10 s at most). */
    static String raw(int port, byte[] request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
            } catch (IOException e) {
                // refused before the whole request was sent
            }
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.net.SocketTimeoutException e) {
                return "";
            }
        }
    }

    static byte[] post(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ("POST /advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theServiceLogsNoPersonalDataWhateverFailsAndWhateverTheClientSends() throws Exception {
        List<String> answers = new ArrayList<>();
        try (Advisor faulty = FaultyPolicy.advisor();
             dev.sereno.cli.http.AdviceServer server = dev.sereno.cli.http.AdviceServer.start(faulty,
                     dev.sereno.cli.http.HttpSettings.onPort(0))) {
            int port = server.port();
            for (String claim : List.of("throw", "assert", "oom", "fine")) {
                answers.add(raw(port, post(failingLine(claim))));
            }
            answers.add(raw(port, post(failingLine("fine") + " {\"draftReply\": \"" + DRAFT + "\"}")));
            byte[] notUtf8 = post(failingLine("fine"));
            notUtf8[notUtf8.length - 3] = (byte) 0xFF;
            answers.add(raw(port, notUtf8));
            answers.add(raw(port, failingLine("fine").getBytes(StandardCharsets.UTF_16)));
            answers.add(raw(port, ("POST /advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nZZ" + WORDS + "\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
            answers.add(raw(port, ("GET /health HTTP/1.1\r\nHost: t\r\nX-Words: " + WORDS.repeat(20_000)
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
            answers.add(raw(port, ("GET /" + NAME.repeat(10_000) + " HTTP/1.1\r\nHost: t\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            try (java.net.Socket closing = new java.net.Socket("127.0.0.1", port)) { // closes mid-body
                closing.getOutputStream().write(("POST /advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json"
                        + "\r\nContent-Length: 100000\r\n\r\n{\"draftReply\": \"" + DRAFT).getBytes(StandardCharsets.UTF_8));
            }
            Thread.sleep(300);
        }
        assertThat(answers.get(0)).startsWith("HTTP/1.1 500");
        assertThat(answers.get(2)).startsWith("HTTP/1.1 503");
        assertThat(answers.get(3)).startsWith("HTTP/1.1 200");
        assertThat(answers.subList(4, answers.size())).allSatisfy(a -> assertThat(a).startsWith("HTTP/1.1 4"));
        assertThat(String.join("\n", answers)).doesNotContain(WORDS, DRAFT);
        assertThat(atInfoOrAbove()).isNotEmpty();
        assertNoMarkerAtInfoOrAbove();
    }

    @Test
    void jsonLinesLogsNoPersonalDataWhateverFailsOnALine() throws Exception {
        String lines = String.join("\n", failingLine("throw"), failingLine("assert"), failingLine("oom"),
                failingLine("fine") + " \"" + WHY + "\"", "{\"draftReply\": \"" + DRAFT + "\" " + "x".repeat(2_000) + "}",
                failingLine("fine")) + "\n";
        java.io.StringWriter out = new java.io.StringWriter();
        try (Advisor faulty = FaultyPolicy.advisor()) {
            int code = new JsonLinesRunner(faulty, 1_000).run(
                    new java.io.ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), new java.io.PrintWriter(out),
                    "input");
            assertThat(code).isEqualTo(Main.SOME_LINES_REJECTED);
        }
        assertThat(out.toString().lines()).hasSize(6);
        assertThat(out.toString()).doesNotContain(WORDS, WHY, DRAFT);
        assertNoMarkerAtInfoOrAbove();
    }

    @Test
    void theCheckCatchesAMarkerLoggedAtInfo() {
        LoggerFactory.getLogger("dev.sereno.somewhere").debug("draft {}", DRAFT);
        assertNoMarkerAtInfoOrAbove();
        LoggerFactory.getLogger("dev.sereno.somewhere").info("failed", new IllegalStateException("x", new RuntimeException(WORDS)));
        assertThatThrownBy(this::assertNoMarkerAtInfoOrAbove).isInstanceOf(AssertionError.class).hasMessageContaining(WORDS);
    }

    private List<ILoggingEvent> atInfoOrAbove() {
        return events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    }

    private void assertNoMarkerAtInfoOrAbove() {
        for (ILoggingEvent e : atInfoOrAbove()) {
            String all = everything(e);
            assertThat(MARKERS).as("%s %s: %s", e.getLevel(), e.getLoggerName(), all)
                    .noneSatisfy(marker -> assertThat(all).contains(marker));
        }
    }

    /** The message, its arguments, the MDC and the whole stack trace of one event, as text. */
    private static String everything(ILoggingEvent e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.getFormattedMessage());
        if (e.getArgumentArray() != null) {
            for (Object a : e.getArgumentArray()) {
                parts.add(String.valueOf(a));
            }
        }
        parts.add(String.valueOf(e.getMDCPropertyMap()));
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            parts.add(t.getClassName() + ": " + t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                parts.add(frame.getSTEAsString());
            }
            for (IThrowableProxy s : t.getSuppressed()) {
                parts.add(s.getClassName() + ": " + s.getMessage());
            }
        }
        return String.join("\n", parts);
    }
}
