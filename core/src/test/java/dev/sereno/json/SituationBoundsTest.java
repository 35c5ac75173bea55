package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.SituationValidator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every size limit of the input, one at a time, just over and exactly at the limit: over it, a clear problem naming
 * the field; at it, the situation is accepted. The whole-document limit is in {@link SituationJsonTest}.
 */
class SituationBoundsTest {
    private static final int TEXT = SituationValidator.MAX_TEXT;
    private static final int ITEMS = SituationValidator.MAX_ITEMS;
    private final SituationJson json = new SituationJson();

    /** A minimal valid situation with {@code extra} added to the object at {@code part} ("" for the top level). */
    private static String with(String part, String extra) {
        String customer = "\"id\": \"C\"";
        String agent = "\"id\": \"A\"";
        String complaint = "\"id\": \"K\"";
        String top = "\"now\": \"2026-11-23T10:00:00Z\"";
        switch (part) {
            case "customer" -> customer += ", " + extra;
            case "agent" -> agent += ", " + extra;
            case "complaint" -> complaint += ", " + extra;
            default -> top += ", " + extra;
        }
        return "{" + top + ", \"customer\": {" + customer + "}, \"agent\": {" + agent + "}, \"complaint\": {" + complaint + "}}";
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''        | draftReply              | "draftReply": "%s"
            agent     | agent.name              | "name": "%s"
            complaint | complaint.claim         | "claim": "%s"
            complaint | complaint.customerWords | "customerWords": "%s"
            ''        | evidence[0].kind        | "evidence": [{"id": "E", "kind": "%s"}]
            ''        | evidence[0].summary     | "evidence": [{"id": "E", "summary": "%s"}]
            ''        | promises[0].what        | "promises": [{"id": "P", "what": "%s"}]
            ''        | promises[0].owner       | "promises": [{"id": "P", "owner": "%s"}]
            ''        | options[0].why          | "options": [{"remedy": "REFUND", "why": "%s"}]
            """)
    void everyTextFieldIsLimited(String part, String path, String field) {
        assertThat(problems(with(part, field.formatted("é".repeat(TEXT + 1)))))
                .containsExactly(path + ": must be at most " + TEXT + " characters, was " + (TEXT + 1));
        assertThat(problems(with(part, field.formatted("é".repeat(TEXT))))).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            customer  | customer.id    | ''
            agent     | agent.id       | ''
            complaint | complaint.id   | ''
            ''        | evidence[0].id | "evidence": [{"id": "%s"}]
            ''        | promises[0].id | "promises": [{"id": "%s"}]
            """)
    void everyIdIsLimited(String part, String path, String field) {
        String doc201 = field.isEmpty() ? idOf(part, "i".repeat(201)) : with(part, field.formatted("i".repeat(201)));
        String doc200 = field.isEmpty() ? idOf(part, "i".repeat(200)) : with(part, field.formatted("i".repeat(200)));
        assertThat(problems(doc201)).containsExactly(path + ": must be at most 200 characters, was 201");
        assertThat(problems(doc200)).isEmpty();
    }

    private static String idOf(String part, String id) {
        return with("", "\"currency\": \"EUR\"").replaceFirst("(\"" + part + "\": \\{\"id\": \")[A-Z]\"", "$1" + id + "\"");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            agent | agent.remedies           | remedies           | "APOLOGY"
            agent | agent.recentInteractions | recentInteractions | {"endedAt": "2026-11-23T09:00:00Z", "emotion": "CALM"}
            ''    | evidence                 | evidence           | {"id": "E-%d"}
            ''    | promises                 | promises           | {"id": "P-%d"}
            ''    | options                  | options            | {"remedy": "REFUND"}
            """)
    void everyListIsLimited(String part, String path, String field, String item) {
        IntFunction<String> list = n -> "\"" + field + "\": [" + IntStream.range(0, n)
                .mapToObj(i -> item.contains("%d") ? item.formatted(i) : item).collect(Collectors.joining(",")) + "]";
        assertThat(problems(with(part, list.apply(ITEMS + 1))))
                .containsExactly(path + ": must have at most " + ITEMS + " items, had " + (ITEMS + 1));
        assertThat(problems(with(part, list.apply(ITEMS)))).isEmpty();
    }

    @Test
    void nestingIsLimited() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThat(problems(with("complaint", "\"claim\": " + deep))).singleElement().asString()
                .isEqualTo("malformed JSON: Document nesting depth (65) exceeds the maximum allowed (64)");
        String shallow = "[".repeat(30) + "]".repeat(30);
        assertThat(problems(with("complaint", "\"claim\": " + shallow)))
                .containsExactly("complaint.claim: expected a string, was an array");
    }

    @Test
    void longNumbersAreRefusedByTheParser() {
        assertThat(problems(with("complaint", "\"amount\": " + "9".repeat(1000)))).singleElement().asString()
                .startsWith("malformed JSON").contains("Number value length (1000) exceeds the maximum allowed (100)")
                .doesNotContain("StreamReadConstraints");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1e999999999   | complaint.amount: must be at most 1000000000000, was 1E+999999999
            -1e999999999  | complaint.amount: must be 0 or more, was -1E+999999999
            1e-999999999  | complaint.amount: must have at most 20 decimal places, was 1E-999999999
            1000000000001 | complaint.amount: must be at most 1000000000000, was 1000000000001
            -2.5          | complaint.amount: must be 0 or more, was -2.5
            """)
    void hugeAndTinyAmountsAreRefusedWithoutPrintingThemInFull(String amount, String expected) {
        assertThat(problems(with("complaint", "\"amount\": " + amount))).containsExactly(expected);
    }

    @Test
    void aNumberWhoseExponentDoesNotFitIsMalformed() {
        assertThat(problems(with("complaint", "\"amount\": 1e9999999990")))
                .containsExactly("malformed JSON: a number is too large or too small to read (its exponent does not fit)");
    }

    @Test
    void amountsAtTheLimitsAreAccepted() {
        assertThat(problems(with("complaint", "\"amount\": 1000000000000"))).isEmpty();
        assertThat(problems(with("complaint", "\"amount\": 0.30000000000000004"))).isEmpty();
    }

    @Test
    void timesBeyondFourDigitYearsAreRefused() {
        String far = "+1000000000-01-01T00:00:00Z";
        assertThat(problems(with("", "\"promises\": [{\"id\": \"P\", \"dueAt\": \"" + far + "\"}]")))
                .containsExactly("promises[0].dueAt: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, was " + far);
        assertThat(problems(with("", "\"currency\": \"EUR\"").replace("2026-11-23T10:00:00Z", far)))
                .containsExactly("now: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, was " + far);
        assertThat(problems(with("", "\"currency\": \"EUR\"").replace("2026-11-23T10:00:00Z", "9999-12-31T23:59:59Z"))).isEmpty();
    }

    private List<String> problems(String doc) {
        try {
            json.read(doc);
            return List.of();
        } catch (InvalidSituationException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }
}
