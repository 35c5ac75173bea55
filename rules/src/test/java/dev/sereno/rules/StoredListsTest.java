package dev.sereno.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sereno.engine.internal.Policy;
import dev.sereno.engine.internal.PolicyLoader;
import dev.sereno.engine.internal.PolicyOrigin;
import dev.sereno.situation.Language;
import dev.sereno.text.Lexicon;
import dev.sereno.text.ListStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled lists stored at build time ({@code lists-es.bin}, {@code lists-en.bin}) give exactly the lexicons their
 * text gives, alone and under a policy folder's own lines; a policy whose store is missing, stale or damaged reads
 * the text and loads the same lexicons.
 */
class StoredListsTest {
    private static final ClassLoader LOADER = StoredListsTest.class.getClassLoader();

    private static String bundled(String path) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream("dev/sereno/rules/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertSame(Lexicon expected, Lexicon actual) {
        assertEquals(new ArrayList<>(expected.lists().keySet()), new ArrayList<>(actual.lists().keySet()));
        assertEquals(new ArrayList<>(expected.classes().keySet()), new ArrayList<>(actual.classes().keySet()));
        assertEquals(expected.lists(), actual.lists(), "every list: phrases, exceptions, reaches, file:line");
        assertEquals(expected.classes(), actual.classes(), "every class");
    }

    @Test
    void theBuildStoredEachLanguagesListsAndTheyGiveTheLexiconTheTextGives() throws IOException {
        for (String code : List.of("es", "en")) {
            ListStore store = ListStore.read(LOADER, code);
            assertFalse(store.isEmpty(), code + ": the build stored the lists, for this code");
            Lexicon.Builder fromText = Lexicon.builder();
            Lexicon.Builder fromStore = Lexicon.builder();
            for (String path : List.of("phrases/" + code + ".phrases", "phrases/" + code + ".words")) {
                String text = bundled(path);
                fromText.add(new StringReader(text), path);
                assertTrue(store.addTo(fromStore, path, null, text), path + " is stored");
            }
            Lexicon expected = fromText.build();
            assertTrue(expected.lists().size() > 20 && expected.classes().size() > 10);
            assertSame(expected, fromStore.build());
        }
    }

    @Test
    void theLoadedPolicyHasTheSameLexiconsWithAStoreMissingOrDamaged() {
        Policy stored = PolicyLoader.load(PolicyOrigin.classpath(LOADER), null);
        Policy missing = PolicyLoader.load(PolicyOrigin.classpath(new Hiding(LOADER, null)), null);
        Policy damaged = PolicyLoader.load(PolicyOrigin.classpath(new Hiding(LOADER, "damaged")), null);
        for (Language l : Language.values()) {
            assertSame(missing.lexicon(l), stored.lexicon(l));
            assertSame(missing.lexicon(l), damaged.lexicon(l));
        }
        assertEquals(missing.revision(), stored.revision());
    }

    @Test
    void underAFoldersOwnLinesTheLexiconIsTheJoinedTextsWithTheirLineNumbers() {
        Map<String, String> folder = Map.of(
                "phrases/es.phrases", "[EVASIVE]\nya veremos qué pasa\r\n[BLAMES_CUSTOMER]\nusted lo rompió",
                "phrases/en.words", "[class INSULT]\nnincompoop\n");
        Policy stored = PolicyLoader.load(PolicyOrigin.layered(PolicyOrigin.classpath(LOADER),
                PolicyOrigin.memory(folder)), null);
        Policy fromText = PolicyLoader.load(PolicyOrigin.layered(PolicyOrigin.classpath(new Hiding(LOADER, null)),
                PolicyOrigin.memory(folder)), null);
        for (Language l : Language.values()) {
            assertSame(fromText.lexicon(l), stored.lexicon(l));
        }
        assertTrue(stored.lexicon(Language.ES).list("EVASIVE").phraseTexts().contains("ya veremos qué pasa"));
    }

    /** A class path whose list stores are missing, or damaged (one byte changed). */
    private static final class Hiding extends ClassLoader {
        private final String how;

        Hiding(ClassLoader parent, String how) {
            super(parent);
            this.how = how;
        }

        private static boolean isStore(String name) {
            return name.startsWith("META-INF/sereno/lists-");
        }

        @Override
        public URL getResource(String name) {
            return isStore(name) ? null : super.getResource(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (!isStore(name)) {
                return super.getResourceAsStream(name);
            }
            if (how == null) {
                return null;
            }
            try (InputStream in = super.getResourceAsStream(name)) {
                byte[] bytes = in.readAllBytes();
                bytes[bytes.length / 2] ^= 0x20;
                return new ByteArrayInputStream(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
