package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compiler errors come back at the line and column of the DRL the author wrote, whether the engine reported them
 * in the parser, without a position, or inside the Java it generated; the mistakes owners make most are found
 * before compiling and said with their fix.
 */
class CompileProblemsTest {
    // line 12: the condition; line 14: the consequence
    private static final String DRL = """
            package dev.sereno.rules;

            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.Recommend;
            import dev.sereno.policy.Warn;
            import dev.sereno.policy.Finding;

            rule "Let a venting customer finish"
                @guidance("G01")
            when
                Complaint( stillVenting )
            then
                insert(new Recommend("LET_THEM_FINISH", Stage.VENTING));
            end
            """;

    private static List<String> problems(String drl) {
        RulesInvalidException e = catchThrowableOfType(
                () -> Advisor.builder().rules(RuleSource.files(Map.of("anger.drl", drl))).build(), RulesInvalidException.class);
        assertThat(e).as("the policy is rejected").isNotNull();
        return e.problems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            misspelt keyword     | then                                     | thn                                      | anger.drl:13:1: "thn" is not a keyword: did you mean "then"?
            = for ==             | Complaint( stillVenting )                | Complaint( claim = "x" )                 | anger.drl:12:22: "=" sets a value, and a condition only compares: write "=="
            unknown field        | Complaint( stillVenting )                | Complaint( stilVenting )                 | anger.drl:12:16: Complaint has no field "stilVenting"; it has agentInterrupted, amount,
            unknown enum value   | Complaint( stillVenting )                | Complaint( stage == Stage.VENTIN )       | anger.drl:12:31: Stage.VENTIN does not exist; use one of Stage.OPENING, Stage.VENTING,
            unknown fact type    | Complaint( stillVenting )                | Complain( stillVenting )                 | anger.drl:12:5: Unable to find class: Complain
            wrong constructor    | new Recommend("LET_THEM_FINISH", Stage.VENTING) | new Recommend(Stage.VENTING, 42) | anger.drl:14:12: The constructor Recommend(Stage, int) is undefined
            unknown variable     | Stage.VENTING));                         | Stage.VENTING, $g));                     | anger.drl:14:60: $g is used but never bound: bind it in a condition above
            missing semicolon    | Stage.VENTING));                         | Stage.VENTING))                          | anger.drl:14:60: the statement is not finished: add ";" at the end of line 14
            """)
    void eachErrorIsReportedWhereTheAuthorMadeIt(String name, String from, String to, String expected) {
        assertThat(DRL).contains(from);
        String drl = from.equals("then") ? DRL.replace("\nthen\n", "\nthn\n") : DRL.replace(from, to);
        List<String> problems = problems(drl);
        assertThat(problems.get(0)).startsWith(expected);
        assertThat(String.join("\n", problems)).doesNotContain("stacktrace", "\tat ", ".java");
    }

    // the shape the bundled rules are written in: one Situation pattern, thresholds from the policy global
    // line 13: the condition; line 15: the consequence
    private static final String SITUATION_DRL = """
            package dev.sereno.rules;

            import dev.sereno.situation.Situation;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.PolicyParameters;
            import dev.sereno.policy.Recommend;

            global PolicyParameters policy;

            rule "Let a venting customer finish"
                @guidance("G01")
            when
                Situation( complaint.stillVenting, complaint.raisedBefore < policy.contactsBeforeIgnored )
            then
                insert(new Recommend("LET_THEM_FINISH", Stage.VENTING, policy.pauseLength()));
            end
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            unknown field on a path| complaint.stillVenting,              | complaint.stilVenting,                | anger.drl:13:26: Complaint has no field "stilVenting"; it has agentInterrupted, amount,
            unknown threshold      | policy.contactsBeforeIgnored )       | policy.contactsBeforeIgnore )         | anger.drl:13:72: PolicyParameters has no field "contactsBeforeIgnore"; it has
            text for a number      | policy.contactsBeforeIgnored )       | "three" )                             | anger.drl:13:65: complaint.raisedBefore is a number; "three" is text: compare it with a number (complaint.raisedBefore >= 3) or a threshold of the policy
            = for ==               | complaint.stillVenting,              | complaint.claim = "x",                | anger.drl:13:32: "=" sets a value, and a condition only compares: write "=="
            text for a yes or no   | complaint.stillVenting,              | complaint.stillVenting == "yes",      | anger.drl:13:42: complaint.stillVenting is yes or no; "yes" is text: write the field alone
            another global         | global PolicyParameters policy;      | global java.util.List policy;         | anger.drl:8:1: "global java.util.List policy" is not allowed: the only global a policy may declare is "global PolicyParameters policy;"
            another global's name  | global PolicyParameters policy;      | global PolicyParameters params;       | anger.drl:8:1: "global PolicyParameters params" is not allowed
            """)
    void theSituationShapeIsCheckedToo(String name, String from, String to, String expected) {
        assertThat(SITUATION_DRL).contains(from);
        List<String> problems = problems(SITUATION_DRL.replace(from, to));
        assertThat(problems.get(0)).startsWith(expected);
        assertThat(String.join("\n", problems)).doesNotContain("stacktrace", "\tat ", ".java");
    }

    @org.junit.jupiter.api.Test
    void theSituationShapeCompilesAndReadsTheFoldersThresholds() {
        String properties = "contacts-before-ignored=3\npause.length=PT25M\n";
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("anger.drl", SITUATION_DRL,
                "policy.properties", properties))).build()) {
            dev.sereno.situation.Situation venting = dev.sereno.situation.Situation.builder()
                    .now(java.time.Instant.parse("2026-11-23T10:00:00Z"))
                    .customer(dev.sereno.situation.Customer.of("C-1")).agent(dev.sereno.situation.Agent.of("A-7"))
                    .complaint(dev.sereno.situation.Complaint.builder("K-1").stillVenting(true).raisedBefore(2).build())
                    .build();
            assertThat(advisor.explain(venting).rulesFired()).containsExactly("Let a venting customer finish");
            dev.sereno.situation.Situation raisedThrice = venting.toBuilder()
                    .complaint(venting.complaint().toBuilder().raisedBefore(3).build()).build();
            assertThat(advisor.explain(raisedThrice).rulesFired()).isEmpty();
        }
    }
}
