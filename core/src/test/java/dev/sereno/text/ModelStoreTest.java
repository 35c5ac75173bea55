package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model stored at build time is the model training gives, to the bit, and is used only for what it was trained
 * from: changed examples, lists or kinds mean training again; a damaged or cut store is refused, never half read.
 */
public class ModelStoreTest {
    private static final String CLASSES = """
            [class INSULT]
            idiot
            moron
            clown
            muppet
            numpty
            pillock
            """;
    private static final Map<String, String> LISTS = Map.of("phrases/en.words", CLASSES);

    private static ExampleModel trained(String examples) throws IOException {
        return ModelStore.train("en", examples, "en.examples", LISTS, ExampleModelTest.STRICT);
    }

    private static byte[] key(String examples) {
        return ModelStore.key("en", examples, LISTS, ExampleModelTest.STRICT);
    }

    /** The drafts compared: every example, and some no example has (words, classes and pairs it never saw). */
    private static List<String> drafts() {
        List<String> out = new ArrayList<>();
        ExampleModelTest.examples().forEach(l -> out.add(l.text()));
        out.addAll(List.of("Hello Ann. You should have read the email before paying. Kind regards.",
                "Stop being such a numpty.", "", "!!!", "Zzyzx qwerty, you pillock; the router is fine.",
                "We should have read your email before charging you. I am sorry."));
        return out;
    }

    @Test
    void theStoredModelScoresAndFindsAsTheTrainedOne() throws Exception {
        ExampleModel trained = trained(ExampleModelTest.EXAMPLES);
        byte[] key = key(ExampleModelTest.EXAMPLES);
        assertThat(key).isNotNull();
        ExampleModel stored = ModelStore.of(ModelStore.write(trained, key), key);
        assertThat(stored).isNotNull();
        assertThat(stored.kinds()).isEqualTo(trained.kinds());
        assertThat(stored.trainedOn()).isEqualTo(trained.trainedOn());
        assertThat(stored.featureCount()).isEqualTo(trained.featureCount());
        for (String kind : trained.kinds()) {
            assertThat(stored.threshold(kind)).isEqualTo(trained.threshold(kind));
        }
        int found = 0;
        for (String draft : drafts()) {
            double[] a = trained.scores(draft);
            double[] b = stored.scores(draft);
            for (int k = 0; k < a.length; k++) {
                assertThat(b[k]).as(draft).isCloseTo(a[k], org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(stored.read(draft)).as(draft).isEqualTo(trained.read(draft));
            found += trained.read(draft).size();
        }
        assertThat(found).as("findings compared").isGreaterThan(20);
    }

    @Test
    void aStoreMadeFromOtherExamplesListsOrKindsIsNotUsed() throws Exception {
        byte[] key = key(ExampleModelTest.EXAMPLES);
        byte[] stored = ModelStore.write(trained(ExampleModelTest.EXAMPLES), key);
        String edited = ExampleModelTest.EXAMPLES.replace("You absolute moron.", "You absolute muppet.");
        assertThat(ModelStore.of(stored, key(edited))).isNull();
        assertThat(ModelStore.of(stored, ModelStore.key("en", ExampleModelTest.EXAMPLES,
                Map.of("phrases/en.words", CLASSES + "dimwit\n"), ExampleModelTest.STRICT))).isNull();
        assertThat(ModelStore.of(stored, ModelStore.key("en", ExampleModelTest.EXAMPLES, LISTS,
                Set.of("INSULTS_CUSTOMER")))).isNull();
        assertThat(ModelStore.of(stored, ModelStore.key("es", ExampleModelTest.EXAMPLES, LISTS,
                ExampleModelTest.STRICT))).isNull();
        assertThat(ModelStore.of(stored, key)).isNotNull();
    }

    @Test
    void aDamagedOrCutStoreIsRefused() throws Exception {
        byte[] key = key(ExampleModelTest.EXAMPLES);
        byte[] stored = ModelStore.write(trained(ExampleModelTest.EXAMPLES), key);
        byte[] flipped = stored.clone();
        flipped[stored.length / 2] ^= 0x10;
        assertThatThrownBy(() -> ModelStore.of(flipped, key)).isInstanceOf(ModelStore.StoreException.class)
                .hasMessageContaining("damaged");
        for (int length : new int[] {0, 3, 11, 40, stored.length / 2, stored.length - 1}) {
            assertThatThrownBy(() -> ModelStore.of(Arrays.copyOf(stored, length), key)).as("cut at " + length)
                    .isInstanceOf(ModelStore.StoreException.class);
        }
        // cut short and sealed again, as a writer that stopped half way and then closed the file would leave it
        byte[] body = Arrays.copyOf(stored, stored.length - 4);
        byte[] resealed = StoredBytes.sealed(Arrays.copyOf(body, body.length - 1000));
        assertThatThrownBy(() -> ModelStore.of(resealed, key)).isInstanceOf(ModelStore.StoreException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void onTheClassPathAStaleOrDamagedStoreMeansTraining(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(String.format(ModelStore.RESOURCE, "en"));
        Files.createDirectories(file.getParent());
        byte[] stored = ModelStore.write(trained(ExampleModelTest.EXAMPLES), key(ExampleModelTest.EXAMPLES));
        Files.write(file, stored);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(ModelStore.read(loader, "en", ExampleModelTest.EXAMPLES, new LinkedHashMap<>(LISTS),
                    ExampleModelTest.STRICT)).isNotNull();
            assertThat(ModelStore.read(loader, "en", ExampleModelTest.EXAMPLES + "GOOD: Thank you.\n", LISTS,
                    ExampleModelTest.STRICT)).as("examples edited since").isNull();
            assertThat(ModelStore.read(loader, "es", ExampleModelTest.EXAMPLES, LISTS, ExampleModelTest.STRICT))
                    .as("none stored").isNull();
        }
        stored[100] ^= 1;
        Files.write(file, stored);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(ModelStore.read(loader, "en", ExampleModelTest.EXAMPLES, LISTS, ExampleModelTest.STRICT))
                    .as("damaged").isNull();
        }
    }
}
