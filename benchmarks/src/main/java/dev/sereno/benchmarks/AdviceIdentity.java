package dev.sereno.benchmarks;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.Explanation;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Situation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeSet;

/**
 * Writes, for a fixed set of situations, the advice the bundled policy gives and the rules that fired, one line
 * each, so that two builds can be compared byte for byte: a change meant to make advising faster must not change
 * a single answer.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.sereno.benchmarks.AdviceIdentity OUT [COUNT] [extra.jsonl ...]
 * }</pre>
 *
 * The situations: the contract's example, the heavy one, the example with 1, 10, 100 and 300 evidence and promises,
 * {@code COUNT} (default 5,000) varied ones drawn as {@code SituationGenerator} draws them (from another seed), and
 * every line of the extra JSON-lines files (the bundled scenarios' situations, say).
 */
public final class AdviceIdentity {
    private AdviceIdentity() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: AdviceIdentity OUT [COUNT] [extra.jsonl ...]");
            System.exit(2);
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        AdviceJson json = new AdviceJson();
        SituationJson situations = new SituationJson();
        try (Advisor advisor = Advisor.withDefaultRules();
                Writer out = new BufferedWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            write(out, "example", advisor, json, Situations.contractExample());
            write(out, "heavy", advisor, json, Situations.heavy());
            for (int n : new int[] {1, 10, 100, 300}) {
                write(out, "items-" + n, advisor, json, Situations.withItems(Situations.contractExample(), n, n));
            }
            Random random = new Random(16_2026L);
            for (int i = 0; i < count; i++) {
                write(out, "varied-" + i, advisor, json, Situations.varied(random, "K-" + i));
            }
            for (int f = 2; f < args.length; f++) {
                int line = 0;
                for (String text : Files.readAllLines(Path.of(args[f]), StandardCharsets.UTF_8)) {
                    line++;
                    if (!text.isBlank()) {
                        write(out, args[f] + ":" + line, advisor, json, situations.read(text));
                    }
                }
            }
        }
    }

    private static void write(Writer out, String name, Advisor advisor, AdviceJson json, Situation s) throws IOException {
        Explanation e = advisor.explain(s);
        out.write(name);
        out.write('\t');
        out.write(String.join("|", new TreeSet<>(e.rulesFired())));
        out.write('\t');
        out.write(json.writeLine(e.advice()).strip());
        out.write('\n');
    }
}
