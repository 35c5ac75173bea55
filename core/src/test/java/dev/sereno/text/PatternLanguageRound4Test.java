package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.policy.Finding;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The pattern language's fourth round: tenses and moods on dictionary words, clitics, English contractions. */
class PatternLanguageRound4Test {

    private static PhraseFinder finder(String lexicon, String language) throws IOException {
        return new PhraseFinder(Lexicon.read(new StringReader(lexicon), "test.phrases"),
                Morphology.forLanguage(language).orElseThrow());
    }

    @Test
    void aDictionaryWordMayBeLimitedToItsFutureForms() throws IOException {
        PhraseFinder es = finder("[PROMISE]\nle <llamar:fut>\n", "es");
        assertThat(es.find("Le llamaremos mañana.")).extracting(Finding::span).containsExactly("Le llamaremos");
        assertThat(es.find("Le llamamos ayer. Le llamaba siempre. Le llamaríamos.")).isEmpty();
    }

    @Test
    void formNamesMayBeWrittenInFullInSpanishAndWithPersons() throws IOException {
        PhraseFinder es = finder("[BLAME]\nno lo <revisar:pasado 2,3>\n", "es");
        assertThat(es.find("Usted no lo revisaba. Ustedes no lo revisaron.")).extracting(Finding::span)
                .containsExactly("no lo revisaba", "no lo revisaron");
        assertThat(es.find("No lo revisamos. No lo revisará.")).isEmpty();
        PhraseFinder en = finder("[BLAME]\nyou did not <check:inf>\nyou <check:past>\n", "en");
        assertThat(en.find("You checked it? You did not check it.")).extracting(Finding::span)
                .containsExactly("You checked", "You did not check");
        assertThat(en.find("You check it every day. You did not checking.")).isEmpty();
        PhraseFinder guide = finder("[BLAME]\nyou never <check:past>\n", "en");
        assertThat(guide.find("You never checked the box.")).hasSize(1);
        assertThat(guide.find("You never check twice, we do.")).isEmpty();
    }

    @Test
    void anImperativeOrASubjunctiveIsOnlyThat() throws IOException {
        PhraseFinder es = finder("[CALM]\n<calmar:imp>\n[WISH]\nque se <calmar:subj>\n", "es");
        assertThat(es.find("Cálmese, por favor.")).extracting(Finding::kind).containsExactly("CALM");
        assertThat(es.find("Me pidió que se calmara.")).extracting(Finding::kind).containsExactly("WISH");
        assertThat(es.find("Nos calmamos todos. Se calmó.")).isEmpty();
        PhraseFinder guide = finder("[COLD]\n^ <calmar:imp>\n", "es");
        assertThat(guide.find("Calmaos. Cálmese.")).hasSize(2);
        assertThat(guide.find("Se calmó.")).isEmpty();
        PhraseFinder en = finder("[CALM]\n^ <calm:imp> down\n", "en");
        assertThat(en.find("Calm down.")).hasSize(1);
        assertThat(en.find("He calmed down.")).isEmpty();
    }

    @Test
    void anUnknownFormNameIsReportedWithItsLineAndTheNamesExpected() {
        assertThatThrownBy(() -> finder("[PROMISE]\nle llamo\n<llamar:futur>\n", "es"))
                .isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:3: \"<llamar:futur>\": \"futur\" is neither a person nor a form")
                .hasMessageContaining("pres, past, fut, cond, subj, imp, inf, ger, part");
        assertThatThrownBy(() -> finder("[PROMISE]\n<llamar:>\n", "es"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("nothing after the colon");
        assertThatThrownBy(() -> finder("[PROMISE]\nwe <call:fut>\n", "en"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2: <call:fut> has no forms")
                .hasMessageContaining("will <call:inf>");
    }

    @Test
    void formsAreNamedOnceWhateverTheOrderOrLanguageOfTheirNames() {
        assertThat(Phrase.lemmaKey("Revisar", "pasado 3,1")).isEqualTo("revisar:1,3 past");
        assertThat(Phrase.lemmaKey("llamar", "cond, fut")).isEqualTo("llamar:fut,cond");
        assertThat(Phrase.lemmaKey("mentir", "3,2")).isEqualTo("mentir:2,3");
        assertThat(Phrase.parse("no <revisar:past 3> nada", "x:1").words())
                .containsExactly("no", "<revisar:3 past>", "nada");
    }

    @Test
    void aSpanishVerbMatchesItsFormsWithEncliticPronounsWithOrWithoutTheirAccent() throws IOException {
        PhraseFinder es = finder("[DOUBT]\nno {0-2} <creer>\n[CALM]\n<calmar:imp>\n[ORDER]\n<decir:imp>\n<llamar:imp>\n"
                + "[LIAR]\n<inventar:ger>\n[CHECK]\n<revisar:imp 3>\n", "es");
        assertThat(es.find("No puedo creerle.")).extracting(Finding::span).containsExactly("No puedo creerle");
        assertThat(es.find("Dígale que sí. Digale que si.")).extracting(Finding::span).containsExactly("Dígale", "Digale");
        assertThat(es.find("Llámenos mañana.")).extracting(Finding::span).containsExactly("Llámenos");
        assertThat(es.find("Está inventándoselo todo.")).extracting(Finding::span)
                .containsExactly("inventándoselo");
        assertThat(es.find("Revísela usted.")).extracting(Finding::span).containsExactly("Revísela");
        assertThat(es.find("Cálmese. Calmaos. Calmémonos.")).hasSize(3);
        // the clitic forms keep the tense and person of the verb they hang on
        assertThat(es.find("Le dije que sí. Lo llamaremos. Revísalo tú.")).isEmpty();
    }

    @Test
    void aWordWrittenInFullMatchesItsContractionAndNeverAnotherWord() throws IOException {
        PhraseFinder en = finder("[PROMISE]\nwe will call\n[WELL]\nwell\nill\nwere\nits\n[LIAR]\nyou are lying\n", "en");
        assertThat(en.find("We'll call you. We will call you. We’ll call.")).extracting(Finding::span)
                .containsExactly("We'll call", "We will call", "We’ll call");
        assertThat(en.find("We'll see, I'll check, we're here, it's done.")).isEmpty();
        assertThat(en.find("Well, I was ill, and they were busy with its box.")).extracting(Finding::span)
                .containsExactly("Well", "ill", "were", "its");
        assertThat(en.find("You are lying. Youre lying. You're lying.")).extracting(Finding::span)
                .containsExactly("You are lying", "Youre lying", "You're lying");
        assertThat(en.find("Your lying eyes")).isEmpty();
    }

    @Test
    void aContractionWrittenInAListMatchesOnlyAContraction() throws IOException {
        PhraseFinder en = finder("[LIAR]\nyou're lying\n[DONE]\ni've\n", "en");
        assertThat(en.find("You're lying. Youre lying.")).extracting(Finding::span)
                .containsExactly("You're lying", "Youre lying");
        assertThat(en.find("You are lying, your lying eyes.")).isEmpty();
        assertThat(en.find("I've sent it. Ive sent it.")).hasSize(2);
        assertThat(en.find("I have to follow the rule, I’d say.")).isEmpty();
        PhraseFinder guide = finder("[DONE]\ni've {0-2} <send>\n", "en");
        assertThat(guide.find("I've sent it. ive already sent it.")).hasSize(2);
        assertThat(guide.find("I have to send it.")).isEmpty();
    }

    @Test
    void aNegationOrAPossessiveStaysOneWord() throws IOException {
        PhraseFinder en = finder("[NO]\ndon't\ncan't\n[NOT]\nnot\n[THE]\ncustomer's\n", "en");
        assertThat(en.find("I don't know, dont worry, can't help.")).extracting(Finding::span)
                .containsExactly("don't", "dont", "can't");
        assertThat(en.find("The customer's fault, not ours.")).extracting(Finding::span)
                .containsExactly("customer's", "not");
        assertThat(Contractions.split("customer's")).isNull();
        assertThat(Contractions.split("let's")).isEqualTo(new Contractions.Split("let", "s", 3));
        assertThat(Contractions.split("o'neill")).isNull();
    }
}
