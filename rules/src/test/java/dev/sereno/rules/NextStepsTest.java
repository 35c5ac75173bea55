package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.advice.Advice;
import dev.sereno.advice.NextStep;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.rules.support.BundledScenarios;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code next}, the three lines of what to do now, on the bundled scenarios: a blocking warning first (fix the draft
 * before anything else), then what the stage needs, then the rest; ranked by the next.* keys of policy.properties.
 */
class NextStepsTest {
    private static final Map<String, Situation> SCENARIOS = BundledScenarios.all();

    private static List<String> next(String scenario) {
        return DefaultPolicy.advise(SCENARIOS.get(scenario)).next().stream().map(NextStep::code).toList();
    }

    /** Each kind of blocking warning in the bundled scenarios comes first: the draft must not go out as it is. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            records-disagree/liar-accusation-es           | CALLS_CUSTOMER_LIAR
            records-disagree/liar-accusation-en           | CALLS_CUSTOMER_LIAR
            records-disagree/contradicting-the-customer   | CONTRADICTS_CUSTOMER
            seven-sins/showing-contempt                   | INSULTS_CUSTOMER
            propose-solutions/guarantee-beyond-authority  | GUARANTEE_BEYOND_AUTHORITY
            """)
    void aBlockingWarningComesFirst(String scenario, String first) {
        Advice a = DefaultPolicy.advise(SCENARIOS.get(scenario));
        assertThat(a.blocksDraft()).isTrue();
        assertThat(a.next().get(0).code()).isEqualTo(first);
        assertThat(a.next().get(0).item()).isEqualTo("warnings[0]");
        assertThat(a.warnings().get(0).blocking()).isTrue();
    }

    /** Then what the stage needs: let a venting customer finish, offer proof, go to the supervisor, keep promises… */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            let-anger-pass/opening-the-call                       | INVITE_THE_STORY
            let-anger-pass/customer-opens-by-venting              | LET_THEM_FINISH
            let-anger-pass/venting-customer                       | LET_THEM_FINISH
            let-anger-pass/interrupted-while-venting              | INTERRUPTED_VENTING_CUSTOMER
            records-disagree/records-contradict                   | OFFER_PROOF_AND_VERIFY, CALL_BACK_AFTER_VERIFYING
            listen-apologise-own-it/reason-unclear-while-listening| PARAPHRASE, ESTABLISH_THE_REASON
            listen-apologise-own-it/agent-caused-the-anger        | OWN_IT_BY_NAME
            propose-solutions/remedy-beyond-authority             | REMEDY_BEYOND_AUTHORITY
            propose-solutions/amount-over-the-limit               | AMOUNT_BEYOND_AUTHORITY
            propose-solutions/two-options-one-asked-for           | OFFER_FIRST, OFFER_TWO_OPTIONS
            promises-and-follow-up/still-furious-at-closing       | STILL_ANGRY_MANAGER_SUPPORT
            promises-and-follow-up/overdue-promise                | PROMISE_OVERDUE, NEXT_CONTACT_AFTER_BROKEN_PROMISE, OVERDUE_PROMISE_SUPPORT
            promises-and-follow-up/draft-promise-without-time     | COMMITMENT_WITHOUT_TIME
            promises-and-follow-up/draft-callback-too-late-while-verifying | OFFER_PROOF_AND_VERIFY, COMMITMENT_LATER_THAN_POLICY
            stay-calm/closing-before-confirming                   | CLOSES_BEFORE_CONFIRMING
            promises-and-follow-up/remedy-applied                 | CHECK_THE_REMEDY_WORKED, ASK_HOW_SATISFIED
            propose-solutions/claim-rejected                      | EXPLAIN_THE_DECISION
            """)
    void thenWhatTheStageNeeds(String scenario, String first) {
        List<String> expected = List.of(first.split(",\\s*"));
        assertThat(next(scenario)).startsWith(expected.toArray(new String[0]));
    }

    /** On every bundled scenario: at most three, each code once, each pointing at its full item, never G54. */
    @Test
    void onEveryScenarioNextIsShortPointsAtItsItemsAndLeavesReviewsOut() {
        assertThat(SCENARIOS).hasSizeGreaterThan(80);
        SCENARIOS.forEach((name, s) -> {
            Advice a = DefaultPolicy.advise(s);
            assertThat(a.next()).as(name).hasSizeBetween(1, 3);
            assertThat(a.next().stream().map(NextStep::code).distinct().count()).as(name).isEqualTo(a.next().size());
            for (NextStep n : a.next()) {
                assertThat(n.guidance()).as(name).isNotEmpty().doesNotContain("G54", "G16");
                assertThat(n.text()).as(name).isNotBlank().doesNotContain("{0}", "{1}", "{2}", "\n");
                assertThat(codeAt(a, n.item())).as(name + " " + n.item()).isEqualTo(n.code());
            }
            if (a.blocksDraft()) {
                assertThat(codeAt(a, a.next().get(0).item())).isEqualTo(a.warnings().get(0).code());
                assertThat(a.next().get(0).item()).as(name).startsWith("warnings[");
            }
        });
    }

    /** Generic advice a specific item covers leaves next: a venting customer is let finish, not "given attention". */
    @Test
    void genericAdviceCoveredByASpecificItemLeavesNext() {
        Advice a = DefaultPolicy.advise(SCENARIOS.get("let-anger-pass/venting-customer"));
        assertThat(a.recommendations()).extracting(r -> r.action()).contains("LET_THEM_FINISH");
        assertThat(a.next()).extracting(NextStep::code).doesNotContain("FULL_ATTENTION", "FOCUS_ON_THE_NEED", "STAY_CALM");
        Advice verify = DefaultPolicy.advise(SCENARIOS.get("records-disagree/records-contradict"));
        assertThat(verify.next()).extracting(NextStep::code).doesNotContain("INVESTIGATE_BEFORE_ANSWERING");
    }

    @Test
    void theTextIsTheCodesNowLineWithTheWordsOfTheDraft() {
        Advice a = DefaultPolicy.advise(SCENARIOS.get("records-disagree/liar-accusation-es"));
        Warning w = a.warnings().get(0);
        assertThat(a.next().get(0)).isEqualTo(new NextStep("CALLS_CUSTOMER_LIAR", "Quite «" + w.span() + "» antes de enviar.",
                List.of("G18"), "Never call the customer a liar", "warnings[0]"));
    }

    /** Ranking is policy: a policy owner who wants paraphrasing first while listening says so in policy.properties. */
    @Test
    void theRankingComesFromPolicyProperties() throws IOException {
        String own = Files.readString(Path.of("src/main/resources/dev/sereno/rules/policy.properties"));
        Situation s = SCENARIOS.get("records-disagree/records-contradict");
        assertThat(DefaultPolicy.advise(s).next().get(0).code()).isEqualTo("OFFER_PROOF_AND_VERIFY");
        try (Advisor custom = Advisor.builder()
                .parameters(PolicyParameters.read(own + "\nnext.rank.PARAPHRASE@LISTENING=990\n")).build()) {
            assertThat(custom.advise(s).next().get(0).code()).isEqualTo("PARAPHRASE");
        }
        try (Advisor quiet = Advisor.builder()
                .parameters(PolicyParameters.read(own + "\nnext.rank.OFFER_PROOF_AND_VERIFY=0\n")).build()) {
            assertThat(quiet.advise(s).next()).extracting(NextStep::code).doesNotContain("OFFER_PROOF_AND_VERIFY");
            assertThat(quiet.advise(s).recommendations()).extracting(r -> r.action()).contains("OFFER_PROOF_AND_VERIFY");
        }
    }

    @Test
    void aRankedCodeThePolicyDoesNotKnowIsRejected() {
        assertThatThrownBy(() -> Advisor.builder().parameters(PolicyParameters.read("next.rank.CALS_CUSTOMER_LIAR=950")).build())
                .isInstanceOf(RulesInvalidException.class)
                .satisfies(e -> assertThat(((RulesInvalidException) e).problems()).containsExactly(
                        "policy.properties: next.rank.CALS_CUSTOMER_LIAR: no message of this policy names the code "
                                + "CALS_CUSTOMER_LIAR (its .now, .why, .say or .what text); is it misspelt?"));
    }

    /** Every code a rule inserts that can be in next has its one line, in both languages. */
    @Test
    void everyCodeThatCanBeInNextHasItsNowLineInBothLanguages() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "new\\s+(Recommend|Warn|Escalate|Schedule)\\s*\\(\\s*(?:EscalationTarget\\.\\w+\\s*,\\s*)?\"([A-Z0-9_]+)\"")
                .matcher(RulebookConventionsTest.allDrl());
        java.util.Set<String> missing = new java.util.TreeSet<>();
        int codes = 0;
        while (m.find()) {
            codes++;
            for (dev.sereno.situation.Language l : dev.sereno.situation.Language.values()) {
                if (!DefaultPolicy.ADVISOR.policy().messages(l).has(m.group(2) + ".now")) {
                    missing.add(l.code() + ": " + m.group(2) + ".now");
                }
            }
        }
        assertThat(codes).isGreaterThan(60);
        assertThat(missing).isEmpty();
    }

    static String codeAt(Advice a, String item) {
        int open = item.indexOf('[');
        int i = Integer.parseInt(item.substring(open + 1, item.length() - 1));
        return switch (item.substring(0, open)) {
            case "warnings" -> a.warnings().get(i).code();
            case "recommendations" -> a.recommendations().get(i).action();
            case "escalations" -> a.escalations().get(i).code();
            case "followUps" -> a.followUps().get(i).code();
            default -> throw new AssertionError("next points at " + item);
        };
    }
}
