package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.engine.ExamplesReader;
import dev.sereno.situation.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled examples reader's model reads as its definition says, to the bit: every kind's score is the logistic of
 * the higher of the sum of the weights of the draft's features ({@link ExampleModel#vector}, each once, in order of
 * appearance) and that of its heaviest sentence's less {@link ExampleModel#SENTENCE_MARGIN}, and each finding spans the
 * sentence whose own features weigh most and names the three weightiest features; checked against that definition,
 * written out plainly here, on every bundled example and every corpus draft, and on drafts of ten of them.
 */
class ExampleModelReadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Each kind's sum of weights by the definition, before the logistic: the bias, then the whole draft's features in
     * order; and, for a draft of more than one sentence ({@link ExampleModel#units}), the bias then each sentence's
     * features, the heaviest sentence's (the first of equals) less {@link ExampleModel#SENTENCE_MARGIN} where that is
     * higher. {@code {logit, bySentence (1 or 0), sentence start, sentence end}} per kind.
     */
    static double[][] sums(ExampleModel m, String draft) {
        Token[] tokens = m.tokens(draft);
        int[] f = m.vector(tokens, 0, tokens.length);
        int[] units = ExampleModel.units(tokens);
        double[][] out = new double[m.kinds().size()][];
        for (int k = 0; k < out.length; k++) {
            double[] w = m.weights(k);
            // the bias first, then each feature, as the model adds them
            double whole = w[w.length - 1];
            for (int i : f) {
                whole += w[i];
            }
            double best = Double.NEGATIVE_INFINITY;
            int start = tokens.length == 0 ? -1 : tokens[0].start();
            int end = tokens.length == 0 ? -1 : tokens[tokens.length - 1].end();
            for (int u = 0; units.length > 2 && u + 1 < units.length; u++) {
                double sum = w[w.length - 1];
                for (int i : m.vector(tokens, units[u], units[u + 1])) {
                    sum += w[i];
                }
                if (sum > best) {
                    best = sum;
                    start = tokens[units[u]].start();
                    end = tokens[units[u + 1] - 1].end();
                }
            }
            boolean bySentence = best - ExampleModel.SENTENCE_MARGIN > whole;
            out[k] = new double[] {bySentence ? best - ExampleModel.SENTENCE_MARGIN : whole, bySentence ? 1 : 0, start,
                    end, bySentence ? best : whole};
        }
        return out;
    }

    /** The scores by the definition: the logistic of {@link #sums}. */
    static double[] scores(ExampleModel m, String draft) {
        double[][] sums = sums(m, draft);
        double[] p = new double[sums.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = 1 / (1 + Math.exp(-sums[k][0]));
        }
        return p;
    }

    /**
     * The findings by the definition: each kind scored at or over its threshold whose scored words (the whole draft's,
     * or its heaviest sentence's) sum to more than the bias alone, spanning the heaviest sentence (the whole draft
     * when it is one), with the draft's three weightiest features.
     */
    static List<ExampleModel.Hit> read(ExampleModel m, String draft) {
        Token[] tokens = m.tokens(draft);
        if (tokens.length == 0) {
            return List.of();
        }
        int[] f = m.vector(tokens, 0, tokens.length);
        double[][] sums = sums(m, draft);
        double[] p = scores(m, draft);
        String[] names = m.names();
        List<ExampleModel.Hit> out = new ArrayList<>();
        for (int k = 0; k < p.length; k++) {
            String kind = m.kinds().get(k);
            double[] w = m.weights(k);
            if (p[k] < m.threshold(kind) || !(sums[k][4] > w[w.length - 1])) {
                continue;
            }
            List<String> why = Arrays.stream(f).boxed().filter(i -> w[i] > 0)
                    .sorted(Comparator.<Integer>comparingDouble(i -> -w[i]).thenComparing(i -> names[i]))
                    .limit(3).map(i -> readable(names[i])).toList();
            out.add(new ExampleModel.Hit(kind, (int) sums[k][2], (int) sums[k][3], p[k], why));
        }
        return out;
    }

    private static String readable(String feature) {
        String body = feature.substring(2);
        return switch (feature.charAt(0)) {
            case 'l' -> "<" + body + ">";
            case 'c' -> "{" + body + "}";
            case 'n' -> "\u00ac" + body;
            default -> body;
        };
    }

    @Test
    void theModelReadsAsItsDefinitionSaysOnEveryExampleAndCorpusDraft() throws IOException {
        ExamplesReader reader = ExamplesReader.bundled();
        for (Language language : Language.values()) {
            ExampleModel m = reader.model(language);
            List<String> drafts = new ArrayList<>();
            try (InputStream in = getClass().getResourceAsStream("/dev/sereno/rules/examples/" + language.code()
                    + ".examples")) {
                Examples.read(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)), "x")
                        .forEach(l -> drafts.add(l.text()));
            }
            for (Path file : List.of(Path.of("..", "corpus", "drafts", language.code() + ".jsonl"),
                    Path.of("..", "corpus", "fresh", "drafts", language.code() + ".jsonl"))) {
                if (Files.exists(file)) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) {
                            drafts.add(JSON.readTree(line).get("draft").asText());
                        }
                    }
                }
            }
            // and drafts made of several of them: long ones, of many sentences
            for (int i = 0; i + 10 <= drafts.size() && i < 2000; i += 10) {
                drafts.add(String.join(" ", drafts.subList(i, i + 10)));
            }
            int findings = 0;
            int bySentence = 0;
            for (String draft : drafts) {
                assertThat(m.scores(draft)).as(language + " scores").containsExactly(scores(m, draft));
                List<ExampleModel.Hit> hits = read(m, draft);
                assertThat(m.read(draft)).as(language + " findings").isEqualTo(hits);
                findings += hits.size();
                double[][] sums = sums(m, draft);
                for (ExampleModel.Hit h : hits) {
                    bySentence += (int) sums[m.kinds().indexOf(h.kind())][1];
                }
            }
            // the sentences' own scores are compared too, not only the whole draft's
            assertThat(bySentence).as(language + " findings by a sentence alone").isGreaterThan(50);
            assertThat(findings).as(language + " findings compared, over " + drafts.size() + " drafts")
                    .isGreaterThan(3000);
        }
    }
}
