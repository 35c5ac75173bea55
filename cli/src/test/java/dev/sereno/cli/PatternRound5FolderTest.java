package dev.sereno.cli;

import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pattern language's fifth round (issue 11) end to end: a policy folder whose lines use a refusing gap, choices,
 * a long gap and a line's own unless-followed-by passes {@code check} and reads drafts as its lines say; a line that
 * misuses them, or a tense list that persons narrow away, is reported at its file:line.
 */
class PatternRound5FolderTest {
    @TempDir
    Path tmp;

    private static String round5() {
        try {
            return Path.of(Objects.requireNonNull(PatternRound5FolderTest.class.getResource("round5-policy")).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFolderPassesCheckQuietly() {
        Run r = sereno("check", round5());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void itsLinesReadDraftsAsTheySay() {
        String rules = "--rules=" + round5();
        assertThat(sereno("try", rules, "You keep weaving fables.").out()).contains("«You keep weaving fables»");
        assertThat(sereno("try", rules, "You are never weaving fables to us, I know that.").code()).isZero();
        assertThat(sereno("try", rules, "Your account, if I may say so after reading all of it, is not credible.")
                .code()).isEqualTo(1);
        assertThat(sereno("try", rules, "I haven't the foggiest.").out()).contains("«I haven't the foggiest»");
        assertThat(sereno("try", rules, "We haven't the foggiest, but we will find out today.").out())
                .doesNotContain("foggiest»");
        assertThat(sereno("try", "--locale", "es", rules, "Usted nos torea.").code()).isEqualTo(1);
        assertThat(sereno("try", "--locale", "es", rules, "Usted no nos torea, lo sé.").code()).isZero();
        assertThat(sereno("try", "--locale", "es", rules, "Ni papa de eso.").out()).contains("«Ni papa de eso»");
        assertThat(sereno("try", "--locale", "es", rules, "Ni papa, pero lo averiguo hoy.").out())
                .doesNotContain("papa»");
    }

    @Test
    void aMisusedFeatureIsAProblemAtItsLine() {
        PolicyFolder policy = PolicyFolder.tinyPolicyIn(tmp);
        policy.replace("phrases/en.phrases", "you're lying\n", "you're lying\nyou (are|were lying\n"
                + "you {0-3 -NEGATON} lying\n");
        Run r = sereno("check", "--replace", policy.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("phrases/en.phrases:5: \"you (are|were lying\": \"(\" opens a group that is not"
                + " closed; write (a|b) with its )");
    }

    @Test
    void aTenseListThatPersonsNarrowAwayIsWarnedAboutAtItsLine() {
        PolicyFolder policy = PolicyFolder.tinyPolicyIn(tmp);
        policy.replace("phrases/en.phrases", "you're lying\n", "you're lying\nyou <lie:pres,past 3>\n");
        Run r = sereno("check", "--replace", policy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: phrases/en.phrases:5: \"you <lie:pres,past 3>\": in <lie:3 pres,past>,"
                + " the persons 3 leave out its past forms, which have no such person; write <lie:past> on a line of"
                + " its own, or leave past out");
    }
}
