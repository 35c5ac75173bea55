package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.eval.Corpus;
import dev.sereno.cli.eval.Evaluation;
import dev.sereno.engine.Advisor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy on the evaluation corpus in corpus/ (issue 11): the bar the lists are held to.
 *
 * <p>On the part the lists are tuned against, recall of every BLOCKING kind is at least 0.95, of every CAUTION kind
 * at least 0.85, and at most 1 % of good replies are blocked. The held-out part, which the lists are never tuned
 * against, is reported on its own; it must not fall below the floor measured when the lists were last tuned, so that
 * a change to the lists that loses generality fails here. The figures are printed with every build, and so are those of
 * the fresh batch in corpus/fresh when there is one: drafts written after the lists were last tuned, the honest
 * measure of how the lists do on new wording, held to no bar until a tuning round moves them into corpus/drafts.
 */
class CorpusBarTest {
    /** The lowest held-out recall of any kind when the lists were last tuned (blaming the customer: 0.57), less a margin. */
    private static final double HELD_OUT_RECALL_FLOOR = 0.52;
    /** The lowest held-out precision of any kind then (excuses: 0.68), less a margin. */
    private static final double HELD_OUT_PRECISION_FLOOR = 0.65;
    private static Advisor advisor;
    private static Evaluation evaluation;

    @BeforeAll
    static void evaluate() {
        advisor = Advisor.withDefaultRules();
        evaluation = Evaluation.run(Corpus.read(Path.of("..", "corpus")), advisor);
        System.out.print(evaluation.table());
        Path fresh = Path.of("..", "corpus", "fresh");
        if (Files.isDirectory(fresh)) {
            System.out.println("The fresh batch, not tuned against (corpus/fresh):");
            System.out.print(Evaluation.run(Corpus.read(fresh), advisor).table());
        }
    }

    @AfterAll
    static void close() {
        advisor.close();
    }

    @Test
    void onTheTunePartTheBundledListsMeetTheBar() {
        assertThat(evaluation.shortfalls("tune", EvalCommand.BLOCKING_RECALL, EvalCommand.CAUTION_RECALL,
                EvalCommand.MAX_GOOD_BLOCKED)).isEmpty();
    }

    @Test
    void onTheHeldOutPartTheyDoNotFallBelowTheLastMeasuredFloor() {
        Evaluation.Report heldout = evaluation.report("heldout");
        for (Evaluation.Score s : heldout.scores()) {
            assertThat(s.recall()).as(s.kind() + " recall on the held-out part").isGreaterThanOrEqualTo(HELD_OUT_RECALL_FLOOR);
            assertThat(s.precision()).as(s.kind() + " precision on the held-out part").isGreaterThanOrEqualTo(HELD_OUT_PRECISION_FLOOR);
        }
        assertThat(heldout.goodBlockedRate()).as("good replies blocked on the held-out part").isLessThanOrEqualTo(0.06);
    }
}
