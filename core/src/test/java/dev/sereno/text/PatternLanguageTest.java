package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.policy.Finding;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The pattern language's third round: how far a negation reaches, sentence anchors, a line's own exceptions. */
class PatternLanguageTest {

    private static PhraseFinder finder(String lexicon) throws IOException {
        return new PhraseFinder(Lexicon.read(new StringReader(lexicon), "test.phrases"));
    }

    @Test
    void aNegationSectionMaySayHowManyWordsItReachesOver() throws IOException {
        String six = "I'm not saying that in any way or form you are lying";
        String seven = "I'm not saying that in any way or form that you are lying";
        PhraseFinder near = finder("[LIAR]\nyou are lying\n[LIAR unless-after]\nnot saying\n");
        assertThat(near.find("I'm not saying you are lying")).isEmpty();
        assertThat(near.find("I'm not saying that you are lying")).isEmpty();
        assertThat(near.find(six)).hasSize(1);
        PhraseFinder far = finder("[LIAR]\nyou are lying\n[LIAR unless-after within 6]\nnot saying\n");
        assertThat(far.find("I'm not saying that in any way you are lying")).isEmpty();
        assertThat(far.find(six)).isEmpty();
        assertThat(far.find(seven)).extracting(Finding::span).containsExactly("you are lying");
        assertThat(far.find("I'm not saying that in any way. You are lying")).hasSize(1);
        assertThat(near.find("I'm not saying that in any way you are lying")).hasSize(1);
        PhraseFinder none = finder("[LIAR]\nyou are lying\n[LIAR unless-after within 0]\nnot saying\n");
        assertThat(none.find("I'm not saying you are lying")).isEmpty();
        assertThat(none.find("I'm not saying that you are lying")).hasSize(1);
    }

    @Test
    void aReachIsOnlyForNegationsAndOnePerKind() {
        assertThatThrownBy(() -> finder("[LIAR]\nyou are lying\n[LIAR unless within 6]\nit's not that\n"))
                .isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:3:").hasMessageContaining("only an unless-after section takes");
        assertThatThrownBy(() -> finder("[LIAR unless-after within 6]\nnot saying\n[LIAR unless-after within 8]\nno\n"))
                .isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:3:").hasMessageContaining("test.phrases:1 already said within 6");
        assertThatThrownBy(() -> finder("[LIAR unless-after within 30]\nnot saying\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("from 0 to 20");
        assertThatThrownBy(() -> finder("[LIAR unless-after within]\nnot saying\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("[KIND unless-after within N]");
    }

    @Test
    void anchorsMakeAWholeSentenceOfAWordThatIsHarmlessInsideOne() throws IOException {
        PhraseFinder f = finder("[REFUSAL]\n^ no $\n^ que no $\n^ nope\nno way $\n");
        assertThat(f.find("No.")).extracting(Finding::span).containsExactly("No");
        assertThat(f.find("Lo he mirado. Que no. Adiós")).extracting(Finding::span).containsExactly("Que no");
        assertThat(f.find("Nope, can't do it")).extracting(Finding::span).containsExactly("Nope");
        assertThat(f.find("¿Que si le devolvemos el dinero? ¡No!")).extracting(Finding::span).containsExactly("No");
        assertThat(f.find("No hay problema, le ayudo.")).isEmpty();
        assertThat(f.find("Le digo que no se preocupe.")).isEmpty();
        assertThat(f.find("Le digo que no.")).isEmpty();
        assertThat(f.find("Honestly nope")).isEmpty();
        assertThat(f.find("There's no way.")).extracting(Finding::span).containsExactly("no way");
        assertThat(f.find("No way we'd leave you waiting")).isEmpty();
    }

    @Test
    void anchorsWorkInWordClassesAndNegationsToo() throws IOException {
        PhraseFinder f = finder("[class BARE_NO]\n^ no $\nnope\n[REFUSAL]\n{BARE_NO}\n[REFUSAL unless-after]\n^ ok\n");
        assertThat(f.find("No.")).hasSize(1);
        assertThat(f.find("Nope, sorry")).hasSize(1);
        assertThat(f.find("I said no to them, sorry")).isEmpty();
        assertThat(f.find("OK nope")).isEmpty();
        assertThat(f.find("It's OK nope")).hasSize(1);
    }

    @Test
    void anAnchorOutOfPlaceIsReportedWithItsLine() {
        assertThatThrownBy(() -> finder("[REFUSAL]\nno\nno ^ way\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:3:").hasMessageContaining("^ (starts a sentence) goes first");
        assertThatThrownBy(() -> finder("[REFUSAL]\n$ no\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("$ (ends a sentence) goes last");
        assertThatThrownBy(() -> finder("[REFUSAL]\n^no\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("apart from the words");
        assertThatThrownBy(() -> finder("[REFUSAL]\n^ $\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("has no words");
        assertThatThrownBy(() -> finder("[REFUSAL]\n^ * no\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("starts with a wildcard");
    }

    @Test
    void aLinesOwnExceptionCancelsOnlyThatLinesMatches() throws IOException {
        PhraseFinder f = finder("[class INSULT]\njoke\nclown\n[INSULTS]\nyou {INSULT} -- unless: you {INSULT} day\n"
                + "what a {INSULT}\n");
        assertThat(f.find("You joke.")).extracting(Finding::span).containsExactly("You joke");
        assertThat(f.find("Hope you joke day went well")).isEmpty();
        // the exception belongs to its line: another phrase of the kind over the same words still matches
        assertThat(f.find("what a clown day")).extracting(Finding::span).containsExactly("what a clown");
        PhraseFinder section = finder("[class INSULT]\njoke\n[INSULTS]\nyou {INSULT}\nwhat a {INSULT}\n"
                + "[INSULTS unless]\n{INSULT} day\n");
        assertThat(section.find("what a joke day")).isEmpty();
    }

    @Test
    void aLinesOwnNegationReachesAsFarAsItsKindSays() throws IOException {
        PhraseFinder f = finder("[LIAR]\nyou are lying -- unless-after: not saying -- unless: lying down\n"
                + "liar\n[LIAR unless-after within 5]\nnobody\n");
        assertThat(f.find("You are lying")).hasSize(1);
        assertThat(f.find("I'm not saying that in any way you are lying")).isEmpty();
        assertThat(f.find("You are lying down")).isEmpty();
        assertThat(f.find("I'm not saying you're a liar")).extracting(Finding::span).containsExactly("liar");
        assertThat(f.find("I'm not saying in any way or form at all you are lying")).hasSize(1);
    }

    @Test
    void aMalformedExceptionIsReportedWithItsLine() {
        assertThatThrownBy(() -> finder("[INSULTS]\nidiot\nyou clown -- except: clown car\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:3:")
                .hasMessageContaining("after -- expected \"unless:\", \"unless-after:\" or \"unless-followed-by:\"");
        assertThatThrownBy(() -> finder("[INSULTS]\nyou clown -- unless:\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("needs a phrase after it");
        assertThatThrownBy(() -> finder("[INSULTS]\nyou clown -- unless: * car\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("starts with a wildcard");
        assertThatThrownBy(() -> finder("[class INSULT]\nclown -- unless: clown car\n[INSULTS]\n{INSULT}\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("an entry of a word class takes no exceptions");
        assertThatThrownBy(() -> finder("[INSULTS]\nclown\n[INSULTS unless]\nclown car -- unless: x\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:4:")
                .hasMessageContaining("an unless phrase takes no exceptions");
    }

    @Test
    void aClassEntryMayHaveAGapAndMatchesAsLongAsItCan() throws IOException {
        PhraseFinder f = finder("[class WASTE_OF]\nwaste of {0-2} time\nuseless\n"
                + "[COLD]\nwhat a {WASTE_OF}\nthis is {WASTE_OF} for us\n");
        assertThat(f.find("What a waste of my time.")).extracting(Finding::span).containsExactly("What a waste of my time");
        assertThat(f.find("What a waste of time")).extracting(Finding::span).containsExactly("What a waste of time");
        assertThat(f.find("this is waste of all our time for us")).extracting(Finding::span)
                .containsExactly("this is waste of all our time for us");
        assertThat(f.find("What a waste of everyone's precious little time")).isEmpty();
        assertThat(f.find("What a waste of. Time is money")).isEmpty();
        assertThat(f.find("what a useless form")).extracting(Finding::span).containsExactly("what a useless");
    }

    private static PhraseFinder finder(String lexicon, String language) throws IOException {
        return new PhraseFinder(Lexicon.read(new StringReader(lexicon), "test.phrases"),
                Morphology.forLanguage(language).orElseThrow());
    }

    @Test
    void aDictionaryWordMayBeLimitedToSomePersons() throws IOException {
        PhraseFinder es = finder("[LIAR]\n<mentir:2,3>\n", "es");
        assertThat(es.find("Usted miente. Ustedes mintieron. Tú mientes.")).extracting(Finding::span)
                .containsExactly("miente", "mintieron", "mientes");
        assertThat(es.find("No vamos a mentirle, nunca miento, no mentimos.")).isEmpty();
        PhraseFinder first = finder("[PROMISE]\n<llamar:1>\n", "es");
        assertThat(first.find("Le llamo mañana")).extracting(Finding::span).containsExactly("llamo");
        // "llamará" is not asked: without its accent it is "llamara", which is also the first person (yo llamara)
        assertThat(first.find("Le llamarán mañana")).isEmpty();
        PhraseFinder en = finder("[LIAR]\nhe <lie:3>\n", "en");
        assertThat(en.find("He lies.")).hasSize(1);
        assertThat(en.find("He lie.")).isEmpty();
    }

    @Test
    void aPersonOnAWordWithoutPersonsIsReportedWithItsLine() {
        assertThatThrownBy(() -> finder("[INSULT]\nidiota\n<imbécil:2>\n", "es"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:3: <imbécil:2> has no forms"
                        + " of those persons");
        assertThatThrownBy(() -> finder("[LIAR]\n<mentir:4>\n", "es"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("<word:2,3>");
    }

    @Test
    void aPhraseLedByAClassOrAWordIsFoundWhereverItsGapPutsTheNextWord() throws IOException {
        PhraseFinder f = finder("[class YOU]\nyou\nyou guys\n[LIAR]\n{YOU} {1-2} lying\nthe {0-2} courier lied\n"
                + "you {YOU} {0-1} liar\n");
        assertThat(f.find("You are lying")).extracting(Finding::span).containsExactly("You are lying");
        assertThat(f.find("You guys are so lying")).extracting(Finding::span).containsExactly("You guys are so lying");
        assertThat(f.find("You lying")).isEmpty();
        assertThat(f.find("You are not really lying")).isEmpty();
        assertThat(f.find("You are. Lying")).isEmpty();
        assertThat(f.find("the courier lied, the new courier lied")).extracting(Finding::span)
                .containsExactly("the courier lied", "the new courier lied");
        assertThat(f.find("you you guys liar")).extracting(Finding::span).containsExactly("you you guys liar");
    }

    @Test
    void aPhraseLedByAPrefixIsTriedAtTheWordsThatStartSo() throws IOException {
        PhraseFinder f = finder("[MOCKING]\nlmao*\nl*\n[SHORT]\nha* ha\n");
        assertThat(f.find("LMAOOO ok")).extracting(Finding::kind).containsExactly("MOCKING");
        assertThat(f.find("haha ha")).extracting(Finding::span).containsExactly("haha ha");
        assertThat(f.find("hello")).isEmpty();
        assertThat(f.find("o lol")).extracting(Finding::span).containsExactly("lol");
    }
}
