package dev.sereno.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sereno.engine.ExamplesReader;
import dev.sereno.text.ListStore;
import dev.sereno.text.ModelStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored lists, phrase finders, commitment lists and examples models ({@code lists-*.bin}, {@code finder-*.bin},
 * {@code commitments-*.bin}, {@code model-*.bin}) are a reproducible part of the build: made again here from the same files they are the same
 * bytes as the build's. This test's JVM is not the one the
 * build's {@code store-lists} step ran in, so what varies from one JVM to the next (the salt of {@code Set.of} and
 * {@code Set.copyOf} iteration, identity hashes, timing) varies between the two: the finder's word numbering once
 * followed the order of such sets, and every build gave other {@code finder-es.bin} bytes for the same findings.
 */
class ReproducibleStoresTest {
    private static final ClassLoader LOADER = ReproducibleStoresTest.class.getClassLoader();

    private static Path resourceDirectory(String resource, int up) throws URISyntaxException {
        URL url = LOADER.getResource(resource);
        assertNotNull(url, resource + " is not on the class path: run the rules module's build first");
        assertEquals("file", url.getProtocol(), "the build's output is read as a directory");
        Path p = Path.of(url.toURI());
        for (int k = 0; k < up; k++) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void theStoresMadeAgainInAnotherJvmAreTheBuildsBytes(@TempDir Path again)
            throws IOException, URISyntaxException {
        Path built = resourceDirectory("META-INF/sereno/finder-es.bin", 1);
        Path policy = resourceDirectory("dev/sereno/rules/phrases/es.phrases", 2);

        ListStore.main(new String[] {policy.toString(), again.toString()});
        // the kinds the rules pom's store-examples-model step names (another test checks they are these)
        ModelStore.main(new String[] {policy.toString(), again.toString(),
            String.join(",", new TreeSet<>(ExamplesReader.BLOCKING_KINDS))});

        List<Path> made;
        try (Stream<Path> files = Files.list(again)) {
            made = files.sorted().toList();
        }
        List<String> names = made.stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("lists-es.bin", "lists-en.bin", "finder-es.bin", "finder-en.bin",
                "commitments-es.bin", "commitments-en.bin", "model-es.bin", "model-en.bin")),
                "made: " + names);
        for (Path file : made) {
            byte[] mine = Files.readAllBytes(file);
            byte[] build = Files.readAllBytes(built.resolve(file.getFileName()));
            assertEquals(build.length, mine.length, file.getFileName() + ": length");
            assertEquals(-1, firstDifference(build, mine), file.getFileName() + ": first byte that differs");
        }
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int k = 0; k < n; k++) {
            if (a[k] != b[k]) {
                return k;
            }
        }
        return a.length == b.length ? -1 : n;
    }
}
