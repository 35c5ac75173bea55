package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A rule failing in `advise`: one line naming the rule and how, never the message of what it threw; --deadline bounds it. */
class RuleFailureLineTest {
    private static final Path EXAMPLE = Path.of("../examples/situations/contract-example.json");
    private static final String POLICY = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.Recommend;

            rule "Throws the claim back"
                @guidance("G01")
            when
                Complaint( $claim : claim )
            then
                if (true) { throw new IllegalStateException("CanarySecret " + $claim); }
            end
            """;

    @TempDir
    Path tmp;

    @Test
    void theFailureLineNamesTheRuleButNotWhatItsExceptionSaid() throws IOException {
        Files.writeString(tmp.resolve("throws.drl"), POLICY);
        CliTest.Run r = CliTest.sereno("advise", "--rules", tmp.toString(), EXAMPLE.toString());

        assertThat(r.code()).isEqualTo(Main.FAILED);
        assertThat(r.err()).contains("rule \"Throws the claim back\"").contains("IllegalStateException")
                .doesNotContain("CanarySecret");
    }

    @Test
    @Timeout(60)
    void aDeadlineStopsARuleThatRunsTooLong() throws IOException {
        Files.writeString(tmp.resolve("slow.drl"), POLICY.replace(
                "if (true) { throw new IllegalStateException(\"CanarySecret \" + $claim); }",
                "long[] a = new long[200000]; for (int i = 0; i < 1000000; i++) { java.util.Arrays.fill(a, i); }"));
        CliTest.Run r = CliTest.sereno("advise", "--deadline", "300", "--rules", tmp.toString(), EXAMPLE.toString());

        assertThat(r.code()).isEqualTo(Main.FAILED);
        assertThat(r.err()).contains("rule \"Throws the claim back\"").contains("deadline");
    }
}
