package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.engine.Advisor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JSON Lines under stress: rules failing in every way, a line too long to hold, bad encodings, a closed output. */
class JsonLinesRunnerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Advisor faulty;

    @BeforeAll
    static void build() {
        faulty = FaultyPolicy.advisor();
    }

    @AfterAll
    static void close() {
        faulty.close();
    }

    record Output(int code, List<JsonNode> lines) {
        List<String> errors(int line) {
            List<String> out = new ArrayList<>();
            JsonNode l = lines.get(line - 1);
            assertThat(l.get("line").asInt()).isEqualTo(line);
            l.get("errors").forEach(e -> out.add(e.asText()));
            return out;
        }
    }

    static Output run(int maxLine, InputStream input) throws Exception {
        StringWriter out = new StringWriter();
        int code = new JsonLinesRunner(faulty, maxLine).run(input, new PrintWriter(out), "input");
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        return new Output(code, lines);
    }

    static Output run(byte[] input) throws Exception {
        return run(JsonLinesRunner.DEFAULT_MAX_LINE_BYTES, new ByteArrayInputStream(input));
    }

    static Output run(String input) throws Exception {
        return run(input.getBytes(StandardCharsets.UTF_8));
    }

    static void advised(JsonNode line) {
        assertThat(line.get("recommendations").get(0).get("action").asText()).isEqualTo("OK");
    }

    @Test
    void everyKindOfRuleFailureIsAnsweredOnItsLineAndTheRunGoesOn() throws Exception {
        Output r = run(String.join("\n", FaultyPolicy.line("fine", "a"), FaultyPolicy.line("throw", "SecretWords"),
                FaultyPolicy.line("assert", "SecretWords"), FaultyPolicy.line("oom", "w"), FaultyPolicy.line("fine", "b")));
        assertThat(r.code()).isEqualTo(Main.SOME_LINES_REJECTED);
        assertThat(r.lines()).hasSize(5);
        advised(r.lines().get(0));
        assertThat(r.errors(2)).containsExactly("rule \"Throws the words back\" failed: THREW");
        // an Error from a rule: the typed rule failure where the engine names the rule, else its class
        assertThat(r.errors(3)).singleElement().satisfies(e -> assertThat(e)
                .containsAnyOf("\"Asserts on the words\" failed", "(AssertionError)"));
        assertThat(r.errors(4)).singleElement().satisfies(e -> assertThat(e).contains("out of memory"));
        advised(r.lines().get(4));
        assertThat(r.lines().toString()).doesNotContain("SecretWords");
    }

    /** A stream of {@code size} bytes of {@code x}, made as it is read: never in memory. */
    static InputStream bytesOf(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }

    @Test
    void aLineOverTheLimitIsAnsweredInPlaceWithoutBeingHeld() throws Exception {
        long huge = 314_572_800; // 300 MiB, streamed: were it held, as a String it would take 600 MiB
        InputStream input = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream((FaultyPolicy.line("fine", "a") + "\n").getBytes(StandardCharsets.UTF_8)),
                bytesOf(huge),
                new ByteArrayInputStream(("\n" + FaultyPolicy.line("fine", "b") + "\n").getBytes(StandardCharsets.UTF_8)))));
        Output r = run(JsonLinesRunner.DEFAULT_MAX_LINE_BYTES, input);
        assertThat(r.code()).isEqualTo(Main.SOME_LINES_REJECTED);
        assertThat(r.lines()).hasSize(3);
        advised(r.lines().get(0));
        assertThat(r.errors(2)).containsExactly("line 2: 314572800 bytes, over the limit of 1048576 (--max-line)");
        advised(r.lines().get(2));
    }

    @Test
    void aLineExactlyAtTheLimitIsReadAndOneByteMoreIsNot() throws Exception {
        String line = FaultyPolicy.line("fine", "a");
        int size = line.getBytes(StandardCharsets.UTF_8).length;
        byte[] input = (line + "\r\n" + line + " \n").getBytes(StandardCharsets.UTF_8);
        Output r = run(size, new ByteArrayInputStream(input));
        advised(r.lines().get(0));
        assertThat(r.errors(2)).containsExactly("line 2: " + (size + 1) + " bytes, over the limit of " + size
                + " (--max-line)");
    }

    @Test
    void invalidUtf8OnALineIsAnsweredInPlaceNamingTheByte() throws Exception {
        byte[] good = FaultyPolicy.line("fine", "a").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(good);
        in.write('\n');
        in.write("{\"now\": \"".getBytes(StandardCharsets.UTF_8));
        in.write(0xC3); // a lead byte without its continuation
        in.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        in.write(good);
        Output r = run(in.toByteArray());
        advised(r.lines().get(0));
        assertThat(r.errors(2)).containsExactly("line 2 is not valid UTF-8 at byte offset 9; it must be UTF-8"
                + " (save or send it as UTF-8)");
        advised(r.lines().get(2));
    }

    @Test
    void aUtf8ByteOrderMarkIsAcceptedAndUtf16IsRefusedSayingSo() throws Exception {
        String line = FaultyPolicy.line("fine", "a");
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write((line + "\n" + line).getBytes(StandardCharsets.UTF_8));
        Output r = run(bom.toByteArray());
        assertThat(r.code()).isEqualTo(Main.OK);
        advised(r.lines().get(0));

        for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] utf16 = (line + "\n").getBytes(charset);
            assertThatThrownBy(() -> run(utf16)).as(charset.name())
                    .isInstanceOf(JsonLinesRunner.NotUtf8Exception.class)
                    .hasMessageStartingWith("input looks like UTF-16")
                    .hasMessageEndingWith("JSON Lines must be UTF-8");
        }
        byte[] utf32 = (line + "\n").getBytes("UTF-32");
        assertThatThrownBy(() -> run(utf32)).hasMessageStartingWith("input looks like UTF-32");
    }

    @Test
    void textAfterTheSituationOnALineIsNamedPlainly() throws Exception {
        Output r = run(FaultyPolicy.line("fine", "a") + " {}\n");
        assertThat(r.errors(1)).singleElement().satisfies(e -> assertThat(e)
                .startsWith("malformed JSON at line 1, column ")
                .contains("unexpected text after the situation")
                .doesNotContain("JsonNode", "FAIL_ON_TRAILING_TOKENS", "`"));
    }

    /** An output whose reader goes away after {@code bytes} bytes, as a pipe into {@code head} does. */
    static final class ClosingOutput extends OutputStream {
        private final int bytes;
        private int written;

        ClosingOutput(int bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            if (++written > bytes) {
                throw new IOException("Broken pipe");
            }
        }
    }

    @Test
    void aClosedOutputStopsTheRunAtOnce() throws Exception {
        AtomicInteger read = new AtomicInteger();
        byte[] line = (FaultyPolicy.line("fine", "a") + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() { // 100,000 lines, counted as they are read
            int pos;

            @Override
            public int read() {
                if (pos == line.length) {
                    if (read.incrementAndGet() >= 100_000) {
                        return -1;
                    }
                    pos = 0;
                }
                return line[pos++];
            }
        };
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new ClosingOutput(1_000), StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new JsonLinesRunner(faulty).run(endless, out, "input"))
                .isInstanceOf(JsonLinesRunner.OutputClosedException.class);
        // stopped within a window of lines (2 × 256 per core), not at the end of the input
        assertThat(read.get()).isLessThan(Runtime.getRuntime().availableProcessors() * 256 * 2 + 256);
    }
}
