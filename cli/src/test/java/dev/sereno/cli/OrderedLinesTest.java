package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JSON Lines pipeline on its own, with answers that take random times: the output is complete and in input
 * order, the lines in flight never exceed the window (in lines and in bytes), a closed output stops the run although
 * the input never ends, a waiting writer of lines gets each answer, and a failing input is reported after the answers
 * before it.
 */
@Timeout(60)
class OrderedLinesTest {
    /** Collects the lines written, in order; closed after {@code closeAfter} lines. */
    static class Collected implements OrderedLines.Sink {
        final List<String> lines = new ArrayList<>();
        final AtomicLong written = new AtomicLong();
        final long closeAfter;
        volatile long flushedUpTo = -1;

        Collected(long closeAfter) {
            this.closeAfter = closeAfter;
        }

        @Override
        public void write(byte[] line) {
            lines.add(new String(line, StandardCharsets.UTF_8));
            written.incrementAndGet();
        }

        @Override
        public boolean flush() {
            flushedUpTo = written.get();
            return written.get() < closeAfter;
        }
    }

    /** Lines "1 xxx…", "2 xx…", … of random lengths between 1 and {@code maxPad} + a few bytes. */
    static byte[] input(int lines, int maxPad, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            b.append(i).append(' ').append("x".repeat(random.nextInt(maxPad))).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The answer to a line: its number, after a random pause (most lines fast, some slow). */
    static OrderedLines.Answer answerSlowly(long lineNo, ByteLines.Line line) {
        int r = (int) ((lineNo * 2_654_435_761L) >>> 8) % 100;
        if (r < 10) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1 + r % 3));
        } else if (r < 40) {
            LockSupport.parkNanos(50_000);
        }
        String text = new String(line.bytes(), StandardCharsets.UTF_8);
        return new OrderedLines.Answer((text.substring(0, text.indexOf(' ')) + "\n").getBytes(StandardCharsets.UTF_8),
                lineNo % 7 == 0);
    }

    @Test
    void answersComeOutCompleteAndInInputOrderWhateverTheyCost() throws Exception {
        int n = 3_000;
        Collected out = new Collected(Long.MAX_VALUE);
        boolean rejected = new OrderedLines(4, 16, 1 << 20).run(
                new ByteLines(new ByteArrayInputStream(input(n, 50, 1)), 1_000), OrderedLinesTest::answerSlowly, out);
        assertThat(rejected).isTrue();
        assertThat(out.lines).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(out.lines.get(i)).isEqualTo((i + 1) + "\n");
        }
    }

    @Test
    void theLinesInFlightNeverExceedTheWindowInLinesOrInBytes() throws Exception {
        int n = 2_000;
        byte[] in = input(n, 3_000, 2);
        List<Integer> lengths = new ArrayList<>();
        for (String l : new String(in, StandardCharsets.UTF_8).split("\n")) {
            lengths.add(l.length());
        }
        int windowLines = 12;
        int windowBytes = 8_000;
        Collected out = new Collected(Long.MAX_VALUE);
        AtomicInteger mostLines = new AtomicInteger();
        AtomicLong mostBytes = new AtomicLong();
        new OrderedLines(3, windowLines, windowBytes).run(new ByteLines(new ByteArrayInputStream(in), 10_000),
                (lineNo, line) -> {
                    long written = out.written.get();
                    mostLines.accumulateAndGet((int) (lineNo - written), Math::max);
                    long bytes = 0;
                    for (long k = written + 1; k <= lineNo; k++) {
                        bytes += lengths.get((int) k - 1);
                    }
                    mostBytes.accumulateAndGet(bytes, Math::max);
                    return answerSlowly(lineNo, line);
                }, out);
        assertThat(out.lines).hasSize(n);
        // in the window, one taken by the writer, one handed to a worker by the reader waiting to put it in
        assertThat(mostLines.get()).isBetween(2, windowLines + 2);
        assertThat(mostBytes.get()).isLessThanOrEqualTo(windowBytes);
    }

    /** Endless lines, counted as they are made; blocks for ever instead of ending when {@code blockAfter} is reached. */
    static InputStream endless(AtomicLong made, long blockAfter) {
        return new InputStream() {
            byte[] line = new byte[0];
            int pos;

            @Override
            public int read() throws IOException {
                if (pos == line.length) {
                    if (made.get() >= blockAfter) {
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                    }
                    line = (made.incrementAndGet() + " x\n").getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                return line[pos++];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // what a pipe would give: the rest of the line at hand, at least one byte
                b[off] = (byte) read();
                int n = Math.min(len - 1, line.length - pos);
                System.arraycopy(line, pos, b, off + 1, n);
                pos += n;
                return n + 1;
            }
        };
    }

    @Test
    void aClosedOutputStopsTheRunAndTheReading() throws Exception {
        AtomicLong made = new AtomicLong();
        Collected out = new Collected(100);
        OrderedLines lines = new OrderedLines(2, 16, 1 << 20);
        assertThatThrownBy(() -> lines.run(new ByteLines(endless(made, Long.MAX_VALUE), 100),
                OrderedLinesTest::answerSlowly, out))
                .isInstanceOf(JsonLinesRunner.OutputClosedException.class)
                .satisfies(e -> assertThat(((JsonLinesRunner.OutputClosedException) e).written).isBetween(100L, 100L
                        + JsonLinesRunner.CHECK_EVERY));
        Thread.sleep(100);
        long atStop = made.get();
        Thread.sleep(200);
        // the reader stopped with the run, at most a window of lines beyond the last answer
        assertThat(made.get()).isEqualTo(atStop).isLessThanOrEqualTo(100 + JsonLinesRunner.CHECK_EVERY + 16 + 3);
    }

    @Test
    void aClosedOutputStopsTheRunWhileTheInputWaitsForever() throws Exception {
        AtomicLong made = new AtomicLong();
        Collected out = new Collected(3);
        // three lines, then the input neither ends nor gives more: the run must not wait for it
        assertThatThrownBy(() -> new OrderedLines(2, 16, 1 << 20).run(new ByteLines(endless(made, 3), 100),
                OrderedLinesTest::answerSlowly, out)).isInstanceOf(JsonLinesRunner.OutputClosedException.class);
        assertThat(out.lines).containsExactly("1\n", "2\n", "3\n");
    }

    @Test
    void eachAnswerIsFlushedBeforeTheNextLineIsWritten() throws Exception {
        // an input that gives its next line only once the answer to the previous one has been flushed
        Collected out = new Collected(Long.MAX_VALUE) {
            @Override
            public synchronized boolean flush() {
                notifyAll();
                return super.flush();
            }
        };
        InputStream host = new InputStream() {
            int given;
            byte[] line = new byte[0];
            int pos;

            @Override
            public int read() throws IOException {
                if (pos == line.length) {
                    if (given == 5) {
                        return -1;
                    }
                    synchronized (out) {
                        while (out.flushedUpTo < given && given > 0) {
                            try {
                                out.wait(10);
                            } catch (InterruptedException e) {
                                throw new java.io.InterruptedIOException();
                            }
                        }
                    }
                    line = (++given + " x\n").getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                return line[pos++];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // one byte at a time, as a pipe gives what has been written and no more
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
        new OrderedLines(2, 16, 1 << 20).run(new ByteLines(host, 100), OrderedLinesTest::answerSlowly, out);
        assertThat(out.lines).containsExactly("1\n", "2\n", "3\n", "4\n", "5\n");
    }

    @Test
    void anInputThatFailsIsReportedAfterTheAnswersBeforeIt() {
        InputStream failing = new java.io.SequenceInputStream(new ByteArrayInputStream(input(10, 5, 3)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                });
        Collected out = new Collected(Long.MAX_VALUE);
        assertThatThrownBy(() -> new OrderedLines(2, 4, 1 << 20).run(new ByteLines(failing, 100),
                OrderedLinesTest::answerSlowly, out)).isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(out.lines).hasSize(10);
    }

    @Test
    void aStreamGetsTheBytesAsTheyAreAndAClosedOneIsNoticed() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        OrderedLines.Sink sink = OrderedLines.to(bytes);
        byte[] big = ("é".repeat(50_000) + "\n").getBytes(StandardCharsets.UTF_8); // larger than the buffer
        sink.write("1 ñ\n".getBytes(StandardCharsets.UTF_8));
        sink.write(big);
        sink.write("3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sink.flush()).isTrue();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("1 ñ\n" + "é".repeat(50_000) + "\n3\n");

        for (java.io.OutputStream closing : List.of(new JsonLinesRunnerTest.ClosingOutput(1_000),
                new java.io.PrintStream(new JsonLinesRunnerTest.ClosingOutput(1_000), true))) {
            OrderedLines.Sink s = OrderedLines.to(closing);
            s.write("x".repeat(999).getBytes(StandardCharsets.UTF_8));
            assertThat(s.flush()).isTrue();
            s.write("more\n".getBytes(StandardCharsets.UTF_8));
            assertThat(s.flush()).as(closing.getClass().getSimpleName()).isFalse();
        }
    }
}
