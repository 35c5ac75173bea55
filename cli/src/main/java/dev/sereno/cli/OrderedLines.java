package dev.sereno.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Answers the lines of a stream on several threads and writes the answers in the order of the lines: one thread
 * reads lines, the workers answer them, the calling thread writes the answers. Between them a window of lines in
 * flight, bounded both in lines and in bytes of input, so memory stays bounded for any length of input and any
 * size of line: when it is full, reading waits for the oldest answer to be written.
 *
 * <p>The output is flushed whenever the writer has written every answer there is and would wait for the next line
 * to be read, so a program that writes a line to a pipe and waits for its answer gets it; a backlog read from a file
 * keeps the window full and is flushed only when the buffer is. When the output is closed (its reader went away), the
 * run stops: the reader stops reading, the workers are stopped and {@link JsonLinesRunner.OutputClosedException}
 * says how many answers were written.
 */
final class OrderedLines {
    /** One line's answer, with its newline; {@code rejected} when it is an error rather than an answer. */
    record Answer(byte[] bytes, boolean rejected) {
    }

    /** Answers one line; runs on a worker thread and must not throw (every failure is an answer). */
    interface Answering {
        Answer answer(long lineNo, ByteLines.Line line);
    }

    /** Where the answers go, in order. */
    interface Sink {
        void write(byte[] line);

        /** Flushes; false once the output is closed. */
        boolean flush();
    }

    private final int threads;
    private final int windowLines;
    private final int windowBytes;
    private final Semaphore bytesInFlight;
    private final BlockingQueue<Slot> window;
    private volatile boolean stopped;
    private volatile Throwable readFailure;
    private long written;

    /**
     * @param windowLines lines read but not yet written, at most
     * @param windowBytes bytes of those lines, at most (a longer line counts as this much)
     */
    OrderedLines(int threads, int windowLines, int windowBytes) {
        this.threads = threads;
        this.windowLines = windowLines;
        this.windowBytes = windowBytes;
        this.bytesInFlight = new Semaphore(windowBytes);
        this.window = new ArrayBlockingQueue<>(windowLines);
    }

    /** A line in flight: its answer to come, and what it takes of the byte window. */
    private record Slot(Future<Answer> answer, int cost) {
    }

    /** Put in the window after the last line: the input has ended. */
    private static final Slot END = new Slot(CompletableFuture.completedFuture(null), 0);

    /**
     * Reads every line of {@code in}, answers it and writes the answers to {@code out} in order; true when any line
     * was rejected.
     *
     * @throws JsonLinesRunner.OutputClosedException when {@code out} was closed before the end
     * @throws IOException when the input could not be read
     */
    boolean run(ByteLines in, Answering answering, Sink out) throws IOException, InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sereno-jsonl");
            t.setDaemon(true);
            return t;
        });
        Thread reader = new Thread(() -> read(in, answering, workers), "sereno-jsonl-reader");
        reader.setDaemon(true);
        reader.start();
        boolean anyRejected = false;
        try {
            while (true) {
                Slot next = window.poll();
                if (next == null) {
                    // every answer there is has been written: let it out before waiting for more input
                    checkOpen(out);
                    next = window.take();
                }
                if (next == END) {
                    break;
                }
                Answer a = answer(next.answer());
                out.write(a.bytes());
                bytesInFlight.release(next.cost());
                anyRejected |= a.rejected();
                if (++written % JsonLinesRunner.CHECK_EVERY == 0) {
                    checkOpen(out);
                }
            }
            checkOpen(out);
        } finally {
            stopped = true;
            reader.interrupt();
            workers.shutdownNow();
            out.flush(); // whatever happened, the answers already written are not lost
        }
        reader.join(); // it has put the end, so it is done (when the run stops early, nobody waits for it)
        if (readFailure instanceof IOException e) {
            throw e;
        } else if (readFailure != null) {
            throw new IllegalStateException("reading the input failed: " + readFailure.getClass().getSimpleName(), null);
        }
        return anyRejected;
    }

    /** The lines written so far. */
    long written() {
        return written;
    }

    /** What a line takes of the byte window: its length, at most all of it (and at least one byte). */
    private int cost(long length) {
        return (int) Math.max(1, Math.min(length, windowBytes));
    }

    private Answer answer(Future<Answer> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // only the JVM's own fatal errors get here (every other failure is answered on its line): the class
            // alone, as a rule's message may quote the situation
            throw new IllegalStateException("line " + (written + 1) + ": "
                    + e.getCause().getClass().getSimpleName() + "; the run cannot go on", null);
        }
    }

    private void checkOpen(Sink out) throws JsonLinesRunner.OutputClosedException {
        if (!out.flush()) {
            throw new JsonLinesRunner.OutputClosedException(written);
        }
    }

    /** The reader thread: every line into the window, then {@link #END}; stops early when the run has stopped. */
    private void read(ByteLines in, Answering answering, ExecutorService workers) {
        try {
            ByteLines.Line line;
            long n = 0;
            while (!stopped && (line = in.next()) != null) {
                long lineNo = ++n;
                ByteLines.Line l = line;
                // the line's bytes are taken from the window's budget before they are handed on, so that the
                // window holds what it says; they are given back when the answer is written
                int cost = cost(l.length());
                bytesInFlight.acquire(cost);
                window.put(new Slot(workers.submit(() -> answering.answer(lineNo, l)), cost));
            }
        } catch (InterruptedException | InterruptedIOException e) {
            return; // the run stopped (the output was closed): nobody waits for the rest
        } catch (Throwable e) {
            readFailure = e;
        }
        try {
            window.put(END);
        } catch (InterruptedException e) {
            // the run stopped already
        }
    }

    /** Bytes straight to a stream, through a buffer; for standard output. */
    static Sink to(OutputStream out) {
        return new Sink() {
            private final byte[] buf = new byte[1 << 16];
            private int used;
            private boolean closed;

            @Override
            public void write(byte[] line) {
                if (closed) {
                    return;
                }
                try {
                    if (used + line.length > buf.length) {
                        out.write(buf, 0, used);
                        used = 0;
                    }
                    if (line.length > buf.length) {
                        out.write(line);
                    } else {
                        System.arraycopy(line, 0, buf, used, line.length);
                        used += line.length;
                    }
                } catch (IOException e) {
                    closed = true;
                }
            }

            @Override
            public boolean flush() {
                if (!closed) {
                    try {
                        out.write(buf, 0, used);
                        used = 0;
                        out.flush();
                    } catch (IOException e) {
                        closed = true;
                    }
                }
                // a PrintStream (System.out) keeps its errors to itself
                return !closed && !(out instanceof PrintStream p && p.checkError());
            }
        };
    }

    /** Text to a writer, for callers that hold one (tests, embedding through {@link Main#run(PrintWriter, PrintWriter, String...)}). */
    static Sink to(PrintWriter out) {
        return new Sink() {
            @Override
            public void write(byte[] line) {
                out.write(new String(line, StandardCharsets.UTF_8));
            }

            @Override
            public boolean flush() {
                return !out.checkError(); // which flushes
            }
        };
    }
}
