package dev.sereno.cli;

import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sereno check DIR} on a small valid policy broken in one place at a time: each problem is reported once, at
 * the line and column of the file the author wrote, and the exit code says whether the folder may be deployed.
 *
 * <p>anger.drl of the small policy: line 14 is {@code Complaint( stillVenting )}, line 16 the consequence
 * {@code insert(new Recommend("LET_THEM_FINISH", Stage.VENTING));}, line 22 {@code $f : Finding( kind == … )}.
 */
class CheckCommandTest {
    @TempDir
    Path tmp;

    PolicyFolder policy;

    @BeforeEach
    void copyTheSmallPolicy() {
        policy = PolicyFolder.tinyPolicyIn(tmp);
    }

    private Run check() {
        return sereno("check", "--replace", policy.toString());
    }

    /** Exit 1, and exactly this one problem on stderr, followed by the count. */
    private void reportsOnly(String problem) {
        Run r = check();
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(problem, "1 problem");
    }

    @Test
    void aCleanFolderPasses() {
        Run r = check();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(policy + ": ok, 2 rules, revision ");
    }

    /** Two rules served alone would take the bundled policy's advice away from agents: check says so. */
    @Test
    void aReplacementLackingMostBundledRulesIsWarnedAboutNamingTheDefault() {
        Run r = check();
        assertThat(r.code()).isZero();
        assertThat(r.err()).containsPattern("warning: .* has \\d of the bundled policy's \\d+ rules; with --replace "
                        + "agents get only the folder's rules and lose the other \\d+")
                .contains("leave out --replace (extending is the default; --extend says so explicitly)");
    }

    @Test
    void byDefaultAFolderIsCheckedOnTopOfTheBundledPolicy() {
        policy.write("anger.drl", policy.read("anger.drl").replace("Let a venting customer finish", "House: let them finish")
                .replace("Never call the customer a liar", "House: never call them liars"));
        Run r = sereno("check", policy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern(": ok, (8\\d|9\\d|1\\d\\d) rules");
        Run both = sereno("check", "--extend", "--replace", policy.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--extend and --replace contradict each other");
    }

    /**
     * A house suggestion that the policy's own draft reading would warn about, were the agent to say it: check names
     * the key and the words, and the folder still passes (it is the author's call, not a broken policy).
     */
    @Test
    void aSuggestionThePolicyWouldWarnAboutIsNamedWithItsWords() {
        policy.write("anger.drl", policy.read("anger.drl").replace("Let a venting customer finish", "House: let them finish")
                .replace("Never call the customer a liar", "House: never call them liars"));
        policy.write("messages/en.properties", policy.read("messages/en.properties")
                + "ASK_DONT_ASSUME_THE_CAUSE.say=As I already told you, tell me what went wrong.\n");
        Run r = sereno("check", policy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines()).containsExactly("warning: ASK_DONT_ASSUME_THE_CAUSE.say (en): the policy's own "
                + "suggested wording draws its warning BELITTLES_CUSTOMER at «As I already told you»; reword the "
                + "suggestion, or narrow the phrase or examples that find it");
    }

    @Test
    void aMissingFolderIsBadInput() {
        Run r = sereno("check", tmp.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(tmp.resolve("nowhere") + ": no such folder");
    }

    @Test
    void aSyntaxErrorIsReportedWhereTheParserStopped() {
        policy.replace("anger.drl", "kind == \"CALLS_CUSTOMER_LIAR\"", "kind = \"CALLS_CUSTOMER_LIAR\"");
        reportsOnly("anger.drl:22:24: \"=\" sets a value, and a condition only compares: write \"==\"");
    }

    @Test
    void aMisspeltKeywordIsReportedWithTheKeywordMeant() {
        policy.replace("anger.drl", "then\n    insert(new Recommend", "thn\n    insert(new Recommend");
        Run r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().findFirst()).hasValue(
                "anger.drl:15:1: \"thn\" is not a keyword: did you mean \"then\"?");
    }

    @Test
    void anUnknownFactFieldIsReportedWithTheFieldsTheFactHas() {
        policy.replace("anger.drl", "Complaint( stillVenting )", "Complaint( stilVenting )");
        reportsOnly("anger.drl:14:16: Complaint has no field \"stilVenting\"; it has agentInterrupted, amount, apologized, "
                + "blocksCustomerBusiness, cause, causeEstablished, causedByThisAgent, channel, claim, claimKind, "
                + "customerWords, emotion, id, openedAt, paraphrased, raisedBefore, requestedRemedy, stage, stillVenting");
    }

    @Test
    void aForbiddenImportIsReportedAtTheImportedName() {
        policy.replace("anger.drl", "import dev.sereno.policy.Warn;\n", "import dev.sereno.policy.Warn;\nimport java.io.File;\n");
        reportsOnly("anger.drl:10:8: import java.io.File is not allowed; rules may import from dev.sereno.situation, "
                + "dev.sereno.policy, dev.sereno.advice, java.time, java.math and java.util");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"System.exit(1);", "Runtime.getRuntime().exec(\"rm -rf /\");"})
    void aForbiddenCallInAConsequenceIsRejectedBeforeAnythingIsCompiled(String call) {
        policy.replace("anger.drl", "insert(new Recommend(\"LET_THEM_FINISH\", Stage.VENTING));", call);
        String expected = call.startsWith("System")
                ? "anger.drl:16:5: \"System.exit\" is not allowed: rules may not use System (exit, environment, properties, console, time)"
                : "anger.drl:16:5: \"Runtime\" is not allowed: rules may not start processes";
        reportsOnly(expected);
    }

    @Test
    void aCompileErrorInAConsequenceIsReportedAtTheExpressionNotInGeneratedJava() {
        policy.replace("anger.drl", "new Recommend(\"LET_THEM_FINISH\", Stage.VENTING)", "new Recommend(Stage.VENTING, 42)");
        reportsOnly("anger.drl:16:12: The constructor Recommend(Stage, int) is undefined");
    }

    @Test
    void aRuleWithoutGuidanceIsRejected() {
        policy.replace("anger.drl", "    @guidance(\"G01\")\n", "");
        reportsOnly("anger.drl:11:6: rule \"Let a venting customer finish\" has no @guidance(\"Gnn\"): "
                + "every rule names the guidance it encodes");
    }

    @Test
    void aBadPhraseLineIsReportedAtItsLine() {
        policy.replace("phrases/en.phrases", "you're lying\n", "you're lying\n* lying\n");
        reportsOnly("phrases/en.phrases:5: \"* lying\" starts with a wildcard or a gap; a phrase must start with a word, a <word> or a {CLASS}");
    }

    @Test
    void anUnknownPolicyParameterIsReportedByName() {
        policy.replace("policy.properties", "verification.callback.within=PT2H", "verification.callback.withn=PT2H");
        Run r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(2).first().asString()
                .startsWith("policy.properties: verification.callback.withn: unknown policy parameter; known ones are "
                        + "verification.callback.within, ");
    }

    @Test
    void aBadPolicyParameterValueSaysWhatWasExpected() {
        policy.replace("policy.properties", "verification.callback.within=PT2H", "verification.callback.within=2 hours");
        reportsOnly("policy.properties: verification.callback.within: \"2 hours\" is not an ISO-8601 duration of zero or "
                + "more such as PT2H or PT30M");
    }

    @Test
    void everyProblemOfAFolderIsReportedAtOnce() {
        policy.replace("phrases/en.phrases", "you're lying\n", "you're lying\n* lying\n")
                .replace("policy.properties", "within=PT2H", "withn=PT2H");
        Run r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("phrases/en.phrases:5:", "policy.properties: verification.callback.withn:", "2 problems");
    }

    @Test
    void theBundledPolicyFolderPasses() {
        Run r = sereno("check", "../rules/src/main/resources/dev/sereno/rules");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern(": ok, \\d+ rules, revision [0-9a-f]{12}");
    }

    /** What reaches the agent: texts of the codes rules insert, their placeholders, the phrase lists rules read. */
    @Test
    void whatTheAgentReadsIsCheckedAgainstWhatTheRulesInsert() {
        PolicyFolder house = PolicyFolder.tinyPolicyIn(tmp.resolve("house"));
        house.write("anger.drl", """
                package dev.sereno.rules;

                import dev.sereno.situation.Channel;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Finding;
                import dev.sereno.policy.Recommend;

                rule "House: public complaints go private"
                    @guidance("G33")
                when
                    Complaint( channel == Channel.SOCIAL )
                    Finding( kind == "TAKES_IT_PRIVAT" )
                then
                    insert(new Recommend("TAKE_IT_PRIVATE", Stage.OPENING));
                end
                """)
                .write("messages/en.properties", """
                        PAUSE_BEFORE_NEXT_CUSTOMR.why=Take a breath.
                        PAUSE_BEFORE_NEXT_CUSTOMER.wyh=Take a breath.
                        PAUSE_BEFORE_NEXT_CUSTOMER.say=Take {1} before the next one.
                        CALL_BACK_AFTER_VERIFYING.what=Call back within {0 with the result.
                        """)
                .write("phrases/en.phrases", "[CALLS_CUSTOMER_LIER]\nyou fibber\n");
        Run r = sereno("check", house.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(
                "warning: messages/en.properties:1: PAUSE_BEFORE_NEXT_CUSTOMR.why: no rule inserts PAUSE_BEFORE_NEXT_CUSTOMR;"
                        + " did you mean PAUSE_BEFORE_NEXT_CUSTOMER.why?",
                "warning: messages/en.properties:2: PAUSE_BEFORE_NEXT_CUSTOMER.wyh: \"wyh\" is not read; did you mean "
                        + "PAUSE_BEFORE_NEXT_CUSTOMER.why?",
                "warning: anger.drl:13:23: a rule reads the phrase list TAKES_IT_PRIVAT, which no phrases file defines",
                "warning: phrases/en.phrases:1:2: no rule reads the phrase list [CALLS_CUSTOMER_LIER]; did you mean "
                        + "CALLS_CUSTOMER_LIAR?",
                "anger.drl:15:12: TAKE_IT_PRIVATE (rule \"House: public complaints go private\") has no text in "
                        + "messages/en.properties: add TAKE_IT_PRIVATE.why=… or the agent sees the bare code",
                "anger.drl:15:12: TAKE_IT_PRIVATE (rule \"House: public complaints go private\") has no text in "
                        + "messages/es.properties",
                "messages/en.properties:4: CALL_BACK_AFTER_VERIFYING.what: \"{\" opens a placeholder that is not closed",
                "messages/en.properties:3: PAUSE_BEFORE_NEXT_CUSTOMER.say: {1} has no value: rule \"After a hard "
                        + "interaction, pause before the next customer\" ((bundled) protect-and-learn.drl:",
                "gives one value, {0}; the agent would read \"{1}\" as written",
                "4 problems in what the agent reads");
    }

    /** Every use of a house threshold or id is checked against house.properties, where it is. */
    @Test
    void aHouseThresholdOrIdThatIsNotDeclaredIsReportedWhereItIsUsed() {
        policy.write("house.properties", """
                parameter.repeat-complaints.escalate-at.type=count
                parameter.repeat-complaints.escalate-at.default=3
                parameter.repeat-complaints.escalate-at.meaning=Complaints raised this many times go to a supervisor
                guidance.H01.title=Repeat complaints go to a supervisor
                guidance.H01.text=Three complaints deserve someone with authority.
                """)
                .replace("anger.drl", "@guidance(\"G01\")\nwhen\n    Complaint( stillVenting )",
                        "@guidance(\"H02\")\nwhen\n    PolicyParameters( $at : count(\"repeat-complaint.escalate-at\") )\n"
                                + "    Complaint( stillVenting, raisedBefore >= $at )")
                .replace("anger.drl", "import dev.sereno.policy.Finding;", "import dev.sereno.policy.Finding;\n"
                        + "import dev.sereno.policy.PolicyParameters;");
        Run r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(
                "anger.drl:15:36: no house threshold \"repeat-complaint.escalate-at\" is declared in house.properties; "
                        + "did you mean \"repeat-complaints.escalate-at\"?",
                "anger.drl:13:16: the house id H02 is not declared in house.properties; declare guidance.H02.title and "
                        + "guidance.H02.text");
    }

    @Test
    void aHouseDeclarationWithoutItsTypeDefaultOrMeaningIsReported() {
        policy.write("house.properties", """
                parameter.repeat.escalate-at.type=counter
                parameter.repeat.escalate-at.default=3
                parameter.repeat.escalate-at.meaning=x
                parameter.pause.after.type=duration
                parameter.pause.after.default=2 hours
                parameter.pause.after.meaning=x
                guidance.H01.title=No text
                """);
        Run r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(
                "house.properties: parameter.repeat.escalate-at.type: \"counter\" is not a type; write count",
                "house.properties: parameter.pause.after.default: \"2 hours\" is not an ISO-8601 duration",
                "house.properties: guidance.H01.text: missing");
    }

    /** The compiler's own errors, once worded for an owner, read in Spanish too. */
    @Test
    void compilerErrorsReadInSpanishWithLangEs() {
        policy.replace("anger.drl", "Complaint( stillVenting )", "Complaint( stilVenting )");
        Run r = sereno("check", "--replace", "--lang", "es", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("anger.drl:14:16: Complaint no tiene el campo \"stilVenting\"; tiene agentInterrupted")
                .endsWith("1 problema" + System.lineSeparator());
        policy.replace("anger.drl", "Complaint( stilVenting )", "Complain( stillVenting )");
        r = sereno("check", "--replace", "--lang", "es", policy.toString());
        assertThat(r.err()).startsWith("anger.drl:14:5: no hay ningún hecho llamado Complain: revise el nombre y su import");
    }
}
