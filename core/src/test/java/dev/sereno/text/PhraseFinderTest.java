package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.policy.Finding;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseFinderTest {

    private static PhraseFinder finder(String lexicon) throws IOException {
        return new PhraseFinder(Lexicon.read(new StringReader(lexicon), "test.phrases"));
    }

    private static PhraseFinder finder(String lexicon, String language) throws IOException {
        return new PhraseFinder(Lexicon.read(new StringReader(lexicon), "test.phrases"),
                Morphology.forLanguage(language).orElseThrow());
    }

    @Test
    void aDictionaryWordMatchesEveryFormOfItWithOrWithoutAccents() throws IOException {
        PhraseFinder es = finder("[LIAR]\nse lo <inventar>\ndeje de <inventar>\nusted <mentir>\n", "es");
        assertThat(es.find("Usted se lo inventa. Deje de inventarse cosas. Se lo está inventando, no?"))
                .extracting(Finding::span).containsExactly("se lo inventa", "Deje de inventarse");
        assertThat(es.find("usted mintio y usted MINTIÓ")).extracting(Finding::span)
                .containsExactly("usted mintio", "usted MINTIÓ");
        PhraseFinder en = finder("[LIAR]\nyou <lie>\n", "en");
        assertThat(en.find("You lied. You're lying? you lie")).extracting(Finding::span)
                .containsExactly("You lied", "you lie");
    }

    @Test
    void aGapTakesUpToTheWordsItAllowsWithinTheSentence() throws IOException {
        PhraseFinder f = finder("[DOUBT]\nno me creo {0-3} lo que\n");
        assertThat(f.find("No me creo lo que dice")).hasSize(1);
        assertThat(f.find("No me creo para nada lo que dice")).extracting(Finding::span)
                .containsExactly("No me creo para nada lo que");
        assertThat(f.find("No me creo nada de nada ni lo que dice")).isEmpty();
        assertThat(f.find("No me creo. Lo que dice")).isEmpty();
    }

    @Test
    void aWordClassIsWrittenOnceAndUsedInManyPhrases() throws IOException {
        PhraseFinder f = finder("[class INSULT]\nidiota\ntonto del culo\n<inútil>\n"
                + "[INSULTS]\nes usted un {INSULT}\n{INSULT}\n", "es");
        assertThat(f.find("Es usted un inútil")).extracting(Finding::span).containsExactly("Es usted un inútil");
        assertThat(f.find("menudos inutiles, y usted un tonto del culo")).extracting(Finding::span)
                .containsExactly("inutiles", "tonto del culo");
    }

    @Test
    void wholeWordsOnlySoInnocentWordsThatContainAnInsultNeverMatch() throws IOException {
        PhraseFinder f = finder("[class RUDE]\nputa\ncunt\ndick\nass\ncomputa\n[RUDE]\n{RUDE}\n");
        assertThat(f.find("La disputa por la computadora de Scunthorpe, assessment by Dickson")).isEmpty();
    }

    @Test
    void anotherReadingOfTheSameWordsCancelsTheMatch() throws IOException {
        PhraseFinder f = finder("[LIE]\n<lie>\n[LIE unless]\n<lie> {0-2} flat\n<lie> down\n", "en");
        assertThat(f.find("You can lie the device flat, or lie down.")).isEmpty();
        assertThat(f.find("Don't lie to me.")).extracting(Finding::span).containsExactly("lie");
    }

    @Test
    void wordsQuotedAfterReportedSpeechAreSomeoneElsesNotTheAgents() throws IOException {
        PhraseFinder f = finder("[class REPORTED_SPEECH]\nle <decir> que\nyou were told\n<llamar>\n"
                + "[class INSULT]\npesado\n[INSULT]\n{INSULT}\nla culpa era suya\nit was your fault\n", "es");
        assertThat(f.find("Entiendo que le dijeran que «la culpa era suya». No es así.")).isEmpty();
        assertThat(f.find("Dice que le llamaron \"pesado\" por insistir.")).isEmpty();
        // quotation marks alone do not hide the agent's own words
        assertThat(f.find("Es usted un «pesado».")).extracting(Finding::span).containsExactly("pesado");
        assertThat(f.find("Le dijeron que era un pesado. Y es un 'pesado'")).extracting(Finding::span)
                .containsExactly("pesado", "pesado");
    }

    @Test
    void apostrophesAreIgnoredSoContractionsMatchHoweverTyped() throws IOException {
        PhraseFinder f = finder("[C]\nyou're a joke\n");
        assertThat(f.find("youre a joke. You’re a JOKE")).hasSize(2);
    }

    @Test
    void aMisspelledClassAmongManyIsAnsweredWithTheNearestNamesNotAllOfThem() {
        StringBuilder lists = new StringBuilder();
        for (String name : List.of("INSULT", "INSULT_SOFT", "PROFANITY", "EXCUSE_CAUSE", "SYSTEM", "SYSTEM_FAILED",
                "WORKLOAD", "NEGATION", "YOU", "YOU_ARE", "OTHER_PARTY", "POLICY", "TASK", "AGREEMENT")) {
            lists.append("[class ").append(name).append("]\nword").append(lists.length()).append('\n');
        }
        lists.append("[A]\n{SYSTEM_FAILD} today\n");
        assertThatThrownBy(() -> finder(lists.toString()))
                .isInstanceOf(LexiconFormatException.class)
                .satisfies(e -> assertThat(((LexiconFormatException) e).problems()).singleElement(
                        org.assertj.core.api.InstanceOfAssertFactories.STRING)
                        .startsWith("test.phrases:30: {SYSTEM_FAILD} is not a word class of this list; of its 14"
                                + " classes, the nearest names are: SYSTEM_FAILED, SYSTEM, ")
                        .endsWith(" (a new class is defined with a [class SYSTEM_FAILD] section)")
                        .doesNotContain("INSULT_SOFT", "EXCUSE_CAUSE", "PROFANITY"));
    }

    @Test
    void patternsThatCannotBeCompiledAreAllReportedWithTheirLine() {
        assertThatThrownBy(() -> finder("[A]\n<mentirr>\n{NOPE}\n[class X]\n{X}\n[B]\n{X}\n", "es"))
                .isInstanceOf(LexiconFormatException.class)
                .satisfies(e -> assertThat(((LexiconFormatException) e).problems()).containsExactly(
                        "test.phrases:2: <mentirr> is not a word the es dictionary knows; check the spelling (with its"
                                + " accents, in its dictionary form: <mentir>, not <miente>) or list its forms as plain words",
                        "test.phrases:3: {NOPE} is not a word class of this list; the classes are: X",
                        "test.phrases:5: the word class {X} refers to itself through X"));
        assertThatThrownBy(() -> finder("[A]\n<mentir>\n"))
                .hasMessageContaining("<mentir> needs a dictionary");
        assertThatThrownBy(() -> Lexicon.read(new StringReader("[A]\nno {0-30} ya\n"), "es.phrases"))
                .hasMessageStartingWith("es.phrases:2: \"{0-30}\" is not a gap");
        assertThatThrownBy(() -> Lexicon.read(new StringReader("[A]\nno ya {0-2}\n"), "es.phrases"))
                .hasMessageStartingWith("es.phrases:2: \"no ya {0-2}\" ends with a gap");
    }

    @Test
    void matchesWholeWordsIgnoringCaseAndAccentsAndReportsTheSpanAsWritten() throws IOException {
        PhraseFinder f = finder("[LIAR]\nusted miente\nestá mintiendo\n");
        assertThat(f.find("¡USTED MIENTE! Y además ESTA mintiendo."))
                .extracting(Finding::span).containsExactly("USTED MIENTE", "ESTA mintiendo");
        assertThat(f.find("Usted mientes")).isEmpty();
        assertThat(f.find("Ustedmiente")).isEmpty();
    }

    @Test
    void wildcardsMatchOneWordOrAPrefix() throws IOException {
        PhraseFinder f = finder("[LIAR]\nyou are * lying\nlie*\n");
        assertThat(f.find("You are clearly lying.")).extracting(Finding::span).containsExactly("You are clearly lying");
        assertThat(f.find("Lies!")).extracting(Finding::span).containsExactly("Lies");
    }

    @Test
    void aNegationJustBeforeCancelsTheMatchInTheSameSentenceOnly() throws IOException {
        PhraseFinder f = finder("[LIAR]\nusted miente\n[LIAR unless-after]\nno digo que\n");
        assertThat(f.find("No digo que usted miente.")).isEmpty();
        assertThat(f.find("No digo que... Usted miente.")).hasSize(1);
    }

    @Test
    void aCommitmentLaterCancelsTheMatch() throws IOException {
        PhraseFinder f = finder("[EVASIVE]\nno sé\n[EVASIVE unless-followed-by]\nlo averiguaré\n");
        assertThat(f.find("No sé. Pero lo averiguaré hoy.")).isEmpty();
        assertThat(f.find("No sé, no es mi tema.")).extracting(Finding::span).containsExactly("No sé");
    }

    @Test
    void overlappingMatchesOfAKindGiveOneFindingTheLongest() throws IOException {
        PhraseFinder f = finder("[C]\nno es cierto\neso no es cierto\n[D]\nno es\n");
        List<Finding> found = f.find("Eso no es cierto.");
        assertThat(found).extracting(Finding::kind, Finding::span)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C", "Eso no es cierto"),
                        org.assertj.core.groups.Tuple.tuple("D", "no es"));
    }

    @Test
    void sectionsWithTheSameHeaderAddUp() throws IOException {
        Lexicon l = Lexicon.builder().add(new StringReader("[A]\nuno\n"), "a").add(new StringReader("[A]\ndos\n"), "b").build();
        assertThat(l.list("A").phraseTexts()).containsExactly("uno", "dos");
    }

    @Test
    void badFilesNameTheLine() {
        assertThatThrownBy(() -> Lexicon.read(new StringReader("hola\n"), "es.phrases"))
                .hasMessageStartingWith("es.phrases:1: a phrase before any section");
        assertThatThrownBy(() -> Lexicon.read(new StringReader("# c\n[A]\n[b c]\n"), "es.phrases"))
                .hasMessageStartingWith("es.phrases:3: \"[b c]\" is not a section header");
        assertThatThrownBy(() -> Lexicon.read(new StringReader("[A]\n* x\n"), "es.phrases"))
                .hasMessageStartingWith("es.phrases:2: \"* x\" starts with a wildcard or a gap");
    }

    @Test
    void nothingToFindInNoText() throws IOException {
        PhraseFinder f = finder("[A]\nhola\n");
        assertThat(f.find(null)).isEmpty();
        assertThat(f.find("   ")).isEmpty();
    }
}
