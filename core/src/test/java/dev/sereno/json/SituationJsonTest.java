package dev.sereno.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.situation.Emotion;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Language;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SituationJsonTest {
    private final SituationJson json = new SituationJson();

    static String contractExample() throws IOException {
        return Files.readString(Path.of("../examples/situations/contract-example.json"));
    }

    /** The contract's example, for a test class's constant. */
    static String contractExampleText() {
        try {
            return contractExample();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readsTheContractExample() throws IOException {
        Situation s = json.read(contractExample());
        assertThat(s.now()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(s.locale()).isEqualTo(Language.ES);
        assertThat(s.customer().pastUnfoundedComplaints()).isEqualTo(2);
        assertThat(s.agent().remedies()).contains(Remedy.CREDIT);
        assertThat(s.complaint().emotion()).isEqualTo(Emotion.ANGRY);
        assertThat(s.complaint().amount()).isEqualByComparingTo("250.00");
        assertThat(s.promises().get(0).keptAt()).isNull();
        assertThat(s.options().get(1).available()).isFalse();
        assertThat(s.draftReply()).startsWith("Usted miente");
    }

    @Test
    void roundTripsTheContractExample() throws IOException {
        Situation s = json.read(contractExample());
        assertThat(json.read(json.write(s))).isEqualTo(s);
    }

    @Test
    void appliesTheContractDefaults() {
        Situation s = json.read("""
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"}, "complaint": {"id": "K"}}""");
        assertThat(s.locale()).isEqualTo(Language.ES);
        assertThat(s.currency()).isEqualTo("EUR");
        assertThat(s.customer().segment()).isEqualTo(Segment.INDIVIDUAL);
        assertThat(s.customer().annualValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(s.agent().remedies()).containsExactly(Remedy.APOLOGY, Remedy.EXPLANATION);
        assertThat(s.complaint().stage()).isEqualTo(Stage.OPENING);
        assertThat(s.complaint().emotion()).isNull();
        assertThat(s.evidence()).isEmpty();
        assertThat(s.options()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong enum        | "emotion": "RAGE"              | complaint.emotion: "RAGE" is not one of CALM, UPSET, ANGRY, FURIOUS
            string for text   | "claim": 5                     | complaint.claim: expected a string, was 5
            unknown field     | "emotoin": "ANGRY"             | complaint.emotoin: unknown field; expected one of
            negative amount   | "amount": -5                   | complaint.amount: must be 0 or more, was -5
            unparseable time  | "openedAt": "yesterday"        | complaint.openedAt: expected an ISO-8601 instant such as 2026-11-23T10:00:00Z, was "yesterday"
            string for number | "raisedBefore": "two"          | complaint.raisedBefore: expected a whole number, was "two"
            fraction for count| "raisedBefore": 1.5            | complaint.raisedBefore: expected a whole number, was 1.5
            wrong boolean     | "stillVenting": "yes"          | complaint.stillVenting: expected true or false, was "yes"
            time after now    | "openedAt": "2027-01-01T00:00:00Z" | complaint.openedAt: must not be after now
            """)
    void reportsABadComplaintFieldByPath(String name, String field, String expected) {
        String doc = """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"},
                 "complaint": {"id": "K", %s}}""".formatted(field);
        assertThat(problems(doc)).anySatisfy(p -> assertThat(p).startsWith(expected));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String doc = "{\n  \"now\": \"2026-11-23T10:00:00Z\",\n  \"customer\": {\"id\": \"C\"\n}";
        assertThat(problems(doc)).singleElement().asString()
                .startsWith("malformed JSON at line 4, column 2");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String doc = """
                {"now": "not a time", "locale": "fr", "customer": {"id": "", "annualValue": -1},
                 "agent": {"remedies": ["HUG"]},
                 "complaint": {"id": "K", "channel": "FAX"},
                 "evidence": [{"id": "E-1"}, {"id": "E-1"}],
                 "promises": [{"id": "P-1", "madeAt": "2026-11-21T10:00:00Z", "dueAt": "2026-11-20T10:00:00Z"}],
                 "options": [{"remedy": "REFUND", "cost": -1}]}""";
        assertThat(problems(doc)).containsExactlyInAnyOrder(
                "now: expected an ISO-8601 instant such as 2026-11-23T10:00:00Z, was \"not a time\"",
                "locale: \"fr\" is not one of es, en",
                "customer.id: required",
                "customer.annualValue: must be 0 or more, was -1",
                "agent.remedies[0]: \"HUG\" is not one of APOLOGY, EXPLANATION, REPLACE, REPAIR, CREDIT, REFUND, DISCOUNT",
                "agent.id: required",
                "complaint.channel: \"FAX\" is not one of PHONE, EMAIL, CHAT, IN_PERSON, SOCIAL",
                "evidence[1].id: \"E-1\" is used by an earlier item; ids must be unique",
                "promises[0].dueAt: must not be before madeAt (2026-11-21T10:00:00Z), was 2026-11-20T10:00:00Z",
                "options[0].cost: must be 0 or more, was -1");
    }

    @Test
    void anOptionsPriceIsWhatTheCustomerWouldPayAndDefaultsToOwed() {
        String doc = """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"}, "complaint": {"id": "K"},
                 "options": [{"remedy": "REPAIR", "cost": 80, "price": 45.50}, {"remedy": "REPLACE", "cost": 120}]}""";
        Situation s = json.read(doc);
        assertThat(s.options().get(0).price()).isEqualByComparingTo("45.50");
        assertThat(s.options().get(0).charged()).isTrue();
        assertThat(s.options().get(1).price()).isEqualByComparingTo("0");
        assertThat(s.options().get(1).charged()).isFalse();
        assertThat(json.read(json.write(s))).isEqualTo(s);
    }

    @Test
    void aNegativePriceIsAFieldError() {
        String doc = """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"}, "complaint": {"id": "K"},
                 "options": [{"remedy": "REPAIR", "cost": 80, "price": -5}, {"remedy": "CREDIT", "price": "free"}]}""";
        assertThat(problems(doc)).containsExactlyInAnyOrder("options[0].price: must be 0 or more, was -5",
                "options[1].price: expected a number, was \"free\"");
    }

    @Test
    void rejectsWhatIsNotASituation() {
        assertThat(problems("[1, 2]")).containsExactly("expected a situation as a JSON object, was an array");
        assertThat(problems("   ")).containsExactly("empty input; expected a situation as a JSON object");
        assertThat(problems("{} {}")).singleElement().asString().startsWith("malformed JSON");
        assertThat(problems("{\"now\": \"2026-11-23T10:00:00Z\", \"now\": \"2026-11-23T10:00:00Z\"}"))
                .singleElement().asString().startsWith("malformed JSON").contains("Duplicate field 'now'");
    }

    @Test
    void missingTopLevelPartsAreRequired() {
        assertThat(problems("{}")).containsExactly("now: required", "customer: required", "agent: required",
                "complaint: required");
    }

    @Test
    void rejectsOversizedText() {
        String big = "a".repeat(SituationJson.MAX_DOCUMENT + 1);
        assertThat(problems(big)).singleElement().asString().contains("at most " + SituationJson.MAX_DOCUMENT);
        String draft = "x".repeat(20_001);
        String doc = """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"},
                 "complaint": {"id": "K"}, "draftReply": "%s"}""".formatted(draft);
        assertThat(problems(doc)).containsExactly("draftReply: must be at most 20000 characters, was 20001");
    }

    private List<String> problems(String doc) {
        try {
            json.read(doc);
        } catch (InvalidSituationException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected the document to be rejected: " + doc);
    }

    @Test
    void invalidSituationNeedsAProblem() {
        assertThatThrownBy(() -> new InvalidSituationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingComplaintIdIsRequired() {
        assertThat(problems("""
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"},
                 "complaint": {"claim": "no id"}}""")).containsExactly("complaint.id: required");
    }
}
