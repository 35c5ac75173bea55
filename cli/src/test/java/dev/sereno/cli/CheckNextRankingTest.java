package dev.sereno.cli;

import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sereno check` on the next.* keys of policy.properties: a sound ranking passes, nonsense names its key. */
class CheckNextRankingTest {
    @TempDir
    Path tmp;

    PolicyFolder policy;

    @BeforeEach
    void copyTheSmallPolicy() {
        policy = PolicyFolder.tinyPolicyIn(tmp);
    }

    private void ranks(String lines) {
        policy.write("policy.properties", policy.read("policy.properties") + "\n" + lines + "\n");
    }

    @Test
    void aRankingOfCodesThePolicyKnowsPasses() {
        ranks("next.rank.LET_THEM_FINISH@VENTING=880\nnext.default.caution=350");
        Run r = sereno("check", "--replace", policy.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void nonsenseIsRejectedWithTheKeyAndWhatWasExpected() {
        ranks("next.rank.LET_THEM_FINISH=soon\nnext.rank.LET_THEM_FINSH=500");
        Run r = sereno("check", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(
                "policy.properties: next.rank.LET_THEM_FINISH: \"soon\" is not a rank: expected a whole number from 0 "
                        + "(never in next) to 1000 (first)");
        ranks("next.rank.LET_THEM_FINSH=500");
        policy.write("policy.properties", policy.read("policy.properties").replace("next.rank.LET_THEM_FINISH=soon\n", ""));
        Run typo = sereno("check", "--replace", policy.toString());
        assertThat(typo.code()).isEqualTo(1);
        assertThat(typo.err()).contains("policy.properties: next.rank.LET_THEM_FINSH: no message of this policy names "
                + "the code LET_THEM_FINSH (its .now, .why, .say or .what text); is it misspelt?");
    }
}
