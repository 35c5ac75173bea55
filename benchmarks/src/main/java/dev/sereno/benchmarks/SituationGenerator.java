package dev.sereno.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.json.SituationJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes N varied situations as JSON Lines, the input of {@code sereno advise --jsonl} at scale:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.sereno.benchmarks.SituationGenerator 1000000 backlog.jsonl
 * </pre>
 *
 * Lines are drawn from a few thousand different situations (both languages, every stage, cause and emotion, with
 * and without a draft, options, evidence and promises), each with its own complaint id {@code K-<line>}, so output
 * line n is easy to match with input line n. The same arguments always give the same file.
 */
public final class SituationGenerator {
    private static final int DISTINCT = 4_096;
    private static final String ID_MARK = "K-#";

    private SituationGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SituationGenerator LINES FILE   (FILE may be - for standard output)");
            System.exit(2);
        }
        long lines = Long.parseLong(args[0].replace("_", ""));
        Writer out = "-".equals(args[1]) ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8);
        try (out) {
            write(lines, out);
        }
    }

    static void write(long lines, Writer out) throws IOException {
        String[][] templates = templates(new Random(20261123L));
        for (long n = 1; n <= lines; n++) {
            String[] t = templates[(int) ((n - 1) % DISTINCT)];
            out.write(t[0]);
            out.write("K-");
            out.write(Long.toString(n));
            out.write(t[1]);
            out.write('\n');
        }
    }

    /** Each situation as one line of JSON, split where its complaint id goes. */
    private static String[][] templates(Random random) throws IOException {
        SituationJson json = new SituationJson();
        // exact decimals: money read back as BigDecimal is written back unchanged
        ObjectMapper compact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        String[][] out = new String[DISTINCT][];
        for (int i = 0; i < DISTINCT; i++) {
            String line = compact.readTree(json.write(Situations.varied(random, ID_MARK))).toString();
            int at = line.indexOf(ID_MARK);
            out[i] = new String[] {line.substring(0, at), line.substring(at + ID_MARK.length())};
        }
        return out;
    }
}
