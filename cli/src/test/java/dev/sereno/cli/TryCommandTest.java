package dev.sereno.cli;

import dev.sereno.text.DraftLanguage;
import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import dev.sereno.situation.Language;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code sereno try}: the verdict on one draft, with the words to change marked, and why. */
class TryCommandTest {
    @Test
    void aBlockedDraftIsMarkedWhereItMustChangeAndExitsOne() {
        Run r = sereno("try", "--locale", "es", "Usted miente, tenemos el albarán");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("""
                Borrador: ✖[Usted miente], tenemos el albarán
                ✖ NO LO ENVÍE TAL COMO ESTÁ: cambie lo marcado con ✖
                  ✖ «Usted miente» — Nunca diga al cliente que miente""");
    }

    @Test
    void aCleanDraftMayGoOut() {
        Run r = sereno("try", "I understand how annoying this is; I'll check with the courier and call you back today.");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("✔ It can go out").doesNotContain("✖");
    }

    @Test
    void explainNamesTheRuleItsFileAndLineAndTheConditionsThatHeld() {
        Run r = sereno("try", "--explain", "You're lying, we have the receipt.");
        assertThat(r.out()).containsPattern("CALLS_CUSTOMER_LIAR ← rule \"Never call the customer a liar\" "
                        + "\\(\\(bundled\\) records-disagree\\.drl:\\d+\\)")
                .contains("because all of these held:\n        $f : Finding( kind == \"CALLS_CUSTOMER_LIAR\" )");
    }

    @Test
    void adviseExplainsInTextOnly() {
        Path example = Path.of("../examples/situations/contract-example.json");
        Run text = sereno("advise", "--format", "text", "--explain", example.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("(WHY|POR QUÉ)\\n  \\w+ ← (rule|regla) \"");
        Run json = sereno("advise", "--explain", example.toString());
        assertThat(json.code()).isEqualTo(2);
        assertThat(json.err()).contains("--explain goes with --format text");
    }

    /** A draft is read in the language it is written in, and the agent is told which lists read it. */
    @Test
    void aDraftInTheOtherLanguageIsReadInItsOwnLanguage() {
        Run r = sereno("try", "--locale", "es", "You are lying and we will not refund you.");
        assertThat(r.out()).contains("Nota: el borrador parece escrito en inglés, así que se ha leído con las frases en inglés");
        assertThat(r.code()).as("the English accusation blocks in a Spanish situation").isEqualTo(1);
        assertThat(DraftLanguage.otherThan(Language.EN, "Usted miente, no le vamos a devolver el dinero")).hasValue(Language.ES);
        assertThat(DraftLanguage.otherThan(Language.ES, "Usted miente, no le vamos a devolver el dinero")).isEmpty();
        assertThat(DraftLanguage.otherThan(Language.EN, "OK")).isEmpty();
    }
}
