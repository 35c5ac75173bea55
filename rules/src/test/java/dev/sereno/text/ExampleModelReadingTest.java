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
 * the sum of the weights of the draft's features ({@link ExampleModel#vector}, each once, in order of appearance), and
 * each finding spans the sentence whose own features weigh most and names the three weightiest features; checked
 * against that definition, written out plainly here, on every bundled example and every corpus draft.
 */
class ExampleModelReadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scores by the definition: the features of the whole draft, summed in order. */
    static double[] scores(ExampleModel m, String draft) {
        Token[] tokens = m.tokens(draft);
        int[] f = m.vector(tokens, 0, tokens.length);
        double[] z = new double[m.kinds().size()];
        for (int k = 0; k < z.length; k++) {
            double[] w = m.weights(k);
            // the bias first, then each feature, as the model adds them
            double sum = w[w.length - 1];
            for (int i : f) {
                sum += w[i];
            }
            z[k] = 1 / (1 + Math.exp(-sum));
        }
        return z;
    }

    /** The findings by the definition: each sentence's features summed on their own, the first of the heaviest. */
    static List<ExampleModel.Hit> read(ExampleModel m, String draft) {
        Token[] tokens = m.tokens(draft);
        if (tokens.length == 0) {
            return List.of();
        }
        int[] f = m.vector(tokens, 0, tokens.length);
        double[] p = scores(m, draft);
        String[] names = m.names();
        List<ExampleModel.Hit> out = new ArrayList<>();
        for (int k = 0; k < p.length; k++) {
            String kind = m.kinds().get(k);
            if (p[k] < m.threshold(kind)) {
                continue;
            }
            double[] w = m.weights(k);
            int start = -1;
            int end = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int from = 0; from < tokens.length; ) {
                int to = from;
                while (to < tokens.length && tokens[to].sentence() == tokens[from].sentence()) {
                    to++;
                }
                double sum = 0;
                for (int i : m.vector(tokens, from, to)) {
                    sum += w[i];
                }
                if (sum > best) {
                    best = sum;
                    start = tokens[from].start();
                    end = tokens[to - 1].end();
                }
                from = to;
            }
            List<String> why = Arrays.stream(f).boxed().filter(i -> w[i] > 0)
                    .sorted(Comparator.<Integer>comparingDouble(i -> -w[i]).thenComparing(i -> names[i]))
                    .limit(3).map(i -> readable(names[i])).toList();
            out.add(new ExampleModel.Hit(kind, start, end, p[k], why));
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
            for (String draft : drafts) {
                assertThat(m.scores(draft)).as(language + " scores").containsExactly(scores(m, draft));
                List<ExampleModel.Hit> hits = read(m, draft);
                assertThat(m.read(draft)).as(language + " findings").isEqualTo(hits);
                findings += hits.size();
            }
            assertThat(findings).as(language + " findings compared, over " + drafts.size() + " drafts")
                    .isGreaterThan(3000);
        }
    }
}
