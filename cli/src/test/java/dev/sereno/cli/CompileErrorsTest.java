package dev.sereno.cli;

import static dev.sereno.cli.CliTest.sereno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.cli.CliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes a policy owner makes, each made in a copy of a real bundled rule file, reported where they are with
 * the fix, in English and in Spanish, never in the compiler's words (generated classes, "null", Java operators).
 */
class CompileErrorsTest {
    /** A copy of the bundled protect-and-learn.drl, kept as it was so that changes to the policy do not move the lines. */
    private static final String BUNDLED = "protect-and-learn.drl";

    @TempDir
    Path tmp;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("text compared with a number", "cause == Cause.IGNORED_COMPLAINT || raisedBefore >= $ignoredAfter",
                        "claim >= 3",
                        "protect-and-learn.drl:22:25: claim is text; 3 is a number: compare it with text in quotes",
                        "protect-and-learn.drl:22:25: claim es un texto; 3 es un número"),
                Arguments.of("a number compared with text", "raisedBefore >= $ignoredAfter", "raisedBefore >= \"three\"",
                        "protect-and-learn.drl:22:68: raisedBefore is a number; \"three\" is text: compare it with a number",
                        "protect-and-learn.drl:22:68: raisedBefore es un número; \"three\" es un texto"),
                Arguments.of("a constant written as text", "Complaint( cause == Cause.MISTREATMENT )",
                        "Complaint( channel == \"SOCIAL\" )",
                        "protect-and-learn.drl:48:27: channel is a Channel (PHONE, EMAIL, CHAT, IN_PERSON, SOCIAL), not "
                                + "text: write Channel.SOCIAL without quotes",
                        "protect-and-learn.drl:48:27: channel es un Channel (PHONE, EMAIL, CHAT, IN_PERSON, SOCIAL), no un "
                                + "texto: escriba Channel.SOCIAL sin comillas"),
                Arguments.of("a number compared with a stage", "raisedBefore >= $ignoredAfter", "raisedBefore >= Stage.RESOLVED",
                        "protect-and-learn.drl:22:68: raisedBefore is a number; Stage.RESOLVED is a Stage",
                        "protect-and-learn.drl:22:68: raisedBefore es un número; Stage.RESOLVED es un Stage"),
                Arguments.of("an unknown constant in a condition", "cause == Cause.MISTREATMENT", "cause == Cause.RUDENESS",
                        "protect-and-learn.drl:48:31: Cause.RUDENESS does not exist; use one of Cause.PRODUCT_DEFECT, "
                                + "Cause.SERVICE_QUALITY, Cause.MISTREATMENT, Cause.IGNORED_COMPLAINT, Cause.OTHER",
                        "protect-and-learn.drl:48:31: Cause.RUDENESS no existe; use uno de Cause.PRODUCT_DEFECT"),
                Arguments.of("an unknown constant in a consequence", "insert(new RaisePriority(Priority.HIGH));\nend\n\nrule \"Mis",
                        "insert(new RaisePriority(Priority.CRITICAL));\nend\n\nrule \"Mis",
                        "protect-and-learn.drl:42:39: Priority.CRITICAL does not exist; use one of Priority.LOW, "
                                + "Priority.NORMAL, Priority.HIGH, Priority.URGENT",
                        "protect-and-learn.drl:42:39: Priority.CRITICAL no existe; use uno de Priority.LOW"),
                Arguments.of("a missing end", "insert(new RaisePriority(Priority.HIGH));\nend\n\nrule \"Mis",
                        "insert(new RaisePriority(Priority.HIGH));\n\nrule \"Mis",
                        "protect-and-learn.drl:36:1: rule \"An ignored complaint is the gravest cause\" has no \"end\": "
                                + "add \"end\" after line 42",
                        "protect-and-learn.drl:36:1: a la regla \"An ignored complaint is the gravest cause\" le falta "
                                + "\"end\": añada \"end\" después de la línea 42"),
                Arguments.of("a missing semicolon", "insert(new RaisePriority(Priority.HIGH));\nend\n\nrule \"Mis",
                        "insert(new RaisePriority(Priority.HIGH))\nend\n\nrule \"Mis",
                        "protect-and-learn.drl:42:45: the statement is not finished: add \";\" at the end of line 42",
                        "protect-and-learn.drl:42:45: la instrucción no está terminada: añada \";\" al final de la línea 42"),
                Arguments.of("a parenthesis left open in a condition", "Complaint( cause == Cause.MISTREATMENT )",
                        "Complaint( cause == Cause.MISTREATMENT",
                        "protect-and-learn.drl:48:14: this \"(\" is never closed: add \")\" at the end of line 48",
                        "protect-and-learn.drl:48:14: este \"(\" no se cierra nunca: añada \")\" al final de la línea 48"),
                Arguments.of("a parenthesis left open in a consequence", "insert(new RaisePriority(Priority.HIGH));\nend\n\nrule \"Mis",
                        "insert(new RaisePriority(Priority.HIGH);\nend\n\nrule \"Mis",
                        "protect-and-learn.drl:42:11: this \"(\" is never closed: add \")\" before the \";\" at the end of line 42",
                        "protect-and-learn.drl:42:11: este \"(\" no se cierra nunca: añada \")\" antes del \";\""),
                Arguments.of("a misspelt when", "when\n    Complaint( cause == Cause.MISTREATMENT )",
                        "wehn\n    Complaint( cause == Cause.MISTREATMENT )",
                        "protect-and-learn.drl:47:1: \"wehn\" is not a keyword: did you mean \"when\"?",
                        "protect-and-learn.drl:47:1: \"wehn\" no es una palabra clave: ¿quería decir \"when\"?"),
                Arguments.of("a misspelt then", "then\n    insert(new RaisePriority(Priority.HIGH));\nend\n\nrule \"Mis",
                        "them\n    insert(new RaisePriority(Priority.HIGH));\nend\n\nrule \"Mis",
                        "protect-and-learn.drl:41:1: \"them\" is not a keyword: did you mean \"then\"?",
                        "protect-and-learn.drl:41:1: \"them\" no es una palabra clave: ¿quería decir \"then\"?"),
                Arguments.of("a binding used before it is bound",
                        "    PolicyParameters( $ignoredAfter : contactsBeforeIgnored )\n"
                                + "    Complaint( cause == Cause.IGNORED_COMPLAINT || raisedBefore >= $ignoredAfter )\n"
                                + "then\n    insert(new RaisePriority",
                        "    Complaint( cause == Cause.IGNORED_COMPLAINT || raisedBefore >= $ignoredAfter )\n"
                                + "    PolicyParameters( $ignoredAfter : contactsBeforeIgnored )\n"
                                + "then\n    insert(new RaisePriority",
                        "protect-and-learn.drl:39:68: $ignoredAfter is used before it is bound (line 40): move the line "
                                + "that binds it above this one",
                        "protect-and-learn.drl:39:68: $ignoredAfter se usa antes de asignarse (línea 40)"),
                Arguments.of("a binding never bound", "insert(new Recommend(\"PAUSE_BEFORE_NEXT_CUSTOMER\", Stage.CLOSING, $pause));",
                        "insert(new Recommend(\"PAUSE_BEFORE_NEXT_CUSTOMER\", Stage.CLOSING, $pauze));",
                        "protect-and-learn.drl:64:71: $pauze is used but never bound: bind it in a condition above",
                        "protect-and-learn.drl:64:71: $pauze se usa pero no se asigna nunca"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedWhereItIsWithItsFix(String kind, String from, String to, String english, String spanish)
            throws IOException {
        String drl;
        try (var in = CompileErrorsTest.class.getResourceAsStream(BUNDLED)) {
            drl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(drl).as("the bundled rule this test breaks").contains(from);
        Path dir = Files.createDirectories(tmp.resolve("policy"));
        Files.writeString(dir.resolve("protect-and-learn.drl"), drl.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));

        Run en = sereno("check", "--replace", dir.toString());
        assertThat(en.code()).as(en.err()).isEqualTo(1);
        assertThat(en.err().lines().toList()).hasSize(2);
        assertThat(en.err().lines().findFirst().orElseThrow()).startsWith(english);
        assertThat(en.err()).doesNotContain("null", "PatternDSL", "Lambda", "dev.sereno.runtime", "\"%=\"");

        Run es = sereno("check", "--replace", "--lang", "es", dir.toString());
        assertThat(es.err().lines().findFirst().orElseThrow()).startsWith(spanish);
        assertThat(es.err()).endsWith("1 problema" + System.lineSeparator());
    }

    /** No false alarm: the bundled policy, which compiles and passes its scenarios, passes these checks too. */
    @Test
    void theBundledRulesThemselvesHaveNoneOfTheseMistakes() {
        Run r = sereno("check", "--replace", "../rules/src/main/resources/dev/sereno/rules");
        assertThat(r.code()).as(r.err()).isZero();
    }
}
