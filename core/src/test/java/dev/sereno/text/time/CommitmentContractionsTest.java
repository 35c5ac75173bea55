package dev.sereno.text.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.situation.Language;
import dev.sereno.text.Lexicon;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "will", "'ll", "shall" and "won't" meet in a commitment file as they do in a phrase file: one line written either
 * way makes the promise in every spelling, and a class entry is read the same way.
 */
class CommitmentContractionsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    private static List<String> spans(CommitmentList list, String draft) {
        return new CommitmentFinder(list, Language.EN).find(draft, NOW, ZONE).stream()
                .map(c -> c.what() + ":" + c.span()).toList();
    }

    @Test
    void aLineWithWillMatchesTheContractionAndShall() {
        CommitmentList list = CommitmentList.read("[CALL_BACK]\nwe will call you back\n", "en.commitments");
        assertThat(spans(list, "We'll call you back.")).containsExactly("CALL_BACK:We'll call you back");
        assertThat(spans(list, "We’ll call you back.")).containsExactly("CALL_BACK:We’ll call you back");
        assertThat(spans(list, "We will call you back.")).containsExactly("CALL_BACK:We will call you back");
        assertThat(spans(list, "We shall call you back.")).containsExactly("CALL_BACK:We shall call you back");
    }

    @Test
    void aLineWithTheContractionMatchesWillToo() {
        CommitmentList list = CommitmentList.read("[REFUND]\ni'll refund you\n[CALL_BACK]\nthey'll call you\n",
                "en.commitments");
        assertThat(spans(list, "I will refund you")).containsExactly("REFUND:I will refund you");
        assertThat(spans(list, "I'll refund you")).containsExactly("REFUND:I'll refund you");
        assertThat(spans(list, "They will call you")).containsExactly("CALL_BACK:They will call you");
    }

    @Test
    void wontIsWillNotAndWordsOfTheirOwnStayThemselves() {
        CommitmentList list = CommitmentList.read("[CALL_BACK]\nwe will call you\n[OTHER]\nwe will not charge you\n",
                "en.commitments");
        assertThat(spans(list, "We won't charge you")).containsExactly("OTHER:We won't charge you");
        assertThat(spans(list, "We won't call you")).isEmpty();
        // "well", "ill" and "were" are words of their own, never "we'll", "i'll", "we're"
        assertThat(spans(list, "Well call you")).isEmpty();
    }

    @Test
    void aClassEntryIsReadAsTheLinesAre() throws IOException {
        Lexicon classes = Lexicon.read(new StringReader("[class WE_WILL]\nwe'll\ni'm gonna\n"), "en.words");
        CommitmentList list = CommitmentList.read("[CALL_BACK]\n{WE_WILL} call you\n", "en.commitments", classes,
                null);
        assertThat(spans(list, "We will call you")).containsExactly("CALL_BACK:We will call you");
        assertThat(spans(list, "We'll call you")).containsExactly("CALL_BACK:We'll call you");
        assertThat(spans(list, "I'm gonna call you")).containsExactly("CALL_BACK:I'm gonna call you");
        assertThat(spans(list, "I am gonna call you")).containsExactly("CALL_BACK:I am gonna call you");
    }
}
