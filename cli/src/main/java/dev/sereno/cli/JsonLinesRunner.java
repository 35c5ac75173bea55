package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.ErrorsJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Advice for a stream of situations, one JSON document per line. Output line n answers input line n: the advice,
 * or {@code {"line": n, "errors": [...]}}. Lines are advised on all cores, with a bounded window of lines in flight,
 * so memory stays flat however long the input is. Output is buffered, and flushed whenever the input pauses, so a
 * program that writes a line to a pipe and waits for its answer gets it.
 */
final class JsonLinesRunner {
    private static final int WINDOW_PER_THREAD = 256;

    private final Advisor advisor;
    private final SituationJson reader = new SituationJson();
    private final AdviceJson writer = new AdviceJson();

    JsonLinesRunner(Advisor advisor) {
        this.advisor = advisor;
    }

    private record Result(String line, boolean rejected) {
    }

    int run(BufferedReader in, PrintWriter out) throws IOException, InterruptedException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sereno-jsonl");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Result>> window = new ArrayDeque<>();
        boolean anyRejected = false;
        try {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                long lineNo = ++n;
                String text = line;
                window.add(pool.submit(() -> advise(lineNo, text)));
                if (window.size() >= threads * WINDOW_PER_THREAD) {
                    anyRejected |= write(window.poll(), out);
                }
                if (!in.ready()) {
                    // no more input for now (a pipe whose writer waits for answers): answer everything read so far
                    // and flush it, instead of holding it until more lines arrive
                    anyRejected |= writeAll(window, out);
                    out.flush();
                }
            }
            anyRejected |= writeAll(window, out);
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException("the output could not be written");
        }
        return anyRejected ? Main.SOME_LINES_REJECTED : Main.OK;
    }

    /** Writes every answer in the window, in order; true if any line was rejected. */
    private static boolean writeAll(ArrayDeque<Future<Result>> window, PrintWriter out) throws InterruptedException {
        boolean anyRejected = false;
        while (!window.isEmpty()) {
            anyRejected |= write(window.poll(), out);
        }
        return anyRejected;
    }

    private static boolean write(Future<Result> f, PrintWriter out) throws InterruptedException {
        try {
            Result r = f.get();
            // not println: the CLI's writer flushes on println, a system call per line; the buffer is flushed when
            // the input pauses and at the end
            out.write(r.line());
            out.write('\n');
            return r.rejected();
        } catch (ExecutionException e) {
            throw new IllegalStateException(Failure.describe(e.getCause()), e.getCause());
        }
    }

    private Result advise(long lineNo, String text) {
        try {
            return new Result(writer.writeLine(advisor.advise(reader.read(text))), false);
        } catch (InvalidSituationException e) {
            return new Result(errors(lineNo, e.problems().stream().map(Problem::toString).toList()), true);
        } catch (RuleFailureException e) {
            return new Result(errors(lineNo, List.of("rule \"" + e.rule() + "\" failed: " + e.kind())), true);
        }
    }

    private static String errors(long lineNo, List<String> errors) {
        return ErrorsJson.ofLine(lineNo, errors);
    }
}
