package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.policy.Finding;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the policy authoring guide, in both languages, is a real list: it compiles, and it catches
 * the drafts the guide says it catches while leaving alone the ones it says it leaves alone.
 */
class GuideExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```text\\n(\\[class [^`]*?)```", Pattern.DOTALL);

    private static PhraseFinder workedExample(String guide, String language) throws IOException {
        String text = Files.readString(Path.of("..", "docs", guide), StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(text);
        assertThat(m.find()).as("a worked example in " + guide).isTrue();
        // the guide's arrows are comments for the reader; the format's comments start with #
        String lines = m.group(1).replaceAll("\\s+←.*", "");
        String shared = language.equals("en") ? "[class NEGATION]\nnot saying\nit's not that\n"
                : "[class NEGACION]\nno es que\nno digo que\n";
        return new PhraseFinder(Lexicon.read(new StringReader(shared + lines), guide),
                Morphology.forLanguage(language).orElseThrow());
    }

    @Test
    void theEnglishWorkedExampleCatchesEachWordingAndSparesEmpathy() throws IOException {
        PhraseFinder f = workedExample("policy-authoring.md", "en");
        assertThat(f.find("I can't quite believe that.")).extracting(Finding::kind).containsExactly("DOUBTS_CUSTOMER");
        assertThat(f.find("We find your story hard to swallow.")).extracting(Finding::kind).containsExactly("DOUBTS_CUSTOMER");
        assertThat(f.find("You're spinning us a tale.")).extracting(Finding::kind).containsExactly("DOUBTS_CUSTOMER");
        assertThat(f.find("I can't believe how long you waited, I'm so sorry.")).isEmpty();
        assertThat(f.find("I'm not saying you're spinning a tale.")).isEmpty();
    }

    @Test
    void theSpanishWorkedExampleCatchesEachWordingAndSparesEmpathy() throws IOException {
        PhraseFinder f = workedExample("policy-authoring.es.md", "es");
        assertThat(f.find("No acabo de creérmelo.")).extracting(Finding::kind).containsExactly("DOUBTS_CUSTOMER");
        assertThat(f.find("Su versión nos cuesta tragarla.")).extracting(Finding::kind).containsExactly("DOUBTS_CUSTOMER");
        assertThat(f.find("Nos está contando una película.")).extracting(Finding::kind).containsExactly("DOUBTS_CUSTOMER");
        assertThat(f.find("Cuesta creer lo que ha esperado, lo siento mucho.")).isEmpty();
        assertThat(f.find("No es que nos esté contando una película.")).isEmpty();
    }
}
