package dev.sereno.cli;

import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sereno test}: the bundled policy passes its own scenarios with every rule covered, and a broken scenario
 * fails the run saying why.
 */
class TestCommandTest {
    private static final String SITUATION = """
              now: 2026-11-23T10:00:00Z
              locale: en
              customer: {id: C-1}
              agent: {id: A-7}
            """;

    @TempDir
    Path tmp;

    PolicyFolder policy;

    @BeforeEach
    void copyTheSmallPolicy() {
        policy = PolicyFolder.tinyPolicyIn(tmp);
    }

    /** The bundled policy's scenarios: run by CI so that a rule change that breaks one fails the build. */
    @Test
    void theBundledPolicyPassesItsScenariosAndEveryRuleFiresAndStaysQuiet() {
        Run r = sereno("test");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).doesNotContain("FAIL").contains("never fired: 0, never stayed quiet: 0")
                .containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void aFolderWhoseScenariosPassPrintsItsCoverage() {
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsSubsequence(
                "PASS  Calling the customer a liar is blocked",
                "PASS  A negated accusation is not one",
                "rule                             fired   quiet",
                "Let a venting customer finish        1       1",
                "Never call the customer a liar       1       1",
                "rules: 2, never fired: 0, never stayed quiet: 0",
                "2 passed, 0 failed");
    }

    @Test
    void aScenarioExpectingGuidanceTheAdviceLacksFails() {
        policy.replace("scenarios/liar.yaml", "present: [G18]\n  absent: [G01]", "present: [G18, G01]");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsSubsequence(
                "FAIL  Calling the customer a liar is blocked  (scenarios/liar.yaml)",
                "        expected but missing: G01",
                "        rules fired: Never call the customer a liar",
                "1 passed, 1 failed");
    }

    @Test
    void aScenarioSavedWithAByteOrderMarkIsRead() {
        policy.write("scenarios/not-saying.json", "\uFEFF" + policy.read("scenarios/not-saying.json"));
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).as(r.out()).isZero();
    }

    @Test
    void aScenarioExpectingAbsentGuidanceThatIsPresentFails() {
        policy.replace("scenarios/not-saying.json", "I'm not saying you're lying", "You're lying");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  A negated accusation is not one  (scenarios/not-saying.json)",
                "        present but expected absent: G18");
    }

    @Test
    void anUnreadableScenarioFileFailsWithItsPosition() {
        policy.write("scenarios/broken.yaml", "name: Half written\nsituation:\n  now: [2026\nexpect: {present: [G18]}\n")
                .write("scenarios/broken.json", "{\"name\": \"Half written\",\n \"situation\": {}\n \"expect\": {}}")
                .writeBytes("scenarios/latin1.yaml", "name: Se\u00f1al\n".getBytes(StandardCharsets.ISO_8859_1));
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(
                "FAIL  scenarios/broken.json\n        scenarios/broken.json:3:2: not valid JSON: Unexpected character",
                "FAIL  scenarios/broken.yaml\n        scenarios/broken.yaml:4:",
                "not valid YAML",
                "FAIL  scenarios/latin1.yaml\n        scenarios/latin1.yaml: is not UTF-8 text; save it as UTF-8",
                "2 passed, 3 failed");
    }

    @Test
    void aScenarioWithAnInvalidSituationNamesTheField() {
        policy.write("scenarios/rage.yaml", "name: An emotion that does not exist\nsituation:\n" + SITUATION
                + "  complaint: {id: K-1, emotion: RAGE}\nexpect: {present: [G18]}\n");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  An emotion that does not exist  (scenarios/rage.yaml)\n"
                + "        scenarios/rage.yaml: situation.complaint.emotion: \"RAGE\" is not one of CALM, UPSET, ANGRY, FURIOUS");
    }

    @Test
    void aScenarioThatCannotFailIsRejected() {
        policy.write("scenarios/typo.yaml", "name: A typo in an id\nsituation:\n" + SITUATION
                        + "  complaint: {id: K-1}\nexpect: {absent: [G81]}\n")
                .write("scenarios/empty.yaml", "name: Expects nothing\nsituation:\n" + SITUATION
                        + "  complaint: {id: K-1}\nexpect: {present: [], absent: []}\n");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(
                "FAIL  A typo in an id  (scenarios/typo.yaml)\n        expect: G81 is cited by no rule of this policy",
                "scenarios/empty.yaml: expect: lists no guidance id and nothing else to check");
    }

    @Test
    void anInvalidPolicyRunsNoScenario() {
        policy.replace("anger.drl", "Complaint( stillVenting )", "Complaint( stilVenting )");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("PASS", "FAIL");
        assertThat(r.err()).contains("anger.drl:14:16: Complaint has no field \"stilVenting\"",
                "1 problem in the policy: no scenario was run");
    }

    @Test
    void aMissingFolderIsBadInput() {
        Run r = sereno("test", "--replace", tmp.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(tmp.resolve("nowhere") + ": no such folder");
    }

    @Test
    void aFolderWithoutScenariosFails() {
        assertThat(policy.dir.resolve("scenarios/liar.yaml").toFile().delete()).isTrue();
        assertThat(policy.dir.resolve("scenarios/not-saying.json").toFile().delete()).isTrue();
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(policy + " has no scenarios: add scenarios/*.yaml or *.json files");
    }

    /** An organisation adds one rule of its own, with its scenario, on top of the default policy. */
    @Test
    void extendAddsAFoldersRuleAndScenarioToTheBundledOnes() {
        PolicyFolder extension = PolicyFolder.tinyPolicyIn(tmp.resolve("ext"));
        extension.write("anger.drl", """
                package dev.sereno.rules;

                import dev.sereno.situation.Channel;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Recommend;

                rule "On social media, answer in person and take the conversation private"
                    @guidance("G33")
                when
                    Complaint( channel == Channel.SOCIAL, stage not in (Stage.RESOLVED, Stage.REJECTED) )
                then
                    insert(new Recommend("TAKE_IT_PRIVATE", Stage.OPENING));
                end
                """)
                .write("messages/en.properties", "TAKE_IT_PRIVATE.why=Answer in public once, then continue in private.\n")
                .write("scenarios/liar.yaml", """
                        name: A public complaint on social media is taken private
                        situation:
                          now: 2026-11-23T10:00:00Z
                          locale: en
                          customer: {id: C-1}
                          agent: {id: A-7}
                          complaint: {id: K-1, channel: SOCIAL, stage: OPENING}
                        expect:
                          present: [G33]
                        """);
        assertThat(extension.dir.resolve("scenarios/not-saying.json").toFile().delete()).isTrue();

        Run r = sereno("test", "--extend", extension.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("PASS  A public complaint on social media is taken private\n")
                .contains("PASS  Calling the customer a liar is blocked (en)")
                .containsPattern("On social media, answer in person and take the conversation private +1 +\\d+\\n")
                .contains("never fired: 0, never stayed quiet: 0")
                .containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    private static final String CALL_BACK_RULE = """
            package dev.sereno.rules;

            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Situation;
            import dev.sereno.policy.PolicyParameters;
            import dev.sereno.policy.Schedule;

            rule "Call back within the verification deadline"
                @guidance("G20")
            when
                Situation( $now : now )
                PolicyParameters( $within : verificationCallbackWithin )
                Complaint( claim != null )
            then
                insert(new Schedule("CALL_BACK_AFTER_VERIFYING", $now.plus($within), $within));
            end
            """;

    private static final String CALL_BACK_SCENARIO = "name: A claim gets a call back within two hours\nsituation:\n"
            + SITUATION + "  complaint: {id: K-1, claim: It never came}\n"
            + "expect:\n  followUps: [{code: CALL_BACK_AFTER_VERIFYING, due: now+2h}]\n"
            + "  rules: {fired: [Call back within the verification deadline], quiet: [Never call the customer a liar]}\n";

    /** The owner's threshold is what the scenario pins down: changing it fails the scenario, showing both times. */
    @Test
    void aDueTimeRelativeToNowPinsAThreshold() {
        policy.write("callback.drl", CALL_BACK_RULE).write("scenarios/callback.yaml", CALL_BACK_SCENARIO);
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();

        policy.replace("policy.properties", "verification.callback.within=PT2H", "verification.callback.within=PT1H");
        r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  A claim gets a call back within two hours  (scenarios/callback.yaml)\n"
                + "        followUps:\n"
                + "          expected  CALL_BACK_AFTER_VERIFYING  due 2026-11-23T12:00:00Z (now+2h)\n"
                + "          actual    CALL_BACK_AFTER_VERIFYING  due 2026-11-23T11:00:00Z (now+1h)\n");
    }

    /** A caution citing the same id would pass "present: [G18]"; "blocked" and the warning's severity tell them apart. */
    @Test
    void blockedAndAWarningsSeverityAndSpanAreChecked() {
        policy.write("scenarios/liar.yaml", policy.read("scenarios/liar.yaml")
                + "  blocked: true\n  warnings: [{code: CALLS_CUSTOMER_LIAR, severity: BLOCKING, span: You're lying}]\n");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();

        policy.replace("anger.drl", "Severity.BLOCKING, $f", "Severity.CAUTION, $f");
        r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("""
                FAIL  Calling the customer a liar is blocked  (scenarios/liar.yaml)
                        blocked:
                          expected  true
                          actual    false
                        warnings:
                          expected  CALLS_CUSTOMER_LIAR  severity BLOCKING  span "You're lying"
                          actual    CALLS_CUSTOMER_LIAR  severity CAUTION  span "You're lying"
                        rules fired: Never call the customer a liar
                """);
    }

    @Test
    void codesExpectedAbsentAndRulesExpectedQuietFailWhenPresent() {
        policy.write("scenarios/liar.yaml", policy.read("scenarios/liar.yaml")
                + "  absentCodes: [CALLS_CUSTOMER_LIAR]\n  rules: {quiet: [Never call the customer a liar]}\n");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("""
                        absentCodes:
                          expected  no CALLS_CUSTOMER_LIAR
                          actual    CALLS_CUSTOMER_LIAR  severity BLOCKING  span "You're lying"  (in warnings)
                        rules quiet:
                          expected  "Never call the customer a liar" quiet
                          actual    "Never call the customer a liar" fired
                """);
    }

    @Test
    void aMisspeltCodeExpectedAbsentIsReportedSinceItCouldNeverFail() {
        policy.write("scenarios/not-saying.json", policy.read("scenarios/not-saying.json").replaceFirst(
                "\"expect\"\\s*:\\s*\\{", "\"expect\": {\"absentCodes\": [\"CALLS_CUSTOMER_LAIR\"], "));
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("expect.absentCodes: CALLS_CUSTOMER_LAIR (did you mean CALLS_CUSTOMER_LIAR?) is the "
                + "code of no message of this policy");
    }

    @Test
    void aMisspeltRuleNameIsReportedWithTheClosestName() {
        policy.write("scenarios/liar.yaml", policy.read("scenarios/liar.yaml")
                + "  rules: {fired: [Never call a customer a liar]}\n");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("expect.rules: \"Never call a customer a liar\" (did you mean \"Never call the "
                + "customer a liar\"?) is the name of no rule of this policy");
    }

    @Test
    void badAssertionsAreReportedWithWhatWasExpected() {
        policy.write("scenarios/bad.yaml", "name: Bad assertions\nsituation:\n" + SITUATION
                + "  complaint: {id: K-1}\nexpect:\n  blocked: yes please\n"
                + "  followUps: [{code: CALL_BACK, due: tomorrow}]\n  escalations: [{code: X, to: TEAM_LEAD}]\n"
                + "  warnings: [{code: X, colour: red}]\n");
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(
                "scenarios/bad.yaml: expect.blocked: expected true or false",
                "scenarios/bad.yaml: expect.followUps.due: \"tomorrow\" is not an instant such as 2026-11-23T12:00:00Z,"
                        + " or a time after the situation's now such as now+2h",
                "scenarios/bad.yaml: expect.escalations.to: \"TEAM_LEAD\" is not one of SUPERVISOR, MANAGER",
                "scenarios/bad.yaml: expect.warnings.colour: unknown field; expected one of code, severity, span");
    }

    @Test
    void jsonScenariosTakeTheSameAssertions() {
        policy.write("scenarios/not-saying.json", policy.read("scenarios/not-saying.json").replaceFirst(
                "\"expect\"\\s*:\\s*\\{", "\"expect\": {\"blocked\": false, \"absentCodes\": [\"CALLS_CUSTOMER_LIAR\"], "));
        Run r = sereno("test", "--replace", policy.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    /** A house threshold and a house id, declared in house.properties, used by a rule and set in policy.properties. */
    @Test
    void houseThresholdsAndIdsWorkWithoutJava() throws java.io.IOException {
        Path house = tmp.resolve("house");
        Path source = Path.of(java.util.Objects.requireNonNull(TestCommandTest.class.getResource("house-policy")).getPath());
        try (var files = java.nio.file.Files.walk(source)) {
            for (Path p : files.toList()) {
                java.nio.file.Files.copy(p, house.resolve(source.relativize(p).toString()));
            }
        }
        Run r = sereno("test", "--replace", house.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS  The fourth time goes to a supervisor",
                "PASS  The third time does not, with the threshold at 4");

        java.nio.file.Files.writeString(house.resolve("policy.properties"), "repeat-complaints.escalate-at=3\n");
        r = sereno("test", "--replace", house.toString());
        assertThat(r.out()).contains("FAIL  The third time does not, with the threshold at 4",
                "REPEAT_COMPLAINT  to SUPERVISOR  (in escalations)");
    }
}
