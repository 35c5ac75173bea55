package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Situation;
import dev.sereno.situation.SituationValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random damage to the contract's example, as text (characters deleted, inserted, replaced; the text cut short) and
 * as structure (a value of the wrong type, an unknown field, a field removed, deep nesting): reading it only ever
 * gives a valid situation or an {@link InvalidSituationException} whose every problem has a path and a message.
 * Complements the coverage-guided {@link SituationJsonFuzzTest}; runs in a few seconds.
 */
class SituationJsonPropertiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXAMPLE = SituationJsonTest.contractExampleText();
    private static final List<JsonPointer> VALUES = pointers(tree(), JsonPointer.empty(), new ArrayList<>());
    private final SituationJson json = new SituationJson();

    private static ObjectNode tree() {
        try {
            return (ObjectNode) MAPPER.readTree(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every value in the tree, by pointer, containers included. */
    private static List<JsonPointer> pointers(JsonNode node, JsonPointer at, List<JsonPointer> out) {
        if (!at.matches()) {
            out.add(at);
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                pointers(f.getValue(), at.appendProperty(f.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers(node.get(i), at.appendIndex(i), out);
            }
        }
        return out;
    }

    @Property(tries = 1500)
    void damagedTextGivesASituationOrProblems(@ForAll("damagedText") String text) {
        checkReading(text);
    }

    @Property(tries = 1500)
    void damagedStructureGivesASituationOrProblems(@ForAll("damagedStructure") String text) {
        checkReading(text);
    }

    @Property(tries = 300)
    void anUnknownFieldIsAlwaysReportedAtItsPath(@ForAll("objectPointers") JsonPointer at,
                                                 @ForAll("fieldNames") String name) {
        ObjectNode root = tree();
        ((ObjectNode) root.at(at)).put(name, 1);
        // the pointer's steps become the path; the name is taken as it is (it may hold '/' or be all digits)
        StringBuilder path = new StringBuilder();
        for (String step : at.toString().split("/")) {
            if (step.matches("\\d+")) {
                path.append('[').append(step).append(']');
            } else if (!step.isEmpty()) {
                path.append(path.isEmpty() ? "" : ".").append(step);
            }
        }
        path.append(path.isEmpty() ? "" : ".").append(name);
        assertThat(problems(root.toString())).extracting(Problem::path).contains(path.toString());
    }

    private void checkReading(String text) {
        Situation situation;
        try {
            situation = json.read(text);
        } catch (InvalidSituationException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.path()).isNotNull();
                assertThat(p.message()).isNotBlank();
            });
            return;
        }
        assertThat(new SituationValidator().problems(situation)).isEmpty();
        assertThat(json.read(json.write(situation))).isEqualTo(situation);
    }

    private List<Problem> problems(String text) {
        try {
            json.read(text);
            return List.of();
        } catch (InvalidSituationException e) {
            return e.problems();
        }
    }

    @Provide
    Arbitrary<String> damagedText() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, EXAMPLE.length());
        Arbitrary<String> junk = Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,.-+eE0123456789tfnul \\\n").ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(8));
        Arbitrary<UnaryOperator<String>> delete = Combinators.combine(at, Arbitraries.integers().between(1, 40))
                .as((p, n) -> s -> s.substring(0, Math.min(p, s.length())) + s.substring(Math.min(p + n, s.length())));
        Arbitrary<UnaryOperator<String>> insert = Combinators.combine(at, junk)
                .as((p, j) -> s -> s.substring(0, Math.min(p, s.length())) + j + s.substring(Math.min(p, s.length())));
        Arbitrary<UnaryOperator<String>> replace = Combinators.combine(at, junk)
                .as((p, j) -> s -> s.substring(0, Math.min(p, s.length())) + j + s.substring(Math.min(p + j.length(), s.length())));
        Arbitrary<UnaryOperator<String>> cut = at.map(p -> s -> s.substring(0, Math.min(p, s.length())));
        return Arbitraries.oneOf(delete, insert, replace, cut).list().ofMinSize(1).ofMaxSize(5)
                .map(changes -> apply(EXAMPLE, changes));
    }

    @Provide
    Arbitrary<String> damagedStructure() {
        Arbitrary<JsonPointer> where = Arbitraries.of(VALUES);
        Arbitrary<UnaryOperator<ObjectNode>> retype = Combinators.combine(where, values())
                .as((p, v) -> root -> set(root, p, v));
        Arbitrary<UnaryOperator<ObjectNode>> remove = where.map(p -> root -> set(root, p, null));
        Arbitrary<UnaryOperator<ObjectNode>> unknown = Combinators.combine(objectPointers(), fieldNames(), values())
                .as((p, name, v) -> root -> {
                    if (root.at(p) instanceof ObjectNode o) { // an earlier change may have replaced it
                        o.set(name, v);
                    }
                    return root;
                });
        return Arbitraries.oneOf(retype, remove, unknown).list().ofMinSize(1).ofMaxSize(4).map(changes -> {
            ObjectNode root = tree();
            for (UnaryOperator<ObjectNode> c : changes) {
                root = c.apply(root);
            }
            return root.toString();
        });
    }

    @Provide
    Arbitrary<JsonPointer> objectPointers() {
        ObjectNode root = tree();
        List<JsonPointer> objects = new ArrayList<>(List.of(JsonPointer.empty()));
        VALUES.stream().filter(p -> root.at(p).isObject()).forEach(objects::add);
        return Arbitraries.of(objects);
    }

    @Provide
    Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(Arbitraries.of("Now", "emotoin", "id ", "", "customer", "__proto__", "$type", "@class"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12))
                .filter(n -> !n.equals("customer"));
    }

    private static Arbitrary<JsonNode> values() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(f::textNode),
                Arbitraries.of("2026-11-23T10:00:00Z", "2027-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
                        "ANGRY", "REFUND", "es", "EUR", "", " ").map(f::textNode),
                Arbitraries.integers().map(i -> (JsonNode) f.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) f.numberNode(l)),
                Arbitraries.of("0.5", "-1", "1e12", "1e13", "1E+999999999", "-1E-999999999", "0.30000000000000004",
                        "123456789012345678901234567890").map(d -> (JsonNode) f.numberNode(new BigDecimal(d))),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()));
        Arbitrary<JsonNode> nested = Combinators.combine(scalars, Arbitraries.integers().between(1, 100))
                .as((leaf, depth) -> {
                    JsonNode n = leaf;
                    for (int i = 0; i < depth; i++) {
                        ArrayNode a = f.arrayNode();
                        a.add(n);
                        n = a;
                    }
                    return n;
                });
        Arbitrary<JsonNode> objects = scalars.map(v -> (JsonNode) f.objectNode().set("id", v));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalars), net.jqwik.api.Tuple.of(2, nested),
                net.jqwik.api.Tuple.of(2, objects));
    }

    /** Sets (or, for null, removes) the value at {@code p}. */
    private static ObjectNode set(ObjectNode root, JsonPointer p, JsonNode value) {
        JsonNode parent = root.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent.isObject()) {
            if (value == null) {
                ((ObjectNode) parent).remove(last);
            } else {
                ((ObjectNode) parent).set(last, value);
            }
        } else if (parent.isArray() && p.last().getMatchingIndex() >= 0 && p.last().getMatchingIndex() < parent.size()) {
            // (an earlier change may have put an array where an object was: a field name then has no index, -1)
            int i = p.last().getMatchingIndex();
            if (value == null) {
                ((ArrayNode) parent).remove(i);
            } else {
                ((ArrayNode) parent).set(i, value);
            }
        }
        return root;
    }

    private static String apply(String text, List<UnaryOperator<String>> changes) {
        String out = text;
        for (UnaryOperator<String> c : changes) {
            out = c.apply(out);
        }
        return out;
    }
}
