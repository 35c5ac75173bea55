package dev.sereno.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.policy.NextRanking.Kind;
import dev.sereno.situation.Stage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The next.* keys of policy.properties: ranks, ranks by stage, covers, defaults; and nonsense rejected. */
class NextRankingTest {

    @Test
    void ranksByCodeByStageAndByKind() {
        NextRanking r = PolicyParameters.read("""
                next.rank.OFFER_PROOF_AND_VERIFY=820
                next.rank.PARAPHRASE@LISTENING=500
                next.default.recommendation=150
                next.covers.LET_THEM_FINISH=FULL_ATTENTION, FOCUS_ON_THE_NEED
                """).nextRanking();
        assertThat(r.rank("OFFER_PROOF_AND_VERIFY", Kind.RECOMMENDATION, Stage.LISTENING)).isEqualTo(820);
        assertThat(r.rank("PARAPHRASE", Kind.RECOMMENDATION, Stage.LISTENING)).isEqualTo(500);
        assertThat(r.rank("PARAPHRASE", Kind.RECOMMENDATION, Stage.RESOLVING)).isEqualTo(150);
        assertThat(r.rank("CALLS_CUSTOMER_LIAR", Kind.BLOCKING, Stage.LISTENING)).isEqualTo(900);
        assertThat(r.covered("FULL_ATTENTION", Set.of("LET_THEM_FINISH", "FULL_ATTENTION"))).isTrue();
        assertThat(r.covered("FULL_ATTENTION", Set.of("FULL_ATTENTION"))).isFalse();
        assertThat(r.codesNamed()).containsOnlyKeys("OFFER_PROOF_AND_VERIFY", "PARAPHRASE", "LET_THEM_FINISH",
                "FULL_ATTENTION", "FOCUS_ON_THE_NEED");
    }

    @Test
    void withoutNextKeysEveryItemTakesItsKindsDefault() {
        NextRanking r = PolicyParameters.defaults().nextRanking();
        assertThat(r).isEqualTo(NextRanking.defaults());
        assertThat(r.rank("ANY", Kind.ESCALATION, Stage.OPENING)).isEqualTo(600);
    }

    @Test
    void nonsenseIsRejectedNamingTheKeyAndWhatWasExpected() {
        assertThatThrownBy(() -> PolicyParameters.read("""
                next.rank.calls_customer_liar=900
                next.rank.PARAPHRASE=high
                next.rank.PARAPHRASE@LISTEN=500
                next.rank.STAY_CALM=1001
                next.covers.LET_THEM_FINISH=LET_THEM_FINISH
                next.default.review=10
                next.order=PARAPHRASE
                """))
                .isInstanceOf(InvalidPolicyParametersException.class)
                .satisfies(e -> assertThat(((InvalidPolicyParametersException) e).problems()).extracting(Object::toString)
                        .containsExactlyInAnyOrder(
                                "policy.properties: next.rank.calls_customer_liar: \"calls_customer_liar\" is not a code: "
                                        + "codes are upper case with underscores, such as CALLS_CUSTOMER_LIAR",
                                "policy.properties: next.rank.PARAPHRASE: \"high\" is not a rank: expected a whole number "
                                        + "from 0 (never in next) to 1000 (first)",
                                "policy.properties: next.rank.PARAPHRASE@LISTEN: \"LISTEN\" is not a stage; stages are "
                                        + "OPENING, VENTING, LISTENING, RESOLVING, CLOSING, RESOLVED, REJECTED",
                                "policy.properties: next.rank.STAY_CALM: \"1001\" is not a rank: expected a whole number "
                                        + "from 0 (never in next) to 1000 (first)",
                                "policy.properties: next.covers.LET_THEM_FINISH: a code cannot cover itself",
                                "policy.properties: next.default.review: unknown kind of item; the kinds are blocking, "
                                        + "caution, escalation, recommendation, follow-up",
                                "policy.properties: next.order: unknown key; the keys about next are next.rank.CODE, "
                                        + "next.rank.CODE@STAGE, next.covers.CODE, "
                                        + "next.default.{blocking|caution|escalation|recommendation|follow-up}"));
    }
}
