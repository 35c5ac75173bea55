package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Situation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading from bytes gives what reading the decoded text gives: the same situation or the same problems, for the
 * contract's example, for it with any value replaced by another of any kind, for numbers written every way, and
 * for bytes that are not UTF-8. And the example is read the quick way, not the tree way.
 */
class SituationJsonBytesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXAMPLE = SituationJsonTest.contractExampleText();
    private final SituationJson json = new SituationJson();

    /** The situation read, or the problems as text. */
    private static Object outcome(java.util.function.Supplier<Situation> read) {
        try {
            return read.get();
        } catch (InvalidSituationException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    private void sameBothWays(byte[] bytes) {
        Object fromBytes = outcome(() -> json.read(bytes, 0, bytes.length, "line 1"));
        Object fromText = outcome(() -> json.read(Utf8.decode(bytes, "line 1")));
        assertThat(fromBytes).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(fromText);
    }

    private void sameBothWays(String text) {
        sameBothWays(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theExampleIsReadTheQuickWayToTheSameSituation() {
        byte[] bytes = EXAMPLE.getBytes(StandardCharsets.UTF_8);
        Situation quick = StreamingSituation.read(json.mapper().getFactory(), bytes, 0, bytes.length);
        assertThat(quick).isNotNull().isEqualTo(json.read(EXAMPLE));
        sameBothWays(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"250", "250.00", "250.5", "0", "-0", "0.00", "-0.0", "1e3", "1E+3", "2.50e1", "-5",
            "12345678901", "123456789012345678901234", "1e999999999", "-1e999999999", "1e-999999999", "1e9999999990",
            "0.30000000000000004", "1000000000001", "null", "\"250\"", "true", "[]", "{}"})
    void everyNumberIsReadAlike(String amount) {
        sameBothWays(EXAMPLE.replace("\"amount\": 250.00", "\"amount\": " + amount));
        sameBothWays(EXAMPLE.replace("\"pastUnfoundedComplaints\": 2", "\"pastUnfoundedComplaints\": " + amount));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1]", "{}", "{} {}", "{\"now\": 1} x", "{\"now\": \"2026-11-23T10:00:00Z\", \"now\": \"2026-11-23T10:00:00Z\"}",
            "{\"now\": \"2026-11-23T10:00:00+01:00\"}", "{\"now\": \"2026-02-30T10:00:00Z\"}", "{\"zone\": \"Mars/Base\"}",
            "{\"locale\": \"fr\"}", "{\"evidence\": [null]}", "{\"agent\": {\"remedies\": [null, \"HUG\"]}}", "\u000B{}",
            "{\"draftReply\": \"\\ud800\"}", "{\"unknown\": 1}", "{\"unknown\": null}",
            "{\"customer\": {\"blocksCustomerBusiness\": null}}", "{\"options\": [{\"amount\": null}]}",
            "{\"now\": \"2026-11-23T10:00:00Z\", \"now\": null}"})
    void oddDocumentsAreReadAlike(String doc) {
        sameBothWays(doc);
        sameBothWays(EXAMPLE.substring(0, EXAMPLE.length() - 2) + (doc.isBlank() ? "" : ", \"x\": " + doc) + "}");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedAlike() throws IOException {
        byte[][] bad = {{'{', '"', (byte) 0xC3, '"', '}'}, {'{', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '}'},
                {'{', '}', (byte) 0xC0, (byte) 0xAF}, {'{', '}', (byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, {(byte) 0xFF, (byte) 0xFE, '{', 0}};
        for (byte[] b : bad) {
            sameBothWays(b);
        }
        // and the example after a byte order mark is read alike
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(EXAMPLE.getBytes(StandardCharsets.UTF_8));
        sameBothWays(bom.toByteArray());
    }

    @Test
    void plainUtf8IsWhatTheStrictDecoderAccepts() {
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[1 + random.nextInt(6)];
            random.nextBytes(b);
            boolean decodes;
            try {
                Utf8.decode(b, "x");
                decodes = true;
            } catch (InvalidSituationException e) {
                decodes = false;
            }
            if (StreamingSituation.plainUtf8(b, 0, b.length)) {
                assertThat(decodes).as(java.util.Arrays.toString(b)).isTrue();
            }
        }
        byte[] text = "ñandú ¿qué? €, 😡".getBytes(StandardCharsets.UTF_8);
        assertThat(StreamingSituation.plainUtf8(text, 0, text.length)).isTrue();
        assertThat(StreamingSituation.plainUtf8(text, 0, text.length - 1)).isFalse();
    }

    @Property(tries = 1000)
    void anyValueReplacedIsReadAlike(@ForAll("changed") String doc) {
        sameBothWays(doc);
    }

    /** The example with one to three values replaced by values of any kind, or removed. */
    @Provide
    Arbitrary<String> changed() {
        ObjectNode root = tree();
        List<String[]> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        Arbitrary<String[]> where = Arbitraries.of(paths);
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(f::textNode),
                Arbitraries.of("2026-11-23T10:00:00Z", "2027-01-01T00:00:00Z", "2026-11-23T10:00:00.5Z", "ANGRY", "REFUND",
                        "es", "en", "EUR", "", "Europe/Madrid").map(f::textNode),
                Arbitraries.integers().map(i -> (JsonNode) f.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) f.numberNode(l)),
                Arbitraries.of("0.5", "-1", "1e12", "250.00", "0.00", "123456789012345678901234567890")
                        .map(d -> (JsonNode) f.numberNode(new BigDecimal(d))),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()),
                // a new container each time: one shared instance would collect what later changes set inside it
                Arbitraries.create(f::arrayNode), Arbitraries.create(f::objectNode));
        Arbitrary<Object[]> change = Combinators.combine(where, values.injectNull(0.2)).as((p, v) -> new Object[] {p, v});
        return change.list().ofMinSize(1).ofMaxSize(3).map(changes -> {
            ObjectNode doc = tree();
            for (Object[] c : changes) {
                set(doc, (String[]) c[0], (JsonNode) c[1]);
            }
            return doc.toString();
        });
    }

    private static ObjectNode tree() {
        try {
            return (ObjectNode) MAPPER.readTree(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<String> at, List<String[]> out) {
        if (!at.isEmpty()) {
            out.add(at.toArray(String[]::new));
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                List<String> next = new ArrayList<>(at);
                next.add(e.getKey());
                collect(e.getValue(), next, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<String> next = new ArrayList<>(at);
                next.add("#" + i);
                collect(node.get(i), next, out);
            }
        }
    }

    /** Sets the value at the path (or removes it, for null); a path that an earlier change broke is left alone. */
    private static void set(ObjectNode root, String[] path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.length - 1 && parent != null; i++) {
            parent = path[i].startsWith("#") ? parent.get(Integer.parseInt(path[i].substring(1))) : parent.get(path[i]);
        }
        String last = path[path.length - 1];
        if (parent instanceof ObjectNode o && !last.startsWith("#")) {
            if (value == null) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a && last.startsWith("#")) {
            int i = Integer.parseInt(last.substring(1));
            if (i < a.size()) {
                if (value == null) {
                    a.remove(i);
                } else {
                    a.set(i, value);
                }
            }
        }
    }
}
