package dev.sereno.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.policy.PolicyParameters;
import dev.sereno.text.Lexicon;
import dev.sereno.text.LexiconFormatException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A policy folder over the bundled policy: what adds up, what wins, and where errors are reported. */
class PolicyOriginTest {
    private static final PolicyOrigin BUNDLED = PolicyOrigin.memory(Map.of(
            "phrases/en.phrases", "# bundled\n[EVASIVE]\nno idea\n[EVASIVE unless-followed-by]\ni'll check\n",
            "policy.properties", "pause.length=PT10M\ncurt-reply.max-words=12\n",
            "let-anger-pass.drl", "bundled section 1",
            "stay-calm.drl", "bundled section 2"));

    private static PolicyOrigin over(Map<String, String> folder) {
        return PolicyOrigin.layered(BUNDLED, PolicyOrigin.memory(folder));
    }

    @Test
    void aBadPhraseLineIsReportedAtItsLineInTheFoldersFile() {
        String text = over(Map.of("phrases/en.phrases", "# mine\n[EVASIVE]\n* clue\n")).read("phrases/en.phrases").orElseThrow();
        assertThatThrownBy(() -> Lexicon.read(new StringReader(text), "phrases/en.phrases"))
                .isInstanceOf(LexiconFormatException.class)
                .hasMessageStartingWith("phrases/en.phrases:3: \"* clue\" starts with a wildcard");
    }

    @Test
    void phraseListsAddUp() throws Exception {
        String text = over(Map.of("phrases/en.phrases", "[EVASIVE]\nnot a clue\n")).read("phrases/en.phrases").orElseThrow();
        Lexicon lexicon = Lexicon.read(new StringReader(text), "phrases/en.phrases");
        assertThat(lexicon.list("EVASIVE").phrases()).hasSize(2);
    }

    @Test
    void theFoldersParametersWinKeyByKey() {
        String text = over(Map.of("policy.properties", "pause.length=PT15M\n")).read("policy.properties").orElseThrow();
        PolicyParameters p = PolicyParameters.read(text);
        assertThat(p.pauseLength()).hasMinutes(15);
        assertThat(p.curtReplyMaxWords()).isEqualTo(12);
    }

    @Test
    void aDrlFileOfTheSameNameReplacesTheBundledOne() {
        Map<String, String> drl = over(Map.of("stay-calm.drl", "mine", "extra.drl", "added")).drl();
        assertThat(drl).containsExactly(Map.entry("extra.drl", "added"), Map.entry("let-anger-pass.drl", "bundled section 1"),
                Map.entry("stay-calm.drl", "mine"));
    }
}
