package dev.sereno.cli;

import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy folder's {@code phrases/xx.spellings}: {@code check} names the file and line of a line it cannot read and
 * what it expected, and a folder's spellings extend the bundled ones.
 */
class SpellingsFolderTest {
    @TempDir
    Path tmp;

    @Test
    void checkNamesTheFileAndLineOfABadSpellingAndWhatItExpected() {
        PolicyFolder policy = PolicyFolder.tinyPolicyIn(tmp).write("phrases/en.spellings",
                "[shorthand]\nlyin lying\n");
        Run r = sereno("check", "--replace", policy.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly("phrases/en.spellings:2: \"lyin lying\" is not \"typed = read\";"
                + " expected a line such as \"xq = porque\" or \"gonna = going to\"", "1 problem");
    }

    @Test
    void aFolderWithGoodSpellingsPassesCheck() {
        PolicyFolder policy = PolicyFolder.tinyPolicyIn(tmp).write("phrases/en.spellings",
                "[shorthand]\nlyin = lying\n[stretched]\nmin-run = 3\n");
        Run r = sereno("check", "--replace", policy.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void aFoldersSpellingsExtendTheBundledOnes() throws java.io.IOException {
        // a folder holding nothing but its spellings, over the bundled policy
        Path folder = tmp.resolve("extension");
        java.nio.file.Files.createDirectories(folder.resolve("phrases"));
        java.nio.file.Files.writeString(folder.resolve("phrases/en.spellings"), "[shorthand]\nlyin = lying\n");
        String draft = "Ur lyin, we have the receipt.";
        assertThat(sereno("try", draft).code()).isZero();
        Run extended = sereno("try", "--rules", folder.toString(), draft);
        assertThat(extended.code()).as(extended.out() + extended.err()).isEqualTo(1);
        assertThat(extended.out()).contains("✖[Ur lyin]");
        // the bundled shorthand still reads: "u" is "you"
        assertThat(sereno("try", "--rules", folder.toString(), "u r lyin").code()).isEqualTo(1);
    }
}
