package dev.sereno.text.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.situation.Language;
import dev.sereno.text.Lexicon;
import dev.sereno.text.Morphology;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commitment files take the phrase lists' pattern language: lemmas, the language's word classes, gaps, anchors. */
class CommitmentPatternsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    private static Lexicon words(String text) throws IOException {
        return Lexicon.read(new StringReader(text), "en.words");
    }

    private static List<String> spans(CommitmentList list, Language language, String draft) {
        return new CommitmentFinder(list, language).find(draft, NOW, ZONE).stream()
                .map(c -> c.what() + ":" + c.span()).toList();
    }

    @Test
    void oneLineWithAClassAndALemmaMakesEveryWordingOfAPromise() throws IOException {
        Lexicon classes = words("[class WE_WILL]\ni'll\nwe'll\ni will\nwe will\nwe are going to\n"
                + "[class PHONE]\n<call>\n<ring>\n<phone>\n");
        CommitmentList list = CommitmentList.read("[CALL_BACK]\n{WE_WILL} {PHONE} you {0-1} back\n{WE_WILL} {PHONE} you\n",
                "en.commitments", classes, Morphology.forLanguage("en").orElseThrow());
        assertThat(spans(list, Language.EN, "Thanks. We'll ring you back.")).containsExactly("CALL_BACK:We'll ring you back");
        assertThat(spans(list, Language.EN, "We are going to call you right back"))
                .containsExactly("CALL_BACK:We are going to call you right back");
        assertThat(spans(list, Language.EN, "I will phone you")).containsExactly("CALL_BACK:I will phone you");
        // near misses: apostrophes still count in commitments, and the class has no "they"
        assertThat(spans(list, Language.EN, "Ill call you")).isEmpty();
        assertThat(spans(list, Language.EN, "They'll call you")).isEmpty();
        assertThat(spans(list, Language.EN, "I won't call you")).isEmpty();
    }

    @Test
    void anchorsAndALinesOwnExceptionWorkInCommitmentsToo() throws IOException {
        CommitmentList list = CommitmentList.read("[WITHOUT_TIME]\n^ ya le diremos $\n"
                + "[SEND]\nle <enviar> -- unless: le <enviar> ayer\n", "es.commitments",
                Lexicon.empty(), Morphology.forLanguage("es").orElseThrow());
        assertThat(spans(list, Language.ES, "Ya le diremos.")).containsExactly("OTHER:Ya le diremos");
        assertThat(spans(list, Language.ES, "Ya le diremos algo")).isEmpty();
        assertThat(spans(list, Language.ES, "Le enviaremos la factura")).containsExactly("SEND:Le enviaremos");
        assertThat(spans(list, Language.ES, "Le enviamos ayer la factura")).isEmpty();
    }

    @Test
    void wordsAreSpeltAsCommitmentsAlwaysWereAccentsAndNAlike() {
        CommitmentList list = CommitmentList.read("[CALL_BACK when-timed]\nle llamo\n[CALL_BACK]\nle llamo mañana\n",
                "es.commitments");
        assertThat(spans(list, Language.ES, "le llamo manana")).hasSize(1);
        assertThat(spans(list, Language.ES, "LE LLAMO MAÑANA")).hasSize(1);
    }

    @Test
    void aPatternThatCannotBeCompiledIsReportedWithItsFileAndLine() throws IOException {
        assertThatThrownBy(() -> CommitmentList.read("[CALL_BACK]\nwe'll call you\n{WE_WILL} call you\n",
                "en.commitments", words("[class INSULT]\nidiot\n"), null))
                .isInstanceOf(CommitmentListFormatException.class)
                .hasMessageContaining("en.commitments:3: {WE_WILL} is not a word class of this list; the classes are: INSULT");
        assertThatThrownBy(() -> CommitmentList.read("[CALL_BACK]\n<call> you\n", "en.commitments"))
                .isInstanceOf(CommitmentListFormatException.class)
                .hasMessageContaining("en.commitments:2: <call> needs a dictionary");
        assertThatThrownBy(() -> CommitmentList.read("[SEND]\nwe'll send\n{0-2} you\nwe send ^\n", "en.commitments"))
                .isInstanceOf(CommitmentListFormatException.class)
                .satisfies(e -> assertThat(((CommitmentListFormatException) e).problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).startsWith("en.commitments:3:").contains("starts with a wildcard or a gap"))
                        .anySatisfy(p -> assertThat(p).startsWith("en.commitments:4:").contains("^ (starts a sentence) goes first")));
        assertThatThrownBy(() -> CommitmentList.read("[SEND]\nwe'll send <sendd>\n", "en.commitments", Lexicon.empty(),
                Morphology.forLanguage("en").orElseThrow()))
                .isInstanceOf(CommitmentListFormatException.class)
                .hasMessageContaining("en.commitments:2: <sendd> is not a word the en dictionary knows");
    }

    @Test
    void ofTwoMatchesAsLongTheEarlierLineWinsAndPrefixesComeLast() {
        CommitmentList list = CommitmentList.read("[REPLY]\nwait* for us\n[SEND]\nwaiting for us\n[FIX]\nwaiting for us\n",
                "en.commitments");
        assertThat(spans(list, Language.EN, "waiting for us")).containsExactly("SEND:waiting for us");
    }
}
