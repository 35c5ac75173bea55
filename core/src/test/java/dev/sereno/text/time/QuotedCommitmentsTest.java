package dev.sereno.text.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.situation.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A promise inside quotation marks is someone else's words, quoted to answer them: not a promise the draft makes. */
class QuotedCommitmentsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    private static final CommitmentList ES = CommitmentList.read(
            "[CALL_BACK]\nle llamaremos\nle llamo\n[WITHOUT_TIME]\nen cuanto podamos\n", "es.commitments");
    private static final CommitmentList EN = CommitmentList.read(
            "[CALL_BACK]\nwe'll call you\ni'll call you\n[WITHOUT_TIME]\nbe in touch\n", "en.commitments");

    private static List<String> spans(CommitmentList list, Language language, String draft) {
        return new CommitmentFinder(list, language).find(draft, NOW, ZONE).stream()
                .map(c -> c.what() + ":" + c.span() + (c.due() == null ? "" : "@")).toList();
    }

    @Test
    void aQuotedPromiseIsNotMadeButTheDraftsOwnStillIs() {
        assertThat(spans(ES, Language.ES, "Le dijeron «le llamaremos en cuanto podamos» y nadie llamó. Lo siento."))
                .isEmpty();
        assertThat(spans(ES, Language.ES, "Le dijeron \"le llamaremos\" y nadie llamó. Le llamo mañana a las 10."))
                .containsExactly("CALL_BACK:Le llamo mañana a las 10@");
        assertThat(spans(EN, Language.EN, "You were told 'we'll call you' and nobody did: I'm sorry."))
                .isEmpty();
        assertThat(spans(EN, Language.EN, "You were told \u201cwe'll be in touch\u201d. I'll call you today at 5pm."))
                .containsExactly("CALL_BACK:I'll call you today at 5pm@");
    }

    @Test
    void quotationMarksAroundOtherWordsOrLeftOpenChangeNothing() {
        // the twin: the same promise, unquoted, or with only another word quoted, is still the draft's own
        assertThat(spans(ES, Language.ES, "Le llamaremos en cuanto podamos.")).hasSize(1);
        assertThat(spans(EN, Language.EN, "We'll call you about the \"refund\" soon.")).containsExactly("CALL_BACK:We'll call you");
        // an apostrophe inside a word is no quotation mark, and a quotation never closed quotes nothing
        assertThat(spans(EN, Language.EN, "'We'll call you")).containsExactly("CALL_BACK:We'll call you");
        assertThat(spans(ES, Language.ES, "«Le llamaremos, de verdad.")).containsExactly("CALL_BACK:Le llamaremos");
    }
}
