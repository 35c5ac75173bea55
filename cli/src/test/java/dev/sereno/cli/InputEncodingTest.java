package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes that are not UTF-8, on each path of the command line ({@code advise FILE}, {@code advise -}, {@code --jsonl}):
 * refused naming the encoding and where, never read as something else; a UTF-8 byte order mark is fine.
 */
class InputEncodingTest {
    static final Path EXAMPLE = Path.of("../examples/situations/contract-example.json");

    @TempDir
    Path tmp;

    static String example() throws IOException {
        return Files.readString(EXAMPLE);
    }

    /** The example with one byte that is not UTF-8 inside the agent's name; returns it and that byte's offset. */
    static byte[] withBadByte(int[] offset) throws IOException {
        byte[] good = example().getBytes(StandardCharsets.UTF_8);
        String marker = "\"id\": \"A-7\"";
        int at = example().substring(0, example().indexOf(marker)).getBytes(StandardCharsets.UTF_8).length + 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good, 0, at);
        out.write(0xFF);
        out.write(good, at, good.length - at);
        offset[0] = at;
        return out.toByteArray();
    }

    static byte[] bom(byte[] rest) {
        byte[] out = new byte[rest.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(rest, 0, out, 3, rest.length);
        return out;
    }

    CliTest.Run adviseFile(byte[] bytes) throws IOException {
        Path f = Files.write(tmp.resolve("situation.json"), bytes);
        return CliTest.sereno("advise", f.toString());
    }

    static CliTest.Run adviseStdin(byte[] bytes, String... args) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(bytes));
        try {
            return CliTest.sereno(args);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void invalidUtf8IsRefusedNamingTheByteOnEveryPath() throws IOException {
        assertThat(CliTest.sereno("advise", EXAMPLE.toString()).code()).isZero();
        int[] offset = new int[1];
        byte[] bad = withBadByte(offset);
        CliTest.Run file = adviseFile(bad);
        assertThat(file.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(file.err().strip()).isEqualTo(tmp.resolve("situation.json") + " is not valid UTF-8 at byte offset "
                + offset[0] + "; it must be UTF-8 (save or send it as UTF-8)");
        CliTest.Run stdin = adviseStdin(bad, "advise", "-");
        assertThat(stdin.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(stdin.err().strip()).isEqualTo("standard input is not valid UTF-8 at byte offset " + offset[0]
                + "; it must be UTF-8 (save or send it as UTF-8)");
        String line = new String(bad, StandardCharsets.ISO_8859_1).replaceAll("\\s*\\n\\s*", " ");
        CliTest.Run lines = adviseStdin((example().replaceAll("\\s*\\n\\s*", " ") + "\n" + line + "\n")
                .getBytes(StandardCharsets.ISO_8859_1), "advise", "--jsonl", "-");
        assertThat(lines.code()).isEqualTo(Main.SOME_LINES_REJECTED);
        assertThat(lines.out().lines().toList().get(1)).contains("\"line\":2", "line 2 is not valid UTF-8 at byte offset");
    }

    @Test
    void utf16AndUtf32AreRefusedSayingSoOnEveryPath() throws IOException {
        for (Charset cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                Charset.forName("UTF-32"))) {
            byte[] bytes = example().getBytes(cs);
            String family = cs.name().startsWith("UTF-32") ? "UTF-32" : "UTF-16";
            CliTest.Run file = adviseFile(bytes);
            assertThat(file.code()).as(cs.name()).isEqualTo(Main.BAD_INPUT);
            assertThat(file.err()).as(cs.name()).contains("situation.json looks like " + family, "it must be UTF-8")
                    .doesNotContain("Unexpected character");
            CliTest.Run stdin = adviseStdin(bytes, "advise", "-");
            assertThat(stdin.err()).as(cs.name()).startsWith("standard input looks like " + family);
            CliTest.Run lines = adviseStdin(bytes, "advise", "--jsonl", "-");
            assertThat(lines.code()).isEqualTo(Main.BAD_INPUT);
            assertThat(lines.out()).isEmpty();
            assertThat(lines.err()).as(cs.name()).startsWith("standard input looks like " + family)
                    .contains("JSON Lines must be UTF-8");
        }
        // the byte order marks alone say so too
        byte[] utf16bom = {(byte) 0xFF, (byte) 0xFE, '{', 0};
        assertThat(adviseFile(utf16bom).err()).contains("looks like UTF-16 (it starts with a UTF-16 byte order mark)");
    }

    @Test
    void aUtf8ByteOrderMarkIsAcceptedOnEveryPath() throws IOException {
        byte[] withBom = bom(example().getBytes(StandardCharsets.UTF_8));
        assertThat(adviseFile(withBom).code()).isZero();
        assertThat(adviseStdin(withBom, "advise", "-").code()).isZero();
        byte[] line = bom((example().replaceAll("\\s*\\n\\s*", " ") + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(adviseStdin(line, "advise", "--jsonl", "-").code()).isZero();
    }

    @Test
    void textAfterTheSituationIsNamedInPlainWords() throws IOException {
        CliTest.Run r = adviseFile((example().strip() + "\n{}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        int lines = (int) example().strip().lines().count();
        assertThat(r.err().strip()).isEqualTo("malformed JSON at line " + (lines + 1) + ", column 1: unexpected text"
                + " after the situation; a document holds one situation (use --jsonl for one per line)");
    }

    @Test
    void anOversizeFileStatesItsRealSizeAndTheLimit() throws IOException {
        Path big = tmp.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(52_428_800); // 50 MiB, sparse
        }
        CliTest.Run r = CliTest.sereno("advise", big.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo(big + " is 52428800 bytes; a situation is at most 2000000 bytes"
                + " (for many situations, one per line, use --jsonl)");
        byte[] justOver = new byte[2_000_001];
        java.util.Arrays.fill(justOver, (byte) ' ');
        assertThat(adviseStdin(justOver, "advise", "-").err())
                .contains("standard input is 2000001 bytes; a situation is at most 2000000 bytes");
    }

    @Test
    void aLineOverMaxLineIsAnsweredInPlace() throws IOException {
        String good = example().replaceAll("\\s*\\n\\s*", " ");
        Path f = Files.writeString(tmp.resolve("lines.jsonl"), good + "\n" + good + "  \n" + good + "\n");
        int size = good.getBytes(StandardCharsets.UTF_8).length;
        CliTest.Run r = CliTest.sereno("advise", "--jsonl", "--max-line", String.valueOf(size + 1), f.toString());
        assertThat(r.code()).isEqualTo(Main.SOME_LINES_REJECTED);
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(3);
        assertThat(out.get(1)).isEqualTo("{\"line\":2,\"errors\":[\"line 2: " + (size + 2) + " bytes, over the limit of "
                + (size + 1) + " (--max-line)\"]}");
        assertThat(out.get(2)).startsWith("{\"complaint\"");
        assertThat(CliTest.sereno("advise", "--jsonl", "--max-line", "0", f.toString()).code()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void aClosedOutputStopsJsonLinesWithItsOwnExitCodeAndOneLine() throws IOException {
        String good = example().replaceAll("\\s*\\n\\s*", " ");
        Path f = Files.write(tmp.resolve("many.jsonl"), java.util.Collections.nCopies(5_000, good));
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter closing = new java.io.PrintWriter(new java.io.OutputStreamWriter(
                new JsonLinesRunnerTest.ClosingOutput(2_000), StandardCharsets.UTF_8));
        int code = Main.run(closing, new java.io.PrintWriter(err), "advise", "--jsonl", f.toString());
        assertThat(code).isEqualTo(Main.OUTPUT_CLOSED);
        assertThat(err.toString().lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("sereno: the output was closed after ").endsWith("stopped without reading the rest"));
    }
}
