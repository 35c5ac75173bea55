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
                .hasMessageStartingWith("es.phrases:2: \"* x\" starts with a wildcard");
    }

    @Test
    void nothingToFindInNoText() throws IOException {
        PhraseFinder f = finder("[A]\nhola\n");
        assertThat(f.find(null)).isEmpty();
        assertThat(f.find("   ")).isEmpty();
    }
}
