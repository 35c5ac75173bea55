package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.policy.Finding;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * The pattern language's fifth round (issue 11): a line's own {@code -- unless-followed-by:}, gaps that refuse some
 * words, alternatives inside a line, longer gaps, and the check of a tense list that persons narrow away.
 */
class PatternLanguageRound5Test {

    private static PhraseFinder finder(String lexicon) throws IOException {
        return new PhraseFinder(Lexicon.read(new StringReader(lexicon), "test.phrases"));
    }

    @Test
    void aLinesOwnUnlessFollowedByCancelsOnlyThatLine() throws IOException {
        PhraseFinder f = finder("[EVASIVE]\ni don't know -- unless-followed-by: i will find out\nno idea\n");
        assertThat(f.find("I don't know.")).extracting(Finding::span).containsExactly("I don't know");
        assertThat(f.find("I don't know, but I will find out today.")).isEmpty();
        // as the section's: anywhere after, across sentences
        assertThat(f.find("I don't know. Tomorrow I will find out.")).isEmpty();
        // before the match does not count
        assertThat(f.find("I will find out what I can, but I don't know")).hasSize(1);
        // the other line of the kind is not touched
        assertThat(f.find("No idea, but I will find out")).extracting(Finding::span).containsExactly("No idea");
    }

    @Test
    void aLinesOwnUnlessFollowedByCombinesWithTheOtherExceptionsAndTheSection() throws IOException {
        PhraseFinder f = finder("[EVASIVE]\nno lo sé -- unless-followed-by: lo {AVERIGUAR} -- unless-after: yo tampoco"
                + " -- unless-followed-by: le aviso\nni idea\n[EVASIVE unless-followed-by]\nle llamo\n"
                + "[class AVERIGUAR]\naveriguaré\naveriguo\nmiro\n");
        assertThat(f.find("No lo sé.")).hasSize(1);
        assertThat(f.find("No lo sé, pero lo averiguaré")).isEmpty();
        assertThat(f.find("No lo sé, lo miro y le aviso")).isEmpty();
        assertThat(f.find("No lo sé. Le aviso mañana")).isEmpty();
        assertThat(f.find("Yo tampoco no lo sé")).isEmpty();
        assertThat(f.find("Ni idea, lo averiguo")).extracting(Finding::span).containsExactly("Ni idea");
        assertThat(f.find("Ni idea, le llamo")).isEmpty();
    }

    @Test
    void aMalformedUnlessFollowedByIsReportedWithItsLine() {
        assertThatThrownBy(() -> finder("[EVASIVE]\nno idea\ni don't know -- unless-followed-by:\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:3:")
                .hasMessageContaining("\"-- unless-followed-by:\" needs a phrase after it");
        assertThatThrownBy(() -> finder("[EVASIVE]\ni don't know -- unless-followed: i will\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("\"unless-followed-by:\"");
        assertThatThrownBy(() -> finder("[class X]\nfoo -- unless-followed-by: bar\n[K]\n{X}\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("an entry of a word class takes no exceptions");
        assertThatThrownBy(() -> finder("[K]\nfoo\n[K unless-followed-by]\nbar -- unless-followed-by: baz\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:4:")
                .hasMessageContaining("an unless phrase takes no exceptions");
    }

    @Test
    void aGapMaySpanTwentyWordsAndNoMore() throws IOException {
        PhraseFinder f = finder("[BLAMES]\nyou have {0-20} never once\n");
        String twenty = "you have , after all the calls and the two visits of our technician to your house last week"
                + " and the one before , never once";
        String twentyOne = twenty.replace("last week", "last long week");
        assertThat(f.find(twenty)).hasSize(1);
        assertThat(f.find(twentyOne)).isEmpty();
        assertThat(f.find("you have after all the calls. never once")).isEmpty();
        assertThatThrownBy(() -> finder("[BLAMES]\nyou have {0-21} never\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("MIN ≤ MAX ≤ 20");
    }

    @Test
    void aGapAtTheEndIsRefusedSayingWhatToWriteInstead() {
        assertThatThrownBy(() -> finder("[BLAMES]\nyou\nyou never {1-3}\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:3:")
                .hasMessageContaining("ends with a gap").hasMessageContaining("or $ when the phrase must end");
    }

    @Test
    void aGroupOffersChoicesForOnePlace() throws IOException {
        PhraseFinder f = finder("[DOUBTS]\nno (me|le|nos) lo {0-2} (creo|creemos)\n"
                + "[COLD]\n(just|simply|) calm down\n(cálmese|tranquilícese|{CALM} usted) ya\n"
                + "[class CALM]\nrelájese\n");
        assertThat(f.find("No me lo creo")).extracting(Finding::span).containsExactly("No me lo creo");
        assertThat(f.find("no nos lo acabamos de creer, no nos lo creemos")).extracting(Finding::span)
                .containsExactly("no nos lo creemos");
        assertThat(f.find("No te lo creo")).isEmpty();
        assertThat(f.find("Simply calm down")).extracting(Finding::span).containsExactly("Simply calm down");
        assertThat(f.find("Calm down")).extracting(Finding::span).containsExactly("Calm down");
        assertThat(f.find("relájese usted ya")).extracting(Finding::span).containsExactly("relájese usted ya");
        assertThat(f.find("Tranquilícese ya")).hasSize(1);
        assertThat(f.find("relájese ya")).isEmpty();
    }

    @Test
    void eachChoiceIsAPhraseOfTheLineAsWritten() throws IOException {
        Lexicon lexicon = Lexicon.read(new StringReader("[COLD]\n(just|simply) calm down -- unless: calm down (and|&) "
                + "(breathe|rest)\n"), "test.phrases");
        assertThat(lexicon.list("COLD").phrases()).hasSize(2).allSatisfy(p -> {
            assertThat(p.text()).isEqualTo("(just|simply) calm down -- unless: calm down (and|&) (breathe|rest)");
            assertThat(p.where()).isEqualTo("test.phrases:2");
            assertThat(p.unless()).hasSize(4);
        });
        assertThat(lexicon.list("COLD").phrases()).extracting(Phrase::words)
                .containsExactly(java.util.List.of("just", "calm", "down"), java.util.List.of("simply", "calm", "down"));
        PhraseFinder f = new PhraseFinder(lexicon);
        assertThat(f.find("just calm down and rest")).isEmpty();
        assertThat(f.find("just calm down, please")).hasSize(1);
    }

    @Test
    void aMalformedGroupIsReportedWithItsLine() {
        assertThatThrownBy(() -> finder("[K]\nx\nno (me|le lo creo\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:3:").hasMessageContaining("opens a group that is not closed");
        assertThatThrownBy(() -> finder("[K]\nno me|le lo creo\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("\"|\" outside a group");
        assertThatThrownBy(() -> finder("[K]\nno me) lo creo\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("\")\" outside a group");
        assertThatThrownBy(() -> finder("[K]\nllam(o|aré)\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("apart from the words");
        assertThatThrownBy(() -> finder("[K]\nno (me) lo creo\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("offers no choice");
        assertThatThrownBy(() -> finder("[K]\nno (me|(le|te)) lo creo\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2:").hasMessageContaining("a group inside a group");
        assertThatThrownBy(() -> finder("[K]\n(|no) (|me)\n")).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining("test.phrases:2: \"(|no) (|me)\" has no words");
    }

    @Test
    void aLineMayStandForSixtyFourPhrasesAndNoMore() throws IOException {
        String eight = "(a|b|c|d|e|f|g|h)";
        assertThat(Lexicon.read(new StringReader("[K]\nx " + eight + " " + eight + "\n"), "t.phrases")
                .list("K").phrases()).hasSize(64);
        assertThatThrownBy(() -> finder("[K]\nx " + eight + " " + eight + " (y|z)\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("stands for 128 phrases through its groups, more than the 64 a line may");
    }

    @Test
    void aGapMayRefuseTheEntriesOfAClassAndSomeWords() throws IOException {
        PhraseFinder f = finder("[class NEGATION]\nnot\nnever\nno longer\n"
                + "[LIAR]\nyou {0-3 -NEGATION} lying\nit is {1-4 -NEGATION -but -although} false\n");
        assertThat(f.find("you are lying")).extracting(Finding::span).containsExactly("you are lying");
        assertThat(f.find("you lying again")).hasSize(1);
        assertThat(f.find("you are not lying")).isEmpty();
        assertThat(f.find("you are no longer lying")).isEmpty();
        assertThat(f.find("you never were lying")).isEmpty();
        // "not" after the gap's reach, or a second "you" that starts a clean gap, is not refused
        assertThat(f.find("you are not lying but you are lying")).extracting(Finding::span)
                .containsExactly("you are lying");
        assertThat(f.find("it is, i am sure, false")).hasSize(1);
        assertThat(f.find("it is true but false")).isEmpty();
        assertThat(f.find("it is not false")).isEmpty();
        assertThat(f.find("it is false")).isEmpty();
    }

    @Test
    void aRefusingGapAsTheSecondElementStillAnchorsOnTheWordAfterIt() throws IOException {
        PhraseFinder f = finder("[class NEGACION]\nno\nnunca\n[LIAR]\nusted {0-2 -NEGACION} miente\n"
                + "usted {0-2 -NEGACION} <inventar:3>\n".replace("<inventar:3>", "inventa"));
        assertThat(f.find("Usted miente")).hasSize(1);
        assertThat(f.find("usted siempre nos miente")).hasSize(1);
        assertThat(f.find("usted no miente")).isEmpty();
        assertThat(f.find("usted nunca inventa")).isEmpty();
        assertThat(f.find("usted se lo inventa")).hasSize(1);
    }

    @Test
    void aMalformedRefusingGapIsReportedWithItsLine() {
        assertThatThrownBy(() -> finder("[K]\nyou\nyou {0-3 -NEGATON} lying\n[class NEGATION]\nnot\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:3:")
                .hasMessageContaining("{NEGATON} is not a word class").hasMessageContaining("NEGATION");
        assertThatThrownBy(() -> finder("[K]\nyou {0-30 -not} lying\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("MIN ≤ MAX ≤ 20");
        assertThatThrownBy(() -> finder("[K]\nyou {0-3 -<lie>} lying\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:");
        assertThatThrownBy(() -> finder("[K]\nyou {0-3 -no*} lying\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("neither a word class");
        assertThatThrownBy(() -> finder("[K]\nyou lying {0-3 -not}\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.phrases:2:")
                .hasMessageContaining("ends with a gap");
    }

    @Test
    void checkWarnsWhenPersonsNarrowAwayAFormTheLineNames() throws IOException {
        Morphology es = Morphology.forLanguage("es").orElseThrow();
        java.util.List<String> warnings = ListWarnings.of(new StringReader("[COLD]\nno\n"
                + "deje de <hacer:inf,imp 2,3>\n"
                + "<revisar:past 3>\n"
                + "<llamar:fut,cond 1>\n"
                + "usted <mentir:3> -- unless: no <decir:ger,part 1> eso\n"), "phrases/es.phrases", es);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("phrases/es.phrases:3: \"deje de <hacer:inf,imp 2,3>\": in <hacer:2,3 "
                + "imp,inf>, the persons 2,3 leave out its inf forms").contains("write <hacer:inf> on a line of its own");
        assertThat(warnings.get(1)).startsWith("phrases/es.phrases:6: ").contains("leave out its ger, part forms");
        Morphology en = Morphology.forLanguage("en").orElseThrow();
        assertThat(ListWarnings.of(new StringReader("[K]\nyou <lie:pres,past 3>\n"), "phrases/en.phrases", en))
                .singleElement().asString().contains("leave out its past forms");
        assertThat(ListWarnings.of(new StringReader("[K]\nyou <lie:pres 3\n"), "x", en)).isEmpty();
    }

    @Test
    void theGuidesRefusingGapExamplesReadAsTheySay() throws IOException {
        PhraseFinder en = new PhraseFinder(Lexicon.read(new StringReader("[class NOT]\nnot\nnever\nno longer\n"
                + "[CALLS_CUSTOMER_LIAR]\nyou {0-3 -NOT} <lie:ger>\nit is {1-4 -NOT -but} false\n"), "g"),
                Morphology.forLanguage("en").orElseThrow());
        assertThat(en.find("you are lying")).hasSize(1);
        assertThat(en.find("you keep lying")).hasSize(1);
        assertThat(en.find("you are not lying")).isEmpty();
        assertThat(en.find("you're no longer lying")).isEmpty();
        assertThat(en.find("you are not lying, but you are lying")).extracting(Finding::span)
                .containsExactly("you are lying");
        assertThat(en.find("it is, frankly, false")).hasSize(1);
        assertThat(en.find("it is true but false")).isEmpty();
        PhraseFinder es = new PhraseFinder(Lexicon.read(new StringReader("[class NO]\nno\nnunca\nya no\n"
                + "[CALLS_CUSTOMER_LIAR]\nusted {0-3 -NO} <mentir:3>\nes {1-4 -NO -pero} falso\n"), "g"),
                Morphology.forLanguage("es").orElseThrow());
        assertThat(es.find("usted miente")).hasSize(1);
        assertThat(es.find("usted nos miente")).hasSize(1);
        assertThat(es.find("usted no miente")).isEmpty();
        assertThat(es.find("usted nunca nos miente")).isEmpty();
        assertThat(es.find("es, sinceramente, falso")).hasSize(1);
        assertThat(es.find("es verdad pero falso")).isEmpty();
    }

    @Test
    void aCommitmentLineMayHaveItsOwnUnlessFollowedBy() {
        PhraseMatcher m = PhraseMatcher.compile(java.util.List.of(java.util.List.of(
                new PhraseMatcher.Line("we will call you -- unless-followed-by: if needed", "x.commitments:1"))),
                Lexicon.empty(), null, Folding::fold);
        assertThat(m.longest(text(m, "we will call you today"), 0, 0)).isNotNull();
        assertThat(m.longest(text(m, "we will call you if needed"), 0, 0)).isNull();
        assertThat(m.longest(text(m, "if needed we will call you"), 2, 0)).isNotNull();
    }

    private static PhraseMatcher.Text text(PhraseMatcher m, String text) {
        String[] words = text.split(" ");
        int[] starts = new int[words.length];
        int[] ends = new int[words.length];
        int at = 0;
        for (int k = 0; k < words.length; k++) {
            starts[k] = at;
            ends[k] = at + words[k].length();
            at = ends[k] + 1;
        }
        return m.text(words, starts, ends, new int[words.length]);
    }
}
