package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.engine.ExamplesReader;
import dev.sereno.situation.Language;
import dev.sereno.text.ExampleModel;
import dev.sereno.text.Examples;
import dev.sereno.text.Lexicon;
import dev.sereno.text.ModelStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The examples reader's models the build trained and stored (model-es.bin, model-en.bin): the bundled reader uses
 * them, and they are the models training the bundled examples now gives, score for score and finding for finding.
 */
class StoredExamplesModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String resource(String name) throws IOException {
        try (InputStream in = StoredExamplesModelTest.class.getResourceAsStream("/dev/sereno/rules/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every fifth example, and the corpus drafts of the language when the corpus is beside the module. */
    private static List<String> drafts(String code, List<Examples.Line> examples) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i += 5) {
            out.add(examples.get(i).text());
        }
        Path corpus = Path.of("..", "corpus", "drafts", code + ".jsonl");
        if (Files.exists(corpus)) {
            for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line).get("draft").asText());
                }
            }
        }
        return out;
    }

    @Test
    void theStoredModelIsUsedAndIsTheModelTrainingGives() throws IOException {
        for (Language language : Language.values()) {
            String code = language.code();
            String text = resource("examples/" + code + ".examples");
            ExampleModel stored = ModelStore.readBundled(getClass().getClassLoader(), code, text,
                    ExamplesReader.BLOCKING_KINDS);
            assertThat(stored).as("the build stored the %s model with the kinds the reader holds strict", code)
                    .isNotNull();
            assertThat(ExamplesReader.bundled().model(language).featureCount()).isEqualTo(stored.featureCount());

            List<Examples.Line> examples = Examples.read(new StringReader(text), "examples/" + code + ".examples");
            Lexicon.Builder lists = Lexicon.builder();
            for (String file : ModelStore.listFiles(code)) {
                lists.add(new StringReader(resource(file)), file);
            }
            ExampleModel trained = ExampleModel.train(examples, lists.build(), code, ExamplesReader.BLOCKING_KINDS);
            assertThat(stored.kinds()).isEqualTo(trained.kinds());
            assertThat(stored.trainedOn()).isEqualTo(trained.trainedOn());
            assertThat(stored.featureCount()).isEqualTo(trained.featureCount());
            for (String kind : trained.kinds()) {
                assertThat(stored.threshold(kind)).as(kind).isEqualTo(trained.threshold(kind));
            }
            int findings = 0;
            List<String> drafts = drafts(code, examples);
            for (String draft : drafts) {
                double[] a = trained.scores(draft);
                double[] b = stored.scores(draft);
                for (int k = 0; k < a.length; k++) {
                    assertThat(b[k]).isCloseTo(a[k], Offset.offset(1e-9));
                }
                List<ExampleModel.Hit> hits = trained.read(draft);
                assertThat(stored.read(draft)).isEqualTo(hits);
                findings += hits.size();
            }
            assertThat(findings).as("%s findings compared over %d drafts", code, drafts.size()).isGreaterThan(500);
        }
    }
}
