package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.policy.Finding;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** How agents really type ({@link Spellings}): each feature read, a near homograph left alone, a bad line refused. */
class SpellingsTest {
    private static final String ES = """
            [shorthand]
            xq = porque
            x = por
            q = que
            ud = usted
            xfa = por favor
            [stretched]
            min-run = 3
            [masked]
            classes = INSULT
            * = any
            1 = i l
            3 = e
            0 = o
            @ = a o
            """;
    private static final String EN = """
            [shorthand]
            u = you
            ur = your
            gonna = going to
            pls = please
            [stretched]
            min-run = 3
            [masked]
            classes = INSULT PROFANITY
            * = any
            prefer = fuck
            1 = i l
            0 = o
            """;

    private static PhraseFinder finder(String lists, String spellings, String language) throws IOException {
        Spellings s = Spellings.read(spellings, language + ".spellings");
        Lexicon lexicon = Lexicon.builder().spellings(s).add(new StringReader(lists), language + ".phrases").build();
        return new PhraseFinder(lexicon, Morphology.forLanguage(language).orElseThrow());
    }

    @Test
    void aShorthandIsReadAsTheWordsItStandsForAndTheMatchIsWhatWasTyped() throws IOException {
        PhraseFinder es = finder("[BLAME]\nculpa suya por no leer\n[DOUBT]\nusted miente\n", ES, "es");
        assertThat(es.find("es culpa suya x no leer el contrato")).extracting(Finding::span)
                .containsExactly("culpa suya x no leer");
        assertThat(es.find("Ud miente")).extracting(Finding::span).containsExactly("Ud miente");
        PhraseFinder en = finder("[PASS]\ncontact the shop please\n[SLANG]\nnot going to happen\n", EN, "en");
        assertThat(en.find("contact the shop pls")).extracting(Finding::span).containsExactly("contact the shop pls");
        assertThat(en.find("not gonna happen")).extracting(Finding::span).containsExactly("not gonna happen");
        assertThat(en.find("not going to happen")).hasSize(1);
    }

    @Test
    void aListLineWrittenInShorthandStillMatchesBothSpellings() throws IOException {
        PhraseFinder en = finder("[SLANG]\nnot gonna happen\n", EN, "en");
        assertThat(en.find("that's not gonna happen")).hasSize(1);
        assertThat(en.find("that's not going to happen")).hasSize(1);
    }

    @Test
    void aOneLetterShorthandInCapitalsIsReadOnlyAtTheStartOfASentence() throws IOException {
        PhraseFinder es = finder("[X]\npor favor\nque pena\n", ES, "es");
        assertThat(es.find("El Modelo X favor de revisar")).isEmpty();
        assertThat(es.find("Gracias. Q pena")).extracting(Finding::span).containsExactly("Q pena");
        assertThat(es.find("gracias x favor")).extracting(Finding::span).containsExactly("x favor");
        PhraseFinder en = finder("[U]\nyou turn\n", EN, "en");
        assertThat(en.find("Take the next U turn please")).isEmpty();
    }

    @Test
    void aLetterStretchedForEmphasisIsReadOnceButDoubledLettersStay() throws IOException {
        PhraseFinder es = finder("[class INSULT]\nidiota\n[INSULT]\neres un {INSULT}\n[NO]\nno se puede\n"
                + "[CALL]\nllamar al técnico\n", ES, "es");
        assertThat(es.find("eres un idiotaaa")).extracting(Finding::span).containsExactly("eres un idiotaaa");
        assertThat(es.find("nooo se puede")).extracting(Finding::span).containsExactly("nooo se puede");
        assertThat(es.find("vamos a llamar al técnico")).hasSize(1);
        PhraseFinder en = finder("[STUPID]\nstupid\n[COFFEE]\ncoffee machine\n[PLEASE]\nplease\n", EN, "en");
        assertThat(en.find("don't be stuuupid, pleeease")).extracting(Finding::span)
                .containsExactly("stuuupid", "pleeease");
        assertThat(en.find("the coffee machine")).extracting(Finding::span).containsExactly("coffee machine");
    }

    @Test
    void aMaskedWordIsTheOneInsultItFitsAndNothingElse() throws IOException {
        PhraseFinder en = finder("[class INSULT]\nidiot\nmoron\n[class PROFANITY]\nfuck\nshit\n"
                + "[PROFANITY]\n{PROFANITY}\n[INSULT]\nyou {INSULT}\n", EN, "en");
        assertThat(en.find("f*ck this")).extracting(Finding::span).containsExactly("f*ck");
        assertThat(en.find("this is sh*t")).extracting(Finding::span).containsExactly("sh*t");
        assertThat(en.find("you m0ron")).extracting(Finding::span).containsExactly("you m0ron");
        assertThat(en.find("you id10t")).extracting(Finding::span).containsExactly("you id10t");
        assertThat(en.find("your 4G router, the b2b plan, help@company.com, *important*")).isEmpty();
        PhraseFinder es = finder("[class INSULT]\nmierda\ncabrón\n<imbécil>\n[INSULT]\n{INSULT}\n", ES, "es");
        assertThat(es.find("menuda m1erda, c@brón, imb3ciles")).extracting(Finding::span)
                .containsExactly("m1erda", "c@brón", "imb3ciles");
        assertThat(es.find("escriba a soporte@empresa.es, router 4G")).isEmpty();
    }

    @Test
    void aMaskThatFitsTwoWordsIsLeftAsWritten() throws IOException {
        PhraseFinder en = finder("[class INSULT]\nfool\nfuel\n[INSULT]\n{INSULT}\n", EN, "en");
        assertThat(en.find("you f**l")).isEmpty();
        assertThat(en.find("you fo*l")).hasSize(1);
    }

    @Test
    void aMaskThatFitsSeveralWordsIsReadAsThePreferredOne() throws IOException {
        PhraseFinder en = finder("[class PROFANITY]\nfeck\nfuck\n[PROFANITY]\n{PROFANITY}\n[FUCK]\nfuck\n", EN, "en");
        assertThat(en.find("what the f**k")).extracting(Finding::kind).containsExactlyInAnyOrder("FUCK", "PROFANITY");
    }

    /**
     * The forms of vos need no spelling: the Spanish dictionary has them as the second person's present and
     * imperative (pinned here, so that a dictionary without them is noticed).
     */
    @Test
    void voseoIsReadThroughTheDictionarysSecondPerson() throws IOException {
        PhraseFinder es = finder("[BLAME]\n<tener> que haberlo leído\n[CANT]\nno <poder:2> cambiarlo\n"
                + "[TELL]\n<decir> qué\n[LOOK]\n<fijar> en el contrato\n[BE]\n<ser:2> un pesado\n"
                + "[WANT]\nno <querer:2> entender\n[GO]\n<andar> a la tienda\n[SEE]\n<mirar> el correo\n",
                ES, "es");
        assertThat(es.find("tenés que haberlo leído")).hasSize(1);
        assertThat(es.find("no podés cambiarlo")).hasSize(1);
        assertThat(es.find("decime qué pasó")).hasSize(1);
        assertThat(es.find("fijate en el contrato")).hasSize(1);
        assertThat(es.find("vos sos un pesado")).hasSize(1);
        assertThat(es.find("no querés entender")).hasSize(1);
        assertThat(es.find("andá a la tienda")).hasSize(1);
        assertThat(es.find("mirá el correo")).hasSize(1);
        // the second person only: "podés" is no form of <poder:3>
        assertThat(finder("[CANT]\nno <poder:3> cambiarlo\n", ES, "es").find("no podés cambiarlo")).isEmpty();
    }

    @Test
    void aBadLineIsRefusedWithItsFileLineAndWhatWasExpected() {
        assertThatThrownBy(() -> Spellings.read("[shorthand]\nxq porque\n", "es.spellings"))
                .isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("es.spellings:2:").hasMessageContaining("xq = porque");
        assertThatThrownBy(() -> Spellings.read("[stretched]\nmin-run = 2\n", "en.spellings"))
                .hasMessageContaining("en.spellings:2:").hasMessageContaining("from 3 to 9");
        assertThatThrownBy(() -> Spellings.read("[masked]\na = e\n", "en.spellings"))
                .hasMessageContaining("en.spellings:2:").hasMessageContaining("not a letter");
        assertThatThrownBy(() -> Spellings.read("[masked]\nprefer = f*ck\n", "en.spellings"))
                .hasMessageContaining("en.spellings:2:").hasMessageContaining("prefer = fuck");
        assertThatThrownBy(() -> Spellings.read("[slang]\nq = que\n", "es.spellings"))
                .hasMessageContaining("es.spellings:1:").hasMessageContaining("[shorthand]");
        assertThatThrownBy(() -> Spellings.read("[shorthand]\nasí = asi\n", "es.spellings"))
                .hasMessageContaining("es.spellings:2:").hasMessageContaining("stands for itself");
    }

    @Test
    void aLaterFileExtendsAndOverridesAnEarlierOne() {
        Spellings s = Spellings.builder().add("[shorthand]\nur = your\n", "bundled").add("[shorthand]\nur = you are\n"
                + "b4 = before\n", "folder").build();
        assertThat(s.shorthand()).containsEntry("ur", java.util.List.of("you", "are"))
                .containsEntry("b4", java.util.List.of("before"));
    }
}
