package dev.sereno.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sereno.situation.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Reads the fields of one JSON object by name, recording a problem (with its path) for every unknown field and
 * every value of the wrong kind instead of stopping at the first. A field that is absent or null gives null.
 */
final class JsonObjectReader {
    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;

    JsonObjectReader(JsonNode node, String path, List<Problem> problems, Set<String> known) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Problem(at(name), "unknown field; expected one of "
                        + known.stream().sorted().collect(Collectors.joining(", "))));
            }
        }
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode field(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private void wrong(String name, JsonNode v, String expected) {
        problems.add(new Problem(at(name), expected + ", was " + describe(v)));
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.asText();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (v.isContainerNode()) {
            return v.isArray() ? "an array" : "an object";
        }
        return v.toString();
    }

    String text(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            wrong(name, v, "expected a string");
            return null;
        }
        return v.asText();
    }

    Boolean bool(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            wrong(name, v, "expected true or false");
            return null;
        }
        return v.booleanValue();
    }

    boolean bool(String name, boolean defaultValue) {
        Boolean b = bool(name);
        return b == null ? defaultValue : b;
    }

    /** A whole number; 0 when absent. Negative values are left for the validator, which knows the contract's ranges. */
    int integer(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return 0;
        }
        if (!v.isNumber() || !(v.isIntegralNumber() || v.decimalValue().stripTrailingZeros().scale() <= 0)) {
            wrong(name, v, "expected a whole number");
            return 0;
        }
        BigDecimal d = v.decimalValue();
        if (d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 || d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            wrong(name, v, "expected a whole number up to " + Integer.MAX_VALUE);
            return 0;
        }
        return d.intValue();
    }

    BigDecimal decimal(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            wrong(name, v, "expected a number");
            return null;
        }
        return v.decimalValue();
    }

    Instant instant(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            try {
                return Instants.parse(v.asText());
            } catch (DateTimeParseException e) {
                // fall through to the problem below
            }
        }
        wrong(name, v, "expected an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        return null;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        JsonNode v = field(name);
        return v == null ? null : enumOf(v, at(name), type, problems);
    }

    static <E extends Enum<E>> E enumOf(JsonNode v, String path, Class<E> type, List<Problem> problems) {
        E[] constants = constants(type);
        if (v.isTextual()) {
            String text = v.asText();
            for (E e : constants) {
                if (e.name().equals(text)) {
                    return e;
                }
            }
        }
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        problems.add(new Problem(path, describe(v) + " is not one of " + names));
        return null;
    }

    /** {@code getEnumConstants()} copies the array on every call; each enum's constants are read once here. */
    private static final ClassValue<Object[]> ENUM_CONSTANTS = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
            return type.getEnumConstants();
        }
    };

    @SuppressWarnings("unchecked")
    private static <E extends Enum<E>> E[] constants(Class<E> type) {
        return (E[]) ENUM_CONSTANTS.get(type);
    }

    JsonObjectReader object(String name, Set<String> known) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            wrong(name, v, "expected an object");
            return null;
        }
        return new JsonObjectReader(v, at(name), problems, known);
    }

    /** The items of an array field, each read by {@code item} with its indexed path; null when absent. */
    <T> List<T> array(String name, BiFunction<JsonNode, String, T> item) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            wrong(name, v, "expected an array");
            return null;
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(item.apply(v.get(i), at(name) + "[" + i + "]"));
        }
        return out;
    }

    List<Problem> problems() {
        return problems;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
