package dev.sereno.cli;

import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The table of codes in the guide is the one the policy produces: it cannot drift from the rules and messages. */
class CodesCommandTest {
    private static final Path DOC = Path.of("../docs/policy-codes.md");

    @Test
    void theGuidesTableOfCodesIsGeneratedFromTheBundledPolicy() throws IOException {
        Run r = sereno("codes");
        assertThat(r.code()).as(r.err()).isZero();
        String doc = Files.readString(DOC);
        assertThat(doc.substring(doc.indexOf("| code |")))
                .as("docs/policy-codes.md is out of date: regenerate its table with `sereno codes`")
                .isEqualTo(r.out());
    }

    @Test
    void eachRowSaysWhatThePlaceholdersHold() {
        Run r = sereno("codes");
        assertThat(r.out()).contains("| `CALL_BACK_AFTER_VERIFYING` | follow-up | Call back within the verification deadline "
                + "| G20 | {0} policy.verificationCallbackWithin | Call the customer with the result of the check "
                + "(within {0}), even if there is no news. |");
    }
}
