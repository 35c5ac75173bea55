package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.ErrorsJson;
import dev.sereno.json.SituationJson;
import dev.sereno.json.Utf8;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Advice for a stream of situations, one JSON document per line. Output line n answers input line n: the advice,
 * or {@code {"line": n, "errors": [...]}}. Lines are read on one thread, advised on all cores and written in order by
 * the calling thread ({@link OrderedLines}), with a window of lines in flight bounded in lines and in bytes, so memory
 * stays flat however long the input is; a line longer than the limit is counted, never held, and answered in place
 * like any bad line. Each answer is written as UTF-8 bytes by the thread that advised it. Output is buffered, and
 * flushed whenever every line read so far has been answered, so a program that writes a line to a pipe and waits for
 * its answer gets it. When the output is closed (a reader such as {@code head} went away) the run stops with
 * {@link OutputClosedException}; the answers already written stay written.
 */
final class JsonLinesRunner {
    /** 1 MiB, as the service's body limit: a situation is a few KiB. */
    static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    /** Lines in flight per thread: enough to keep every core busy while the oldest line is being written. */
    private static final int WINDOW_PER_THREAD = 64;
    /** Bytes of input in flight at most: 64 lines of the largest size allowed by default. */
    private static final int WINDOW_BYTES = 64 << 20;
    /** Lines written between two checks that the output is still open (each check flushes it). */
    static final int CHECK_EVERY = 128;

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

    /**
     * Answers every line of {@code input} on {@code out}; returns {@link Main#OK} or {@link Main#SOME_LINES_REJECTED}.
     *
     * @param name how messages name the input (a file name, or "standard input")
     * @throws OutputClosedException when {@code out} was closed before the end
     * @throws NotUtf8Exception when the input is UTF-16 or UTF-32
     */
    int run(InputStream input, PrintWriter out, String name) throws IOException, InterruptedException {
        return run(input, OrderedLines.to(out), name);
    }

    /** As {@link #run(InputStream, PrintWriter, String)}, writing the bytes of the answers to {@code out}. */
    int run(InputStream input, OutputStream out, String name) throws IOException, InterruptedException {
        return run(input, OrderedLines.to(out), name);
    }

    private int run(InputStream input, OrderedLines.Sink out, String name) throws IOException, InterruptedException {
        ByteLines in = new ByteLines(input, maxLineBytes);
        byte[] start = in.peek(4);
        String other = Utf8.otherEncoding(start, 0, start.length);
        if (other != null) {
            throw new NotUtf8Exception(name + " looks like " + other + "; JSON Lines must be UTF-8");
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        OrderedLines lines = new OrderedLines(threads, threads * WINDOW_PER_THREAD, WINDOW_BYTES);
        boolean anyRejected = lines.run(in, this::answer, out);
        return anyRejected ? Main.SOME_LINES_REJECTED : Main.OK;
    }

    private OrderedLines.Answer answer(long lineNo, ByteLines.Line line) {
        if (line.tooLong()) {
            return errors(lineNo, List.of("line " + lineNo + ": " + line.length() + " bytes, over the limit of "
                    + maxLineBytes + " (--max-line)"));
        }
        return advise(lineNo, line.bytes());
    }

    private OrderedLines.Answer advise(long lineNo, byte[] bytes) {
        try {
            Situation situation = reader.read(bytes, 0, bytes.length, "line " + lineNo);
            return new OrderedLines.Answer(writer.jsonLine(advisor.advise(situation)), false);
        } catch (InvalidSituationException e) {
            return errors(lineNo, e.problems().stream().map(Problem::toString).toList());
        } catch (RuleFailureException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                return errors(lineNo, List.of("line " + lineNo + ": ran out of memory while advising it"));
            }
            return errors(lineNo, List.of("rule \"" + e.rule() + "\" failed: " + e.kind()));
        } catch (OutOfMemoryError e) {
            // what this line allocated is garbage now: answer it and go on with the next
            return errors(lineNo, List.of("line " + lineNo + ": ran out of memory while advising it"));
        } catch (Throwable e) {
            // not a typed rule failure (any exception or error, even a checked one thrown unchecked); its message may
            // quote the situation, so the answer names the class only
            return errors(lineNo, List.of("line " + lineNo + ": the advice could not be given ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    private static OrderedLines.Answer errors(long lineNo, List<String> errors) {
        return new OrderedLines.Answer((ErrorsJson.ofLine(lineNo, errors) + "\n").getBytes(StandardCharsets.UTF_8), true);
    }
}
