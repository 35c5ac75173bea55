package dev.sereno.cli;

import dev.sereno.text.DraftLanguage;
import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Situation;
import dev.sereno.json.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Advice for one situation (JSON, contract v1), or for many with --jsonl.",
                "Exit 0: advice printed. 2: the input is invalid (one line per problem on stderr).",
                "3: with --jsonl, some lines were rejected (their errors are in the output). 1: the run failed.",
                "4: with --jsonl, the output was closed before every line was answered (e.g. piped into head)."})
final class AdviseCommand implements Callable<Integer> {
    enum Format { json, text }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The situation as JSON, or - to read standard input.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json (default) or text, for a person to read.")
    Format format = Format.json;

    @Option(names = "--jsonl", description = "One situation per input line; one result per output line, in order.")
    boolean jsonl;

    @Option(names = "--explain", description = "With --format text: for each item, the rule that gave it, "
            + "where it is written and the conditions that held.")
    boolean explain;

    @Option(names = "--max-line", paramLabel = "BYTES",
            description = "With --jsonl, the longest line read (default ${DEFAULT-VALUE}); a longer one is answered in"
                    + " place as rejected, without being held in memory.")
    int maxLine = JsonLinesRunner.DEFAULT_MAX_LINE_BYTES;

    @Option(names = "--debug", description = "Print stack traces of failures that are not bad input.")
    boolean debug;

    @Option(names = "--deadline", paramLabel = "MILLIS",
            description = "Stop a call whose rules run longer than this, as a failure of the rule (default 0: no limit).")
    long deadlineMillis;

    @picocli.CommandLine.Mixin
    PolicyChoice policy;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            policy.deadline = PolicyChoice.deadline(deadlineMillis);
            return advise();
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (RulesInvalidException e) {
            e.problems().forEach(err::println);
            return Main.FAILED;
        }
    }

    private int advise() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (explain && (jsonl || format != Format.text)) {
            err.println("--explain goes with --format text: the JSON advice already names the rule of every item");
            return Main.BAD_INPUT;
        }
        if (jsonl) {
            if (format != Format.json) {
                err.println("--jsonl writes JSON only; leave out --format");
                return Main.BAD_INPUT;
            }
            if (maxLine < 1) {
                err.println("--max-line must be at least 1 byte, was " + maxLine);
                return Main.BAD_INPUT;
            }
            try (InputStream in = open(); Advisor advisor = policy.advisor()) {
                JsonLinesRunner runner = new JsonLinesRunner(advisor, maxLine);
                if (out instanceof Main.ByteWriter stdout) {
                    out.flush();
                    return runner.run(in, stdout.bytes, inputName());
                }
                return runner.run(in, out, inputName());
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                return Main.BAD_INPUT;
            } catch (JsonLinesRunner.NotUtf8Exception e) {
                err.println(e.getMessage());
                return Main.BAD_INPUT;
            } catch (JsonLinesRunner.OutputClosedException e) {
                err.println("sereno: the output was closed after " + e.written
                        + " answers (its reader went away); stopped without reading the rest");
                return Main.OUTPUT_CLOSED;
            }
        }
        // Loading the policy takes most of a cold start; it runs on a second thread while the input is read and
        // parsed here, so on a machine with two cores the two overlap.
        PolicyLoading loading = PolicyLoading.start(policy);
        Situation situation = null;
        try {
            try (InputStream in = open()) {
                String text = readAll(in);
                situation = new SituationJson().read(text == null ? oversize() : text);
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                return Main.BAD_INPUT;
            } catch (InvalidSituationException e) {
                for (Problem p : e.problems()) {
                    err.println(p);
                }
                return Main.BAD_INPUT;
            }
        } finally {
            if (situation == null) {
                loading.abandon(); // bad input, or reading it failed: close the Advisor once it is built
            }
        }
        try (Advisor advisor = loading.advisor()) {
            dev.sereno.engine.internal.StartTimes.mark("advisor ready");
            Advice advice = advisor.advise(situation);
            out.println(format == Format.text ? TextReport.render(advice, situation)
                    : new AdviceJson().write(advice));
            if (format == Format.text) {
                Situation s = situation;
                DraftLanguage.otherThan(s.locale(), s.draftReply())
                        .ifPresent(other -> out.println(DraftLanguage.note(s.locale(), other)));
            }
            if (explain) {
                out.println();
                out.println(Explaining.render(advice, RuleLocations.of(policy.rules, policy.replace), situation.locale()));
            }
            out.flush();
            dev.sereno.engine.internal.StartTimes.mark("advice printed");
        }
        return Main.OK;
    }

    private InputStream open() throws IOException {
        return "-".equals(file) ? System.in : Files.newInputStream(Path.of(file));
    }

    private String inputName() {
        return "-".equals(file) ? "standard input" : file;
    }

    private long size = -1;

    /**
     * The input as text, or null when it is larger than a situation may be (its real size is then in {@link #size}).
     * Never holds more than the limit: past it the rest is counted, not kept.
     *
     * @throws InvalidSituationException when the input is not UTF-8
     */
    private String readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(SituationJson.MAX_DOCUMENT + 1);
        if (bytes.length > SituationJson.MAX_DOCUMENT) {
            long rest = 0;
            byte[] skip = new byte[1 << 16];
            int n;
            while ((n = in.read(skip)) >= 0) {
                rest += n;
            }
            size = bytes.length + rest;
            return null;
        }
        return Utf8.decode(bytes, inputName());
    }

    private String oversize() {
        throw new InvalidSituationException(List.of(new Problem("", inputName() + " is " + size + " bytes; a situation"
                + " is at most " + SituationJson.MAX_DOCUMENT + " bytes (for many situations, one per line, use --jsonl)")));
    }
}
