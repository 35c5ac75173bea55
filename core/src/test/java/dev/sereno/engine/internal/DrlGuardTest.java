package dev.sereno.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The allow-list in front of the compiler: what it rejects, where it says so, and what it leaves alone. */
class DrlGuardTest {
    private static final String HEADER = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.Recommend;
            """;

    /** A rule on line 6 whose consequence (line 11) is {@code statement}, indented by four spaces. */
    private static String ruleDoing(String statement) {
        return HEADER + """

                rule "Let a venting customer finish"
                    @guidance("G01")
                when
                    Complaint( stillVenting )
                then
                    %s
                end
                """.formatted(statement);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.exit(1);                                      | a.drl:11:5: "System.exit" is not allowed
            Runtime.getRuntime().exec("calc");                   | a.drl:11:5: "Runtime" is not allowed
            new ProcessBuilder("sh").start();                    | a.drl:11:9: "ProcessBuilder" is not allowed
            Thread.sleep(1000);                                  | a.drl:11:5: "Thread" is not allowed
            java.nio.file.Files.delete(null);                    | a.drl:11:5: "java.nio" is not allowed
            Class.forName("x").newInstance();                    | a.drl:11:5: "Class.forName" is not allowed
            "x".getClass().getClassLoader();                     | a.drl:11:8: ".getClass(" is not allowed
            java.time.Instant.now();                             | a.drl:11:15: "Instant.now" is not allowed
            drools.halt();                                       | a.drl:11:5: "drools.halt" is not allowed
            double d = Math.random();                            | a.drl:11:16: "Math.random" is not allowed
            new java.util.Random(7).nextInt();                   | a.drl:11:19: "Random" is not allowed
            retract(null);                                       | a.drl:11:5: "retract(" is not allowed
            """)
    void forbiddenCallsInAConsequenceAreReportedWhereTheyAre(String statement, String expected) {
        assertThat(DrlGuard.check("a.drl", ruleDoing(statement))).first().asString().startsWith(expected);
    }

    @Test
    void forbiddenImportsAreReportedAtTheImportedName() {
        String drl = HEADER.replace("import dev.sereno.situation.Stage;\n",
                "import dev.sereno.situation.Stage;\nimport java.io.File;\nimport java.util.concurrent.Executors;\n")
                + ruleDoing("insert(new Recommend(\"X\", Stage.VENTING));").substring(HEADER.length());
        assertThat(DrlGuard.check("a.drl", drl)).containsExactly(
                "a.drl:4:8: import java.io.File is not allowed; rules may import from dev.sereno.situation, "
                        + "dev.sereno.policy, dev.sereno.advice, java.time, java.math and java.util",
                "a.drl:5:8: import java.util.concurrent.Executors is not allowed; rules may import from "
                        + "dev.sereno.situation, dev.sereno.policy, dev.sereno.advice, java.time, java.math and java.util");
    }

    @Test
    void wordsInCommentsAndStringsAreNotCode() {
        String drl = HEADER + """
                // System.exit and Runtime are forbidden; /* Thread */ too
                rule "Runtime check: never System.exit"
                    @guidance("G01")
                when
                    Complaint( claim == "Thread.sleep(1) and java.io" )
                then
                    /* retract(x) would be wrong */
                    insert(new Recommend("SYSTEM_EXIT", Stage.VENTING));
                end
                """;
        assertThat(DrlGuard.check("a.drl", drl)).isEmpty();
    }

    @Test
    void theBundledPolicysHelpersPass() {
        String drl = HEADER + """
                import java.util.List;
                function String joined(List<String> names) {
                    java.util.StringJoiner out = new java.util.StringJoiner("; ");
                    List<String> sorted = new java.util.ArrayList<>(names);
                    sorted.sort(java.util.Comparator.naturalOrder());
                    sorted.forEach(out::add);
                    return out.toString();
                }
                rule "Uses a helper"
                    @guidance("G27,G39")
                when
                    Complaint( $claim : claim != null, stage not in (Stage.CLOSING, Stage.RESOLVED) )
                then
                    insert(new Recommend("X", Stage.VENTING, joined(List.of($claim)), java.math.BigDecimal.ZERO));
                end
                """;
        assertThat(DrlGuard.check("a.drl", drl)).isEmpty();
    }

    @Test
    void everyRuleNamesItsGuidance() {
        String drl = HEADER + """
                rule "No guidance at all"
                when
                    Complaint()
                then
                end
                rule NoQuotes
                when
                    Complaint()
                then
                end
                rule "Empty guidance"
                    @guidance("")
                when
                    Complaint()
                then
                end
                rule "Not an id"
                    @guidance("G44", "Section 7")
                when
                    Complaint()
                then
                end
                rule "Unquoted ids"
                    @guidance(G44)
                when
                    Complaint()
                then
                end
                rule "Several ids"
                    @guidance("G44", "G45") @guidance("G27,G39")
                when
                    Complaint()
                then
                end
                """;
        assertThat(DrlGuard.check("a.drl", drl)).containsExactly(
                "a.drl:5:6: rule \"No guidance at all\" has no @guidance(\"Gnn\"): every rule names the guidance it encodes",
                "a.drl:10:6: rule NoQuotes has no @guidance(\"Gnn\"): every rule names the guidance it encodes",
                "a.drl:16:5: rule \"Empty guidance\" has an empty @guidance: name the guidance it encodes as @guidance(\"G18\")",
                "a.drl:22:23: rule \"Not an id\" cites \"Section 7\", which is not a guidance id such as G18",
                "a.drl:28:5: rule \"Unquoted ids\" has its @guidance ids without quotes: name the guidance it encodes as @guidance(\"G18\")");
    }

    @Test
    void aRuleCommentedOutIsNotChecked() {
        String drl = HEADER + """
                /*
                rule "Old wording, kept for reference"
                when
                    Complaint( stillVenting )
                then
                    System.exit(1);
                end
                */
                """;
        assertThat(DrlGuard.check("a.drl", drl)).isEmpty();
    }

    @Test
    void problemsComeInFileOrder() {
        List<String> problems = DrlGuard.check("a.drl", ruleDoing("System.exit(1); Thread.yield();")
                .replace("    @guidance(\"G01\")\n", ""));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("a.drl:6:6: rule");
        assertThat(problems.get(1)).startsWith("a.drl:10:5: \"System.exit\"");
        assertThat(problems.get(2)).startsWith("a.drl:10:21: \"Thread\"");
    }

    @Test
    void unicodeEscapesAreRefusedAnywhereEvenInComments() {
        String drl = ruleDoing("// harmless \\u000a System.exit(1);").replace("rule \"", "// \\u0041\nrule \"");
        assertThat(DrlGuard.check("a.drl", drl)).anySatisfy(p -> assertThat(p).startsWith("a.drl:6:4: \"\\u0041\" is not allowed"))
                .anySatisfy(p -> assertThat(p).startsWith("a.drl:12:17: \"\\u000a\" is not allowed"));
    }

    @Test
    void salienceIsRefused() {
        String drl = ruleDoing("insert(new Recommend(\"X\", Stage.VENTING));").replace("    @guidance(\"G01\")\n",
                "    @guidance(\"G01\")\n    salience 10\n");
        assertThat(DrlGuard.check("a.drl", drl)).singleElement().asString().startsWith("a.drl:8:5: \"salience\" is not allowed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            java.lang.String,             true
            java.lang.StringConcatHelper, false
            java.lang.StringBuilder,      true
            java.util.List,               true
            java.util.Formatter,          false
            java.util.logging.Logger,     false
            java.util.zip.ZipFile,        false
            java.util.concurrent.Future,  false
            java.time.Instant,            true
            java.lang.Mathx,              false
            """)
    void importsAreAllowedByWholeNameOrPackage(String name, boolean allowed) {
        assertThat(DrlGuard.allowedImport(name)).isEqualTo(allowed);
    }
}
