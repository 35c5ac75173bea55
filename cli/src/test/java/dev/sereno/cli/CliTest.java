package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as a new user meets it: exit codes, stdout and stderr. */
class CliTest {
    private static final Path EXAMPLE = Path.of("../examples/situations/contract-example.json");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run sereno(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyHelpLineAsWrittenFitsTheHelpWidth() {
        CommandLine main = Main.commandLine();
        assertThat(main.getSubcommands()).hasSizeGreaterThanOrEqualTo(8);
        int optionColumn = 2 + main.getCommandSpec().usageMessage().longOptionsMaxWidth() + 8;
        for (CommandLine command : main.getSubcommands().values()) {
            CommandSpec spec = command.getCommandSpec();
            assertThat(command.getUsageHelpWidth()).isEqualTo(Main.HELP_WIDTH);
            assertThat(spec.usageMessage().description()).allSatisfy(line ->
                    assertThat(line.length()).as(spec.name()).isLessThanOrEqualTo(Main.HELP_WIDTH));
            for (OptionSpec option : spec.options()) {
                // one string picocli wraps, or lines that fit beside the option names as written
                if (option.description().length > 1) {
                    assertThat(option.description()).as(spec.name() + " " + option.longestName()).allSatisfy(line ->
                            assertThat(line.length()).isLessThanOrEqualTo(Main.HELP_WIDTH - optionColumn));
                }
            }
        }
    }

    @Test
    void everyCommandIsSummedUpInOneSentence() {
        List<String> summaries = new java.util.ArrayList<>();
        for (String line : sereno("--help").out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1).toList()) {
            if (line.startsWith("    ") && !summaries.isEmpty()) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            } else {
                summaries.add(line.strip());
            }
        }
        assertThat(summaries).hasSizeGreaterThanOrEqualTo(8).allSatisfy(line -> assertThat(line).endsWith("."));
    }

    @Test
    void advisesOnTheContractExample() throws IOException {
        Run r = sereno("advise", EXAMPLE.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode advice = new ObjectMapper().readTree(r.out());
        assertThat(advice.get("complaint").asText()).isEqualTo("K-1");
        assertThat(advice.get("warnings").get(0).get("span").asText()).isEqualTo("Usted miente");
        assertThat(advice.get("warnings").get(0).get("guidance").get(0).asText()).isEqualTo("G18");
        assertThat(advice.get("recommendations").findValuesAsText("action")).contains("OFFER_PROOF_AND_VERIFY");
        assertThat(advice.get("followUps").get(0).get("due").asText()).isEqualTo("2026-11-23T12:00:00Z");
    }

    // advise loads the policy on a second thread while it reads the input: what goes wrong there must come out
    // exactly as if it had been loaded first, and bad input must still be reported before a bad policy.

    @Test
    void aPolicyFolderIsUsedForOneSituation() throws IOException {
        PolicyFolder policy = PolicyFolder.tinyPolicyIn(tmp.resolve("p"));
        Path venting = tmp.resolve("venting.json");
        Files.writeString(venting, Files.readString(EXAMPLE).replace("\"stillVenting\": false", "\"stillVenting\": true"));
        Run r = sereno("advise", "--rules", policy.toString(), "--replace", venting.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"rule\": \"Let a venting customer finish\"")
                .doesNotContain("OFFER_PROOF_AND_VERIFY"); // a rule of the bundled policy only
    }

    @Test
    void aBrokenPolicyFolderFailsWithItsProblemWhereItIs() {
        PolicyFolder policy = PolicyFolder.tinyPolicyIn(tmp)
                .replace("anger.drl", "kind == \"CALLS_CUSTOMER_LIAR\"", "kind = \"CALLS_CUSTOMER_LIAR\"");
        Run r = sereno("advise", "--rules", policy.toString(), "--replace", EXAMPLE.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                "anger.drl:22:24: \"=\" sets a value, and a condition only compares: write \"==\"");
    }

    @Test
    void aMissingPolicyFolderIsBadInput() {
        Run r = sereno("advise", "--rules", tmp.resolve("nowhere").toString(), EXAMPLE.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(tmp.resolve("nowhere") + ": no such folder");
    }

    @Test
    void badInputIsReportedBeforeABrokenPolicy() throws IOException {
        PolicyFolder policy = PolicyFolder.tinyPolicyIn(tmp.resolve("p"))
                .replace("anger.drl", "kind == \"CALLS_CUSTOMER_LIAR\"", "kind = \"CALLS_CUSTOMER_LIAR\"");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(EXAMPLE).replace("\"emotion\": \"ANGRY\"", "\"emotion\": \"RAGE\""));
        Run r = sereno("advise", "--rules", policy.toString(), "--replace", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("complaint.emotion: \"RAGE\" is not one of");
    }

    @Test
    void textFormatIsForPeople() {
        Run r = sereno("advise", "--format", "text", EXAMPLE.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Queja K-1", "ANTES DE ENVIAR", "«Usted miente»", "(G18)", "SEGUIMIENTOS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong enum       | "emotion": "RAGE"          | complaint.emotion: "RAGE" is not one of CALM, UPSET, ANGRY, FURIOUS
            unknown field    | "emotoin": "ANGRY"         | complaint.emotoin: unknown field; expected one of
            negative amount  | "amount": -250             | complaint.amount: must be 0 or more, was -250
            unparseable time | "openedAt": "ayer"         | complaint.openedAt: expected an ISO-8601 instant
            """)
    void badInputExitsTwoWithOneLinePerProblemNamingTheField(String name, String field, String expected) throws IOException {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"},
                 "complaint": {"id": "K", %s}}""".formatted(field));
        Run r = sereno("advise", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString().startsWith(expected);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingIdAndMalformedJsonExitTwo() throws IOException {
        Path noId = tmp.resolve("no-id.json");
        Files.writeString(noId, """
                {"now": "2026-11-23T10:00:00Z", "customer": {"id": "C"}, "agent": {"id": "A"}, "complaint": {}}""");
        Run r = sereno("advise", noId.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("complaint.id: required");

        Path malformed = tmp.resolve("malformed.json");
        Files.writeString(malformed, "{\n  \"now\": \"2026-11-23T10:00:00Z\",\n  \"customer\": {\"id\": \"C\",}\n}");
        r = sereno("advise", malformed.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString().startsWith("malformed JSON at line 3, column");
    }

    @Test
    void aMissingFileOrUnknownOptionExitsTwo() {
        Run r = sereno("advise", tmp.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
        assertThat(sereno("advise", "--colour", EXAMPLE.toString()).code()).isEqualTo(2);
    }

    @Test
    void jsonLinesAnswersEveryLineInOrder() throws IOException {
        String good = Files.readString(EXAMPLE).replaceAll("\\s*\\n\\s*", " ");
        Path f = tmp.resolve("many.jsonl");
        Files.write(f, List.of(good, "{not json", good.replace("\"K-1\"", "\"K-2\""), "", good.replace("\"ANGRY\"", "\"RAGE\"")));
        Run r = sereno("advise", "--jsonl", f.toString());
        assertThat(r.code()).isEqualTo(3);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(lines.get(0)).get("complaint").asText()).isEqualTo("K-1");
        assertThat(m.readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
        assertThat(m.readTree(lines.get(1)).get("errors").get(0).asText()).startsWith("malformed JSON");
        assertThat(m.readTree(lines.get(2)).get("complaint").asText()).isEqualTo("K-2");
        assertThat(m.readTree(lines.get(3)).get("line").asInt()).isEqualTo(4);
        assertThat(m.readTree(lines.get(4)).get("errors").get(0).asText()).startsWith("complaint.emotion: \"RAGE\"");
    }

    /** A host that writes one situation to a pipe and waits for its answer before writing the next. */
    @Test
    @Timeout(30)
    void jsonLinesAnswersEachLineWhileTheNextHasNotBeenWritten() throws Exception {
        String good = Files.readString(EXAMPLE).replaceAll("\\s*\\n\\s*", " ");
        PipedOutputStream toSereno = new PipedOutputStream();
        InputStream stdin = System.in;
        System.setIn(new PipedInputStream(toSereno, 1 << 16));
        PipedWriter fromSereno = new PipedWriter();
        BufferedReader answers = new BufferedReader(new PipedReader(fromSereno, 1 << 16));
        ExecutorService run = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = run.submit(() -> Main.run(new PrintWriter(fromSereno, true),
                    new PrintWriter(new StringWriter()), "advise", "--jsonl", "-"));
            ObjectMapper m = new ObjectMapper();
            for (int k = 1; k <= 3; k++) {
                toSereno.write((good.replace("\"K-1\"", "\"K-" + k + "\"") + "\n").getBytes(StandardCharsets.UTF_8));
                toSereno.flush();
                // the answer comes although the input is still open and no further line was written
                assertThat(m.readTree(answers.readLine()).get("complaint").asText()).isEqualTo("K-" + k);
            }
            toSereno.close();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            System.setIn(stdin);
            run.shutdownNow();
        }
    }

    @Test
    void jsonLinesExitsZeroWhenEveryLineIsValid() throws IOException {
        String good = Files.readString(EXAMPLE).replaceAll("\\s*\\n\\s*", " ");
        Path f = tmp.resolve("ok.jsonl");
        Files.write(f, java.util.Collections.nCopies(300, good));
        Run r = sereno("advise", "--jsonl", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).hasSize(300).allSatisfy(l -> assertThat(l).startsWith("{\"complaint\":\"K-1\""));
    }

    @Test
    void demoShowsEveryBundledScene() {
        Run r = sereno("demo");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        for (String[] scene : DemoCommand.SCENES) {
            assertThat(r.out()).contains(scene[1]);
        }
        assertThat(r.out()).contains("«Usted miente»", "«That's not true»");
    }
}
