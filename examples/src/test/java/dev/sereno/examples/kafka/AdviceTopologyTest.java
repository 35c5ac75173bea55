package dev.sereno.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advice topology under Kafka Streams' own test driver, on the real default rules. */
class AdviceTopologyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant MONDAY_10AM = Instant.parse("2026-11-23T10:00:00Z");
    static final AdviceTopics TOPICS = AdviceTopics.defaults();
    static Advisor advisor;

    @TempDir
    Path state;

    TopologyTestDriver driver;
    TestInputTopic<String, String> situations;
    TestOutputTopic<String, String> advice;
    TestOutputTopic<String, String> errors;

    @BeforeAll
    static void build() {
        advisor = Advisor.withDefaultRules();
    }

    @AfterAll
    static void close() {
        advisor.close();
    }

    void start(Advisor with) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sereno-advice-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(AdviceTopology.build(with, TOPICS, Duration.ofMinutes(15)), props, MONDAY_10AM);
        situations = driver.createInputTopic(TOPICS.situations(), new StringSerializer(), new StringSerializer());
        advice = driver.createOutputTopic(TOPICS.advice(), new StringDeserializer(), new StringDeserializer());
        errors = driver.createOutputTopic(TOPICS.errors(), new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A situation at {@code now} with one promise due at {@code due}, open unless {@code kept}. */
    static String situation(String complaint, Instant now, String stage, Instant due, Instant kept) {
        return """
                {"now": "%s", "locale": "en", "customer": {"id": "C-1"}, "agent": {"id": "A-7"},
                 "complaint": {"id": "%s", "emotion": "UPSET", "stage": "%s"},
                 "promises": [{"id": "P-1", "what": "Call back with the refund status", "owner": "A-7",
                               "madeAt": "2026-11-23T09:00:00Z", "dueAt": "%s"%s}]}"""
                .formatted(now, complaint, stage, due, kept == null ? "" : ", \"keptAt\": \"" + kept + "\"");
    }

    static String reason(TestRecord<String, String> r) {
        Header h = r.headers().lastHeader(AdviseAndWatchPromises.REASON);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static List<String> codes(JsonNode advice, String list, String field) {
        return advice.get(list).findValuesAsText(field);
    }

    @Test
    void adviceIsKeyedByComplaintIdWhateverTheInputKey() {
        start(advisor);
        String text = situation("K-1", MONDAY_10AM, "LISTENING", Instant.parse("2026-11-23T12:00:00Z"), null);
        situations.pipeInput("some-crm-row-id", text);
        situations.pipeInput(null, text.replace("K-1", "K-2"));

        List<TestRecord<String, String>> out = advice.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("K-1", "K-2");
        assertThat(json(out.get(0).value())).isEqualTo(json(new AdviceJson().writeLine(advisor.advise(new SituationJson().read(text)))));
        assertThat(out).extracting(AdviceTopologyTest::reason).containsOnly(AdviseAndWatchPromises.NEW_SITUATION);
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void badSituationsGoToTheErrorsTopicWithTheirProblemsAndWhereTheyWereRead() {
        start(advisor);
        situations.pipeInput("row-1", "{\"now\": \"2026-11-23T10:00:00Z\", \"customer\": {}, \"agent\": {\"id\": \"A\"}, "
                + "\"complaint\": {\"id\": \"K-9\", \"emotion\": \"RAGE\"}}");
        situations.pipeInput("row-2", "{not json");
        situations.pipeInput("row-3", (String) null); // a tombstone is not a situation either

        List<TestRecord<String, String>> out = errors.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("row-1", "row-2", "row-3");
        JsonNode first = json(out.get(0).value());
        assertThat(first.get("topic").asText()).isEqualTo(TOPICS.situations());
        assertThat(first.get("offset").asLong()).isZero();
        assertThat(first.get("errors")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "customer.id: required", "complaint.emotion: \"RAGE\" is not one of CALM, UPSET, ANGRY, FURIOUS");
        assertThat(json(out.get(1).value()).get("errors").get(0).asText()).startsWith("malformed JSON at line 1");
        assertThat(json(out.get(2).value()).get("offset").asLong()).isEqualTo(2);
        assertThat(advice.isEmpty()).isTrue();
    }

    @Test
    void aPromiseThatComesDueIsSurfacedOnceOnTheSchedule() {
        start(advisor);
        Instant due = Instant.parse("2026-11-23T12:00:00Z");
        situations.pipeInput("K-1", situation("K-1", MONDAY_10AM, "LISTENING", due, null));
        JsonNode first = json(advice.readValue());
        assertThat(codes(first, "warnings", "code")).doesNotContain("PROMISE_OVERDUE");

        driver.advanceWallClockTime(Duration.ofMinutes(90)); // 11:30: not due yet
        assertThat(advice.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(45)); // 12:15: overdue
        TestRecord<String, String> surfaced = advice.readRecord();
        assertThat(surfaced.key()).isEqualTo("K-1");
        assertThat(reason(surfaced)).isEqualTo(AdviseAndWatchPromises.PROMISE_OVERDUE);
        assertThat(surfaced.timestamp()).isEqualTo(Instant.parse("2026-11-23T12:15:00Z").toEpochMilli());
        JsonNode overdue = json(surfaced.value());
        assertThat(codes(overdue, "warnings", "code")).contains("PROMISE_OVERDUE");
        assertThat(codes(overdue, "escalations", "code")).contains("OVERDUE_PROMISE_SUPPORT");

        driver.advanceWallClockTime(Duration.ofHours(3)); // still overdue, already surfaced
        assertThat(advice.isEmpty()).isTrue();
        KeyValueStore<String, String> store = driver.getKeyValueStore(AdviceTopology.OPEN_SITUATIONS);
        assertThat(json(store.get("K-1")).get("now").asText()).isEqualTo("2026-11-23T12:15:00Z");
    }

    @Test
    void theStoreKeepsOpenComplaintsWithoutTheirDraft() {
        start(advisor);
        String withDraft = situation("K-1", MONDAY_10AM, "LISTENING", Instant.parse("2026-11-23T12:00:00Z"), null)
                .replace("\"promises\"", "\"draftReply\": \"You're lying.\", \"promises\"");
        situations.pipeInput("K-1", withDraft);
        assertThat(codes(json(advice.readValue()), "warnings", "code")).contains("CALLS_CUSTOMER_LIAR");
        JsonNode stored = json(driver.<String, String>getKeyValueStore(AdviceTopology.OPEN_SITUATIONS).get("K-1"));
        assertThat(stored.has("draftReply")).isFalse();
        assertThat(stored.get("complaint").get("id").asText()).isEqualTo("K-1");

        driver.advanceWallClockTime(Duration.ofHours(3)); // the promise comes due: advice without the old draft
        assertThat(codes(json(advice.readValue()), "warnings", "code"))
                .contains("PROMISE_OVERDUE").doesNotContain("CALLS_CUSTOMER_LIAR");
    }

    @Test
    void aKeptPromiseOrAClosedComplaintIsNotSurfaced() {
        start(advisor);
        Instant due = Instant.parse("2026-11-23T12:00:00Z");
        situations.pipeInput("K-1", situation("K-1", MONDAY_10AM, "LISTENING", due, null));
        situations.pipeInput("K-2", situation("K-2", MONDAY_10AM, "LISTENING", due, null));
        // later the same morning: K-1's promise was kept, K-2 was resolved
        Instant later = Instant.parse("2026-11-23T11:00:00Z");
        situations.pipeInput("K-1", situation("K-1", later, "LISTENING", due, Instant.parse("2026-11-23T10:45:00Z")));
        situations.pipeInput("K-2", situation("K-2", later, "RESOLVED", due, null));
        assertThat(advice.readRecordsToList()).hasSize(4);
        assertThat(driver.getKeyValueStore(AdviceTopology.OPEN_SITUATIONS).get("K-2")).isNull();

        driver.advanceWallClockTime(Duration.ofHours(4));
        assertThat(advice.isEmpty()).isTrue();
    }

    @Test
    void aFailingRuleGoesToTheErrorsTopicNamingTheRule() {
        String rules = """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                rule "Always throws"
                    @guidance("G01")
                when
                    Complaint()
                then
                    if (true) { throw new IllegalStateException("broken"); }
                end
                """;
        try (Advisor faulty = Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", rules))).build()) {
            start(faulty);
            situations.pipeInput("K-1", situation("K-1", MONDAY_10AM, "LISTENING", Instant.parse("2026-11-23T12:00:00Z"), null));
            TestRecord<String, String> failed = errors.readRecord();
            assertThat(failed.key()).isEqualTo("K-1");
            assertThat(json(failed.value()).get("errors").get(0).asText()).isEqualTo("rule \"Always throws\" failed: THREW");
            assertThat(advice.isEmpty()).isTrue();
            driver.close();
            driver = null;
        }
    }
}
