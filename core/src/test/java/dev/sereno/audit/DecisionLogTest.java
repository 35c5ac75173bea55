package dev.sereno.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.engine.RuleSource;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DecisionLogTest {
    static final byte[] KEY = "a host's secret key, 32 bytes ok".getBytes(StandardCharsets.UTF_8);
    static final String SECRET_WORDS = "Lucía Fernández says the parcel never came";
    private static final String DRL = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.advice.Severity;
            import dev.sereno.advice.Priority;
            import dev.sereno.policy.Recommend;
            import dev.sereno.policy.Warn;
            import dev.sereno.policy.RaisePriority;

            rule "Listen first"
                @guidance("G07")
            when
                $c : Complaint( claim != "boom" )
            then
                insert(new Recommend("LISTEN", Stage.LISTENING, $c.claim()));
            end

            rule "Mind the tone"
                @guidance("G18,G19")
            when
                Complaint( customerWords != null )
            then
                insert(new Warn("TONE", Severity.CAUTION, null));
                insert(new RaisePriority(Priority.HIGH));
            end

            rule "Breaks on purpose"
                @guidance("G01")
            when
                Complaint( claim == "boom" )
            then
                if (true) { throw new IllegalStateException("broken"); }
            end
            """;
    private static final Map<String, String> POLICY = Map.of("a.drl", DRL,
            "messages/en.properties", "LISTEN.say=You said: {0}\nLISTEN.why=Because {0}\nTONE.why=Careful\n");

    static Situation situation(String customerId, String claim) {
        return Situation.builder().now(Instant.parse("2026-11-23T10:00:00Z")).locale(Language.EN)
                .customer(Customer.of(customerId)).agent(Agent.of("A-7").withName("Lucía Fernández"))
                .complaint(Complaint.builder("K-1").claim(claim).customerWords(SECRET_WORDS).emotion(Emotion.ANGRY).build())
                .draftReply("Dear Lucía Fernández, " + SECRET_WORDS)
                .build();
    }

    @Test
    void recordsTheDecisionAsCodesWithTheIdsHashedAndNoFreeText() throws Exception {
        StringWriter out = new StringWriter();
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(POLICY)).listener(DecisionLog.to(out, KEY)).build()) {
            advisor.advise(situation("C-1", SECRET_WORDS));
            JsonNode line = single(out);
            assertThat(line.get("time").asText()).isEqualTo("2026-11-23T10:00:00Z");
            assertThat(line.get("policy").asText()).isEqualTo(advisor.policyRevision());
            assertThat(line.get("outcome").asText()).isEqualTo("ADVISED");
            assertThat(line.get("customer").asText()).isEqualTo(hmac("C-1"));
            assertThat(line.get("complaint").asText()).isEqualTo(hmac("K-1"));
            assertThat(line.get("priority").asText()).isEqualTo("HIGH");
            assertThat(line.get("emotion").asText()).isEqualTo("ANGRY");
            assertThat(texts(line.get("rules"))).containsExactly("Listen first", "Mind the tone");
            assertThat(texts(line.get("recommendations"))).containsExactly("LISTEN");
            assertThat(texts(line.get("warnings"))).containsExactly("TONE:CAUTION");
            assertThat(texts(line.get("guidance"))).containsExactly("G07", "G18", "G19");
            assertThat(out.toString()).doesNotContain("Lucía", "parcel", "C-1", "K-1", "You said", "Careful");
        }
    }

    @Test
    void theSameIdAlwaysGivesTheSameHashAndAnotherKeyAnother() {
        KeyedHash hash = new KeyedHash(KEY);
        assertThat(hash.of("C-1")).isEqualTo(hash.of("C-1")).isNotEqualTo(hash.of("C-2")).hasSize(64);
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(new KeyedHash(otherKey).of("C-1")).isNotEqualTo(hash.of("C-1"));
        assertThat(hash.of(null)).isNull();
    }

    @Test
    void computesHmacSha256() {
        // RFC 4231, test case 6: a 131-byte key, longer than the block size
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        assertThat(new KeyedHash(key).of("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> DecisionLog.to(new StringWriter(), new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the key for hashing ids must have at least 32 bytes, had 16");
    }

    @Test
    void recordsRejectedSituationsByFieldPathAndFailedRulesByName() throws Exception {
        StringWriter out = new StringWriter();
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(POLICY)).listener(DecisionLog.to(out, KEY)).build()) {
            Situation bad = situation("C-1", "x").toBuilder().agent(Agent.of(" ").withName("Lucía Fernández"))
                    .currency("lucía").build();
            assertThatThrownBy(() -> advisor.advise(bad)).isInstanceOf(InvalidSituationException.class);
            assertThatThrownBy(() -> advisor.advise(situation("C-1", "boom"))).isInstanceOf(RuleFailureException.class);
            assertThatThrownBy(() -> advisor.advise(null)).isInstanceOf(InvalidSituationException.class);

            List<JsonNode> lines = lines(out);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0).get("outcome").asText()).isEqualTo("INVALID");
            assertThat(texts(lines.get(0).get("fields"))).containsExactly("currency", "agent.id");
            assertThat(lines.get(0).get("customer").asText()).isEqualTo(hmac("C-1"));
            assertThat(lines.get(0).has("policy")).isFalse();
            assertThat(lines.get(1).get("outcome").asText()).isEqualTo("RULE_FAILED");
            assertThat(lines.get(1).get("rule").asText()).isEqualTo("Breaks on purpose");
            assertThat(lines.get(1).get("failure").asText()).isEqualTo("THREW");
            assertThat(lines.get(1).get("policy").asText()).isEqualTo(advisor.policyRevision());
            assertThat(texts(lines.get(2).get("fields"))).containsExactly("");
            assertThat(lines.get(2).has("time")).isFalse();
            assertThat(out.toString()).doesNotContain("Lucía", "lucía", "parcel", "broken");
        }
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws Exception {
        StringWriter out = new StringWriter();
        int threads = 4;
        int calls = 250;
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(POLICY)).listener(DecisionLog.to(out, KEY)).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    tasks.add(() -> {
                        for (int i = 0; i < calls; i++) {
                            advisor.advise(situation("C-" + thread + "-" + i, "claim"));
                        }
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(tasks)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<JsonNode> lines = lines(out);
        assertThat(lines).hasSize(threads * calls);
        assertThat(lines.stream().map(l -> l.get("customer").asText()).distinct()).hasSize(threads * calls);
    }

    @Test
    void canLogToTheDecisionsLoggerAndIsOffUnlessInstalled() {
        Logger decisions = (Logger) LoggerFactory.getLogger(DecisionLog.LOGGER);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        decisions.addAppender(events);
        Level before = decisions.getLevel();
        decisions.setLevel(Level.INFO);
        try {
            try (Advisor plain = Advisor.builder().rules(RuleSource.files(POLICY)).build()) {
                plain.advise(situation("C-1", "claim"));
            }
            assertThat(events.list).isEmpty();
            try (Advisor logged = Advisor.builder().rules(RuleSource.files(POLICY)).listener(DecisionLog.toLogger(KEY)).build()) {
                logged.advise(situation("C-1", "claim"));
            }
            assertThat(events.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.INFO);
                assertThat(e.getFormattedMessage()).contains("\"outcome\":\"ADVISED\"", hmac("C-1")).doesNotContain("Lucía");
            });
        } finally {
            decisions.detachAppender(events);
            decisions.setLevel(before);
        }
    }

    static String hmac(String id) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<JsonNode> lines(StringWriter out) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            if (!l.isEmpty()) {
                lines.add(mapper.readTree(l));
            }
        }
        return lines;
    }

    private static JsonNode single(StringWriter out) throws Exception {
        List<JsonNode> lines = lines(out);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
