package dev.sereno.cli;

import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sereno eval DIR} on a small corpus: the table, the misses, the bar, and a corpus that cannot be read. */
class EvalCommandTest {
    @TempDir
    Path corpus;

    @BeforeEach
    void aSmallCorpus() throws IOException {
        Files.writeString(corpus.resolve("kinds.properties"), """
                DOUBT.codes=DOUBTS_CUSTOMER,CALLS_CUSTOMER_LIAR,CONTRADICTS_CUSTOMER
                DOUBT.severity=BLOCKING
                """, StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("situation.json"), """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C-1"}, "agent": {"id": "A-1"},
                 "complaint": {"id": "K-1", "emotion": "ANGRY", "stage": "RESOLVING"}}
                """, StandardCharsets.UTF_8);
        Files.createDirectories(corpus.resolve("drafts"));
        Files.writeString(corpus.resolve("drafts/es.jsonl"), """
                {"id": "es-doubt-001", "locale": "es", "split": "tune", "expect": ["DOUBT"], "draft": "Eso no se lo cree nadie."}
                {"id": "es-doubt-002", "locale": "es", "split": "heldout", "expect": ["DOUBT"], "draft": "Usted miente."}
                {"id": "es-doubt-003", "locale": "es", "split": "tune", "expect": ["DOUBT"], "draft": "Bueno, vale."}
                {"id": "es-good-001", "locale": "es", "split": "tune", "expect": [], "draft": "Le creo, y lo arreglo hoy."}
                """, StandardCharsets.UTF_8);
    }

    @Test
    void printsPrecisionAndRecallPerKindAndSplit() {
        Run r = sereno("eval", corpus.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("DOUBT                BLOCKING all          1.000     0.667       2       3")
                .contains("DOUBT                BLOCKING heldout      1.000     1.000       1       1")
                .contains("good replies blocked (all): 0 of 1 (0.0 %)");
    }

    @Test
    void withExamplesTheExamplesReaderReadsToo(@TempDir Path policy) throws IOException {
        Run r = sereno("eval", corpus.toString(), "--examples");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("good replies blocked (all): 0 of 1 (0.0 %)");

        Files.createDirectories(policy.resolve("examples"));
        Files.writeString(policy.resolve("examples/es.examples"), "GOOD: Le creo.\ndoubt: Usted miente.\n");
        Run bad = sereno("eval", corpus.toString(), "--examples", "--rules", policy.toString());
        assertThat(bad.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.err()).contains("es.examples:2: \"doubt\" is not a kind");
    }

    @Test
    void listsTheMissesWithTheWarningsGiven() {
        Run r = sereno("eval", corpus.toString(), "--misses");
        assertThat(r.out()).contains("missed  DOUBT  es-doubt-003  Bueno, vale.");
    }

    @Test
    void checkFailsWhenTheBarIsNotMet() {
        Run r = sereno("eval", corpus.toString(), "--check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("below the bar: DOUBT (all): recall 0.667 is under 0.95");
    }

    @Test
    void aFreshBatchInsideTheCorpusTakesItsKindsAndSituationFromIt() throws IOException {
        Path fresh = corpus.resolve("fresh");
        Files.createDirectories(fresh.resolve("drafts"));
        Files.writeString(fresh.resolve("drafts/es.jsonl"), """
                {"id": "es-doubt-004", "locale": "es", "split": "tune", "expect": ["DOUBT"], "draft": "Usted miente."}
                {"id": "es-good-002", "locale": "es", "split": "tune", "expect": [], "draft": "Le creo."}
                """, StandardCharsets.UTF_8);
        Run r = sereno("eval", fresh.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("DOUBT                BLOCKING all          1.000     1.000       1       1");
        Files.delete(corpus.resolve("kinds.properties"));
        assertThat(sereno("eval", fresh.toString()).err()).contains("kinds.properties: cannot read");
    }

    @Test
    void aCorpusThatCannotBeReadNamesTheFileAndLine() throws IOException {
        Files.writeString(corpus.resolve("drafts/es.jsonl"),
                "{\"id\": \"x\", \"locale\": \"es\", \"expect\": [\"RUDE\"], \"draft\": \"hola\"}\n", StandardCharsets.UTF_8);
        Run r = sereno("eval", corpus.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("es.jsonl:1: expect: \"RUDE\" is not a kind of kinds.properties (DOUBT)");
        assertThat(sereno("eval", corpus.resolve("nowhere").toString()).err().strip())
                .isEqualTo(corpus.resolve("nowhere") + ": no such folder");
    }
}
