package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.ErrorsJson;
import dev.sereno.json.SituationJson;
import dev.sereno.json.Utf8;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Advice for a stream of situations, one JSON document per line. Output line n answers input line n: the advice,
 * or {@code {"line": n, "errors": [...]}}. Lines are advised on all cores, with a bounded window of lines in flight,
 * so memory stays flat however long the input is; a line longer than the limit is counted, never held, and answered
 * in place like any bad line. Output is buffered, and flushed whenever the input pauses, so a program that writes a
 * line to a pipe and waits for its answer gets it. When the output is closed (a reader such as {@code head} went
 * away) the run stops with {@link OutputClosedException}; the answers already written stay written.
 */
final class JsonLinesRunner {
    /** 1 MiB, as the service's body limit: a situation is a few KiB. */
    static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    private static final int WINDOW_PER_THREAD = 256;
    /** Lines written between two checks that the output is still open (each check flushes it). */
    private static final int CHECK_EVERY = 128;

    /** The output was closed before every line was answered. */
    static final class OutputClosedException extends IOException {
        final long written;

        OutputClosedException(long written) {
            super("the output was closed after " + written + " lines");
            this.written = written;
        }
    }

    /** The input is not UTF-8 at all (UTF-16 or UTF-32): no line of it could be read. */
    static final class NotUtf8Exception extends IOException {
        NotUtf8Exception(String message) {
            super(message);
        }
    }

    private final Advisor advisor;
    private final int maxLineBytes;
    private final SituationJson reader = new SituationJson();
    private final AdviceJson writer = new AdviceJson();
    private long written;

    JsonLinesRunner(Advisor advisor) {
        this(advisor, DEFAULT_MAX_LINE_BYTES);
    }

    JsonLinesRunner(Advisor advisor, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("the line limit must be at least 1 byte, was " + maxLineBytes);
        }
        this.advisor = advisor;
        this.maxLineBytes = maxLineBytes;
    }

    private record Result(String line, boolean rejected) {
    }

    /**
     * Answers every line of {@code input} on {@code out}; returns {@link Main#OK} or {@link Main#SOME_LINES_REJECTED}.
     *
     * @param name how messages name the input (a file name, or "standard input")
     * @throws OutputClosedException when {@code out} was closed before the end
     * @throws NotUtf8Exception when the input is UTF-16 or UTF-32
     */
    int run(InputStream input, PrintWriter out, String name) throws IOException, InterruptedException {
        ByteLines in = new ByteLines(input, maxLineBytes);
        byte[] start = in.peek(4);
        String other = Utf8.otherEncoding(start, 0, start.length);
        if (other != null) {
            throw new NotUtf8Exception(name + " looks like " + other + "; JSON Lines must be UTF-8");
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sereno-jsonl");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Result>> window = new ArrayDeque<>();
        boolean anyRejected = false;
        try {
            ByteLines.Line line;
            long n = 0;
            while ((line = in.next()) != null) {
                long lineNo = ++n;
                if (line.tooLong()) {
                    window.add(CompletableFuture.completedFuture(new Result(errors(lineNo, List.of("line " + lineNo
                            + ": " + line.length() + " bytes, over the limit of " + maxLineBytes + " (--max-line)")),
                            true)));
                } else {
                    byte[] bytes = line.bytes();
                    window.add(pool.submit(() -> advise(lineNo, bytes)));
                }
                if (window.size() >= threads * WINDOW_PER_THREAD) {
                    anyRejected |= write(window.poll(), out);
                }
                if (!in.ready()) {
                    // no more input for now (a pipe whose writer waits for answers): answer everything read so far
                    // and flush it, instead of holding it until more lines arrive
                    anyRejected |= writeAll(window, out);
                    checkOpen(out);
                }
            }
            anyRejected |= writeAll(window, out);
        } finally {
            pool.shutdownNow();
            out.flush(); // whatever happened, the answers already computed are not lost
        }
        checkOpen(out);
        return anyRejected ? Main.SOME_LINES_REJECTED : Main.OK;
    }

    /** Writes every answer in the window, in order; true if any line was rejected. */
    private boolean writeAll(ArrayDeque<Future<Result>> window, PrintWriter out)
            throws InterruptedException, OutputClosedException {
        boolean anyRejected = false;
        while (!window.isEmpty()) {
            anyRejected |= write(window.poll(), out);
        }
        return anyRejected;
    }

    private boolean write(Future<Result> f, PrintWriter out) throws InterruptedException, OutputClosedException {
        Result r;
        try {
            r = f.get();
        } catch (ExecutionException e) {
            // only the JVM's own fatal errors get here (every other failure is answered on its line): the class
            // alone, as a rule's message may quote the situation
            throw new IllegalStateException("line " + (written + 1) + ": "
                    + e.getCause().getClass().getSimpleName() + "; the run cannot go on", null);
        }
        // not println: the CLI's writer flushes on println, a system call per line; the buffer is flushed when
        // the input pauses, every CHECK_EVERY lines and at the end
        out.write(r.line());
        out.write('\n');
        if (++written % CHECK_EVERY == 0) {
            checkOpen(out);
        }
        return r.rejected();
    }

    /** Flushes; stops the run when nobody reads the output any more. */
    private void checkOpen(PrintWriter out) throws OutputClosedException {
        if (out.checkError()) {
            throw new OutputClosedException(written);
        }
    }

    private Result advise(long lineNo, byte[] bytes) {
        try {
            String text = Utf8.decode(bytes, "line " + lineNo);
            return new Result(writer.writeLine(advisor.advise(reader.read(text))), false);
        } catch (InvalidSituationException e) {
            return new Result(errors(lineNo, e.problems().stream().map(Problem::toString).toList()), true);
        } catch (RuleFailureException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                return new Result(errors(lineNo, List.of("line " + lineNo + ": ran out of memory while advising it")), true);
            }
            return new Result(errors(lineNo, List.of("rule \"" + e.rule() + "\" failed: " + e.kind())), true);
        } catch (OutOfMemoryError e) {
            // what this line allocated is garbage now: answer it and go on with the next
            return new Result(errors(lineNo, List.of("line " + lineNo + ": ran out of memory while advising it")), true);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            // not a typed rule failure; its message may quote the situation, so the answer names the class only
            return new Result(errors(lineNo, List.of("line " + lineNo + ": the advice could not be given ("
                    + e.getClass().getSimpleName() + ")")), true);
        }
    }

    private static String errors(long lineNo, List<String> errors) {
        return ErrorsJson.ofLine(lineNo, errors);
    }
}
