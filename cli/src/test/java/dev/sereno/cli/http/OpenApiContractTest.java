package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.advice.EscalationTarget;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Severity;
import dev.sereno.engine.Advisor;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Channel;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI description stays faithful to what the service reads and writes: every field the JSON
 * codec knows is described (and nothing else), every enum lists the Java enum's values, every default is the value
 * the codec fills in.
 */
class OpenApiContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode doc;
    static JsonNode schemas;

    /** Every field of the contract, set: the contract's example with its open promise kept. */
    static String fullSituation() throws IOException {
        return Files.readString(Path.of("../examples/situations/contract-example.json"))
                .replace("\"keptAt\": null", "\"keptAt\": \"2026-11-22T10:00:00Z\"");
    }

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AdviceServer.class.getResourceAsStream("openapi.json")) {
            doc = JSON.readTree(in);
        }
        schemas = doc.get("components").get("schemas");
    }

    static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : schemas.get(ref.asText().substring("#/components/schemas/".length()));
    }

    static Set<String> names(Iterator<String> it) {
        Set<String> out = new TreeSet<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /**
     * Walks a JSON value against its schema; collects every mismatch with its path. With {@code exact}, the fields
     * written must be exactly the fields described (for a list, the fields of all its items together).
     */
    static void walk(String path, JsonNode value, JsonNode schema, boolean exact, List<String> problems) {
        walk(path, value, schema, exact, exact, problems);
    }

    private static void walk(String path, JsonNode value, JsonNode schema, boolean exactHere, boolean exactBelow,
                             List<String> problems) {
        schema = resolve(schema);
        if (value.isObject()) {
            JsonNode props = schema.get("properties");
            if (props == null) {
                problems.add(path + ": an object where the schema has none");
                return;
            }
            fields(path, names(value.fieldNames()), schema, exactHere, true, problems);
            value.fields().forEachRemaining(f -> {
                if (props.has(f.getKey())) {
                    walk(path + "." + f.getKey(), f.getValue(), props.get(f.getKey()), exactBelow, exactBelow, problems);
                }
            });
        } else if (value.isArray()) {
            JsonNode items = resolve(schema.get("items"));
            Set<String> union = new TreeSet<>();
            value.forEach(item -> union.addAll(names(item.fieldNames())));
            if (exactHere && value.size() > 0 && value.get(0).isObject()) {
                fields(path + "[*]", union, items, true, false, problems); // each item's required fields: below
            }
            for (int i = 0; i < value.size(); i++) {
                walk(path + "[" + i + "]", value.get(i), items, false, exactBelow, problems);
            }
        } else if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.equals(value);
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not in the schema's enum " + schema.get("enum"));
            }
        }
    }

    private static void fields(String path, Set<String> written, JsonNode schema, boolean exact, boolean required,
                               List<String> problems) {
        Set<String> described = names(schema.get("properties").fieldNames());
        if (exact && !written.equals(described)) {
            problems.add(path + ": fields " + written + " but the schema describes " + described);
        } else if (!described.containsAll(written)) {
            problems.add(path + ": fields " + written + " not all described in " + described);
        }
        if (required && schema.has("required")) {
            schema.get("required").forEach(r -> {
                if (!written.contains(r.asText())) {
                    problems.add(path + ": required " + r.asText() + " is missing");
                }
            });
        }
    }

    @Test
    void everyFieldOfTheSituationIsDescribedAndNothingElse() throws IOException {
        JsonNode written = JSON.readTree(new SituationJson().write(new SituationJson().read(fullSituation())));
        List<String> problems = new ArrayList<>();
        walk("situation", written, schemas.get("Situation"), true, problems);
        assertThat(problems).isEmpty();
        // and the situation objects refuse unknown fields, as the reader does
        for (String name : List.of("Situation", "Customer", "Agent", "Interaction", "Complaint", "Evidence", "Promise", "Option")) {
            assertThat(schemas.get(name).get("additionalProperties").asBoolean(true)).as(name).isFalse();
        }
    }

    @Test
    void everyDefaultIsTheValueTheReaderFillsIn() throws IOException {
        String minimal = """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"}, "complaint": {"id": "K"},
                 "evidence": [{"id": "E"}], "promises": [{"id": "P"}], "options": [{"remedy": "REPLACE"}]}""";
        JsonNode filled = JSON.readTree(new SituationJson().write(new SituationJson().read(minimal)));
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        defaults("situation", filled, schemas.get("Situation"), checked, problems);
        assertThat(problems).isEmpty();
        assertThat(checked).contains("situation.locale", "situation.currency", "situation.customer.segment",
                "situation.agent.remedies", "situation.complaint.stage", "situation.evidence[0].stance",
                "situation.options[0].available", "situation.complaint.amount");
    }

    private static void defaults(String path, JsonNode value, JsonNode schema, List<String> checked, List<String> problems) {
        JsonNode props = resolve(schema).get("properties");
        props.fields().forEachRemaining(p -> {
            JsonNode s = p.getValue();
            JsonNode def = s.has("default") ? s.get("default") : resolve(s).get("default");
            JsonNode actual = value.get(p.getKey());
            String at = path + "." + p.getKey();
            if (actual != null && actual.isArray() && actual.size() > 0 && actual.get(0).isObject()) {
                defaults(at + "[0]", actual.get(0), resolve(s).get("items"), checked, problems);
            } else if (def != null) {
                checked.add(at);
                JsonNode expected = def;
                boolean same = actual == null ? def.isNull()
                        : actual.isNumber() && def.isNumber() ? actual.decimalValue().compareTo(def.decimalValue()) == 0
                        : actual.equals(expected);
                if (!same) {
                    problems.add(at + ": the schema's default is " + def + " but the reader fills in " + actual);
                }
            } else if (actual != null && actual.isObject()) {
                defaults(at, actual, s, checked, problems);
            }
        });
    }

    @Test
    void everyEnumListsTheJavaValuesInOrder() {
        Map<String, Class<? extends Enum<?>>> enums = Map.ofEntries(
                Map.entry("Customer.segment", Segment.class), Map.entry("Complaint.channel", Channel.class),
                Map.entry("Complaint.cause", Cause.class), Map.entry("Complaint.claimKind", ClaimKind.class),
                Map.entry("Complaint.emotion", Emotion.class), Map.entry("Complaint.stage", Stage.class),
                Map.entry("Complaint.requestedRemedy", Remedy.class), Map.entry("Evidence.stance", Stance.class),
                Map.entry("Option.remedy", Remedy.class), Map.entry("Interaction.emotion", Emotion.class),
                Map.entry("Agent.remedies", Remedy.class), Map.entry("Advice.priority", Priority.class),
                Map.entry("Warning.severity", Severity.class), Map.entry("Escalation.to", EscalationTarget.class),
                Map.entry("Recommendation.phase", Stage.class), Map.entry("CaseRecord.cause", Cause.class),
                Map.entry("EmotionReading.level", Emotion.class));
        enums.forEach((where, type) -> {
            String[] at = where.split("\\.");
            JsonNode s = resolve(schemas.get(at[0]).get("properties").get(at[1]));
            if (s.has("items")) {
                s = resolve(s.get("items"));
            }
            List<String> listed = new ArrayList<>();
            s.get("enum").forEach(e -> listed.add(e.asText()));
            assertThat(listed).as(where).isEqualTo(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        });
        List<String> locales = new ArrayList<>();
        schemas.get("Situation").get("properties").get("locale").get("enum").forEach(e -> locales.add(e.asText()));
        assertThat(locales).isEqualTo(Arrays.stream(dev.sereno.situation.Language.values()).map(l -> l.code()).toList());
    }

    @Test
    void theAdviceTheServiceWritesIsDescribed() throws IOException {
        try (Advisor advisor = Advisor.withDefaultRules()) {
            for (String scene : List.of("phone-liar-es", "chat-perception-en", "venting-in-person-es")) {
                String text;
                try (InputStream in = dev.sereno.cli.Main.class.getResourceAsStream("demo/" + scene + ".json")) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                JsonNode advice = JSON.readTree(new AdviceJson().write(advisor.advise(new SituationJson().read(text))));
                List<String> problems = new ArrayList<>();
                walk(scene, advice, schemas.get("Advice"), false, problems);
                assertThat(problems).as(scene).isEmpty();
            }
        }
    }

    @Test
    void theErrorAnswersAreDescribedForEveryStatusTheEndpointGives() {
        JsonNode responses = doc.get("paths").get("/advice").get("post").get("responses");
        assertThat(names(responses.fieldNames())).containsExactly("200", "400", "408", "413", "415", "500", "503");
        assertThat(responses.get("503").get("headers").has("Retry-After")).isTrue();
    }
}
