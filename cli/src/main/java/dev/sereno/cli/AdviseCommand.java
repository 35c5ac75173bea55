package dev.sereno.cli;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Situation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Advice for one situation (JSON, contract v1), or for many with --jsonl.",
                "Exit 0: advice printed. 2: the input is invalid (one line per problem on stderr).",
                "3: with --jsonl, some lines were rejected (their errors are in the output). 1: the run failed."})
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
        if (jsonl) {
            if (format != Format.json) {
                err.println("--jsonl writes JSON only; leave out --format");
                return Main.BAD_INPUT;
            }
            try (Reader in = open(); Advisor advisor = policy.advisor()) {
                return new JsonLinesRunner(advisor).run(new BufferedReader(in), out);
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                return Main.BAD_INPUT;
            }
        }
        // Loading the policy takes most of a cold start; it runs on a second thread while the input is read and
        // parsed here, so on a machine with two cores the two overlap.
        PolicyLoading loading = PolicyLoading.start(policy);
        Situation situation = null;
        try {
            String text;
            try (Reader in = open()) {
                text = readAll(in);
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                return Main.BAD_INPUT;
            }
            try {
                situation = new SituationJson().read(text);
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
            Advice advice = advisor.advise(situation);
            out.println(format == Format.text ? TextReport.render(advice, situation)
                    : new AdviceJson().write(advice));
            out.flush();
        }
        return Main.OK;
    }

    private Reader open() throws IOException {
        InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file));
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            sb.append(buf, 0, n);
            if (sb.length() > SituationJson.MAX_DOCUMENT) {
                break; // the reader reports the size problem; no need to read the rest
            }
        }
        return sb.toString();
    }
}
