package dev.sereno.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.policy.Finding;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.situation.Language;
import dev.sereno.text.FinderStore;
import dev.sereno.text.Lexicon;
import dev.sereno.text.Morphology;
import dev.sereno.text.Phrase;
import dev.sereno.text.PhraseFinder;
import dev.sereno.text.PhraseList;
import dev.sereno.text.Spellings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The phrase finders stored at build time ({@code finder-es.bin}, {@code finder-en.bin}) find exactly what the finders
 * built from the same lists find, and a store that is stale (other text) or damaged is not used.
 */
class StoredFinderTest {
    private static final ClassLoader LOADER = StoredFinderTest.class.getClassLoader();

    /** The bundled texts the finder is built from, by path, as the policy reads them. */
    private static Map<String, String> texts(String code) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : FinderStore.paths(code)) {
            try (InputStream in = LOADER.getResourceAsStream("dev/sereno/rules/" + path)) {
                if (in != null) {
                    out.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** The lexicon the policy reads from the texts: the spellings first, then the phrases and the words. */
    private static Lexicon lexicon(Map<String, String> texts) throws IOException {
        Lexicon.Builder b = Lexicon.builder();
        texts.forEach((path, text) -> {
            if (path.endsWith(".spellings")) {
                b.spellings(Spellings.builder().add(text, path).build());
            }
        });
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (!e.getKey().endsWith(".spellings")) {
                b.add(new StringReader(e.getValue()), e.getKey());
            }
        }
        return b.build();
    }

    /**
     * Texts to read: the tune split of the corpus (never the held-out drafts, nor the fresh ones), each draft alone and
     * joined to the next; each phrase of the lists in a sentence, so that every list is found at least once.
     */
    private static List<String> sample(String code, Lexicon lexicon) throws IOException {
        List<String> out = new ArrayList<>();
        Path file = Path.of("..", "corpus", "drafts", code + ".jsonl");
        if (Files.isRegularFile(file)) {
            ObjectMapper json = new ObjectMapper();
            String previous = "";
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                if ("tune".equals(n.path("split").asText())) {
                    String draft = n.get("draft").asText();
                    out.add(draft);
                    out.add(previous + " " + draft);
                    previous = draft;
                }
            }
        }
        for (PhraseList list : lexicon.lists().values()) {
            for (Phrase p : list.phrases()) {
                out.add("Bueno, " + p.text().replaceAll("[{}<>\\[\\]*^$|()0-9-]", " ") + " y luego.");
            }
        }
        // the masked classes' words typed masked ("m1erda", "f*ck"): the stored finder reads masks without the lexicon
        for (String name : List.of("INSULT", "PROFANITY")) {
            for (Phrase p : lexicon.classes().getOrDefault(name, List.of())) {
                String w = p.text().replaceAll("[<>]", "");
                if (w.length() > 3 && w.chars().allMatch(Character::isLetter)) {
                    out.add("Vaya " + w.charAt(0) + "*" + w.substring(2) + " de verdad.");
                    out.add("Vaya " + w.replace('i', '1').replace('o', '0').replace('e', '3') + " de verdad.");
                }
            }
        }
        return out;
    }

    @Test
    void theStoredFinderOfEachLanguageFindsWhatTheBuiltOneFinds() throws IOException {
        for (String code : List.of("es", "en")) {
            Map<String, String> texts = texts(code);
            Lexicon lexicon = lexicon(texts);
            Morphology morphology = Morphology.forLanguage(code).orElse(null);
            PhraseFinder stored = FinderStore.read(LOADER, code, texts, lexicon.spellings(), morphology);
            assertNotNull(stored, code + ": the build stored the finder of these very lists, and it is used");
            PhraseFinder built = new PhraseFinder(lexicon, morphology);
            List<String> sample = sample(code, lexicon);
            assertTrue(sample.size() > 3_000, code + ": " + sample.size() + " texts");
            int findings = 0;
            for (int k = 0; k < sample.size(); k++) {
                List<Finding> expected = built.find(sample.get(k));
                // names the text's place in the sample, never the text
                assertEquals(expected, stored.find(sample.get(k)), code + ": text " + k + " of the sample");
                findings += expected.size();
            }
            assertTrue(findings > 2_000, code + ": " + findings + " findings");
        }
    }

    @Test
    void theBundledPolicysListsMadeWhenFirstAskedForAreTheListsOfItsFiles() throws IOException {
        // the bundled policy reads its finder and commitment lists stored, and makes the lexicon only when asked
        for (Language language : List.of(Language.ES, Language.EN)) {
            Lexicon expected = lexicon(texts(language.code()));
            Lexicon made = DefaultPolicy.ADVISOR.policy().lexicon(language);
            assertEquals(expected.lists(), made.lists(), language.code());
            assertEquals(expected.classes(), made.classes(), language.code());
            assertEquals(expected.spellings().shorthand(), made.spellings().shorthand(), language.code());
            // what the examples reader asks of the lists, the finder answers alike (a kind with no list: false)
            PhraseFinder finder = stored(language.code());
            int followed = 0;
            for (String kind : expected.lists().keySet()) {
                boolean cancelled = !expected.list(kind).unlessFollowedBy().isEmpty();
                assertEquals(cancelled, finder.cancelledWhenFollowed(kind), language.code() + " " + kind);
                followed += cancelled ? 1 : 0;
            }
            assertTrue(followed > 0, language.code() + ": some list is cancelled by what follows it");
            assertEquals(false, finder.cancelledWhenFollowed("NOT_A_LIST"));
        }
    }

    private static PhraseFinder stored(String code) throws IOException {
        Map<String, String> texts = texts(code);
        return FinderStore.read(LOADER, code, texts, lexicon(texts).spellings(),
                Morphology.forLanguage(code).orElse(null));
    }

    @Test
    void aStoredFinderIsNotUsedForOtherTextOrWhenDamaged() throws IOException {
        for (String code : List.of("es", "en")) {
            Map<String, String> texts = texts(code);
            Lexicon lexicon = lexicon(texts);
            Morphology morphology = Morphology.forLanguage(code).orElse(null);
            for (String path : texts.keySet()) {
                Map<String, String> changed = new LinkedHashMap<>(texts);
                changed.put(path, texts.get(path) + "\n# one more line\n");
                assertNull(FinderStore.read(LOADER, code, changed, lexicon(changed).spellings(), morphology),
                        code + ": not used when " + path + " is not the text it was built from");
                Map<String, String> missing = new LinkedHashMap<>(texts);
                missing.remove(path);
                assertNull(FinderStore.read(LOADER, code, missing, lexicon(missing).spellings(), morphology),
                        code + ": not used without " + path);
            }
            assertNull(FinderStore.read(new Damaging(LOADER, 0), code, texts, lexicon.spellings(), morphology),
                    code + ": not used when damaged in its header");
            assertNull(FinderStore.read(new Damaging(LOADER, 2), code, texts, lexicon.spellings(), morphology),
                    code + ": not used when damaged in its body");
            assertNull(FinderStore.read(new Damaging(LOADER, -1), code, texts, lexicon.spellings(), morphology),
                    code + ": not used when cut short");
            assertNotNull(FinderStore.read(LOADER, code, texts, lexicon.spellings(), morphology));
        }
    }

    /** A class path whose stored finders are damaged: a byte changed in the header or halfway, or the end cut off. */
    private static final class Damaging extends ClassLoader {
        private final int where;

        Damaging(ClassLoader parent, int where) {
            super(parent);
            this.where = where;
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("META-INF/sereno/finder-") ? null : super.getResource(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (!name.startsWith("META-INF/sereno/finder-")) {
                return super.getResourceAsStream(name);
            }
            try (InputStream in = super.getResourceAsStream(name)) {
                byte[] bytes = in.readAllBytes();
                if (where < 0) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length - 100);
                } else {
                    bytes[where == 0 ? 10 : bytes.length / where] ^= 0x20;
                }
                return new ByteArrayInputStream(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
