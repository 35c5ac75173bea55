package dev.sereno.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.policy.DraftCommitment;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import dev.sereno.text.FinderStore;
import dev.sereno.text.Lexicon;
import dev.sereno.text.Morphology;
import dev.sereno.text.time.CommitmentFinder;
import dev.sereno.text.time.CommitmentList;
import dev.sereno.text.time.CommitmentStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The commitment lists stored at build time ({@code commitments-es.bin}, {@code commitments-en.bin}) find exactly the
 * promises the lists compiled from the same files find, the bundled policy uses them, and a store that is stale (other
 * text, in the commitments or in the lists whose word classes they use) or damaged is not used.
 */
class StoredCommitmentsTest {
    private static final ClassLoader LOADER = StoredCommitmentsTest.class.getClassLoader();
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant NOW = Given.NOW;

    /** The bundled texts the list is compiled from, by path, as the policy reads them: the lists, then the file. */
    private static Map<String, String> texts(String code) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(FinderStore.paths(code));
        paths.add(CommitmentStore.path(code));
        for (String path : paths) {
            try (InputStream in = LOADER.getResourceAsStream("dev/sereno/rules/" + path)) {
                if (in != null) {
                    out.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static CommitmentList compiled(String code, Map<String, String> texts, Morphology morphology) {
        Map<String, String> lists = new LinkedHashMap<>(texts);
        String commitments = lists.remove(CommitmentStore.path(code));
        Lexicon lexicon = FinderStore.lexicon(lists);
        return CommitmentList.read(commitments, CommitmentStore.path(code), lexicon, morphology);
    }

    /**
     * Drafts to read: the tune split of the corpus (never the held-out drafts, nor the fresh ones), each alone and
     * joined to the next; each line of the commitments file in a sentence with a time after it, one before it, and none,
     * so that every phrase is tried.
     */
    private static List<String> sample(String code, String commitments) throws IOException {
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
        boolean es = code.equals("es");
        for (String line : commitments.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("[")) {
                continue;
            }
            int exceptions = l.indexOf(" -- ");
            String words = (exceptions < 0 ? l : l.substring(0, exceptions))
                    .replaceAll("[{}<>\\[\\]*^$|()0-9-]", " ").strip();
            out.add((es ? "Bueno, " : "Well, ") + words + (es ? " mañana a las 10." : " tomorrow at 10."));
            out.add((es ? "Antes del viernes " : "Before Friday ") + words + ".");
            out.add(words + (es ? " cuando lo sepamos. No " : " as soon as we know. We won't ") + words + ".");
        }
        return out;
    }

    @Test
    void theStoredListOfEachLanguageFindsWhatTheCompiledOneFinds() throws IOException {
        for (Language language : List.of(Language.ES, Language.EN)) {
            String code = language.code();
            Map<String, String> texts = texts(code);
            Morphology morphology = Morphology.forLanguage(code).orElse(null);
            CommitmentList stored = CommitmentStore.read(LOADER, code, texts, morphology);
            assertNotNull(stored, code + ": the build stored the list of these very files, and it is used");
            CommitmentList built = compiled(code, texts, morphology);
            assertEquals(built.size(), stored.size(), code + ": phrases");
            var spellings = FinderStore.lexicon(texts.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("commitments/"))
                    .collect(LinkedHashMap<String, String>::new, (m, e) -> m.put(e.getKey(), e.getValue()),
                            Map::putAll)).spellings();
            CommitmentFinder fromStore = new CommitmentFinder(stored, language, spellings);
            CommitmentFinder fromText = new CommitmentFinder(built, language, spellings);
            List<String> sample = sample(code, texts.get(CommitmentStore.path(code)));
            assertTrue(sample.size() > 1_500, code + ": " + sample.size() + " texts");
            int found = 0;
            for (int k = 0; k < sample.size(); k++) {
                List<DraftCommitment> expected = fromText.find(sample.get(k), NOW, MADRID);
                // names the text's place in the sample, never the text
                assertEquals(expected, fromStore.find(sample.get(k), NOW, MADRID), code + ": text " + k + " of the sample");
                found += expected.size();
            }
            assertTrue(found > 1_000, code + ": " + found + " commitments");
        }
    }

    @Test
    void theBundledPolicyFindsTheSameWithItsStoredListAndWithADamagedOneCompiledAgain() throws IOException {
        // the default advisor reads the stored list; one over a class path whose stored lists are damaged refuses them
        // and compiles the lists from their text, as a policy folder's are: both find what the compiled list finds
        try (Advisor damaged = Advisor.builder().rules(RuleSource.classpath(new Damaging(LOADER, 2))).build()) {
            for (Language language : List.of(Language.ES, Language.EN)) {
                String code = language.code();
                Map<String, String> texts = texts(code);
                CommitmentList built = compiled(code, texts, Morphology.forLanguage(code).orElse(null));
                CommitmentFinder fromText = new CommitmentFinder(built, language,
                        DefaultPolicy.ADVISOR.policy().lexicon(language).spellings());
                CommitmentFinder bundled = DefaultPolicy.ADVISOR.policy().commitmentFinder(language);
                CommitmentFinder again = damaged.policy().commitmentFinder(language);
                List<String> sample = sample(code, texts.get(CommitmentStore.path(code)));
                for (int k = 0; k < sample.size(); k++) {
                    List<DraftCommitment> expected = fromText.find(sample.get(k), NOW, MADRID);
                    assertEquals(expected, bundled.find(sample.get(k), NOW, MADRID), code + ": text " + k);
                    assertEquals(expected, again.find(sample.get(k), NOW, MADRID), code + ": text " + k);
                }
            }
        }
    }

    @Test
    void aStoredListIsNotUsedForOtherTextOrWhenDamaged() throws IOException {
        for (String code : List.of("es", "en")) {
            Map<String, String> texts = texts(code);
            Morphology morphology = Morphology.forLanguage(code).orElse(null);
            for (String path : texts.keySet()) {
                Map<String, String> changed = new LinkedHashMap<>(texts);
                changed.put(path, texts.get(path) + "\n# one more line\n");
                assertNull(CommitmentStore.read(LOADER, code, changed, morphology),
                        code + ": not used when " + path + " is not the text it was compiled from");
                Map<String, String> missing = new LinkedHashMap<>(texts);
                missing.remove(path);
                assertNull(CommitmentStore.read(LOADER, code, missing, morphology), code + ": not used without " + path);
            }
            assertNull(CommitmentStore.read(LOADER, code, texts, null), code + ": not used without the dictionary forms");
            assertNull(CommitmentStore.read(new Damaging(LOADER, 0), code, texts, morphology),
                    code + ": not used when damaged in its header");
            assertNull(CommitmentStore.read(new Damaging(LOADER, 2), code, texts, morphology),
                    code + ": not used when damaged in its body");
            assertNull(CommitmentStore.read(new Damaging(LOADER, -1), code, texts, morphology),
                    code + ": not used when cut short");
            assertNotNull(CommitmentStore.read(LOADER, code, texts, morphology));
        }
    }

    /** A class path whose stored lists are damaged: a byte changed in the header or halfway, or the end cut off. */
    private static final class Damaging extends ClassLoader {
        private final int where;

        Damaging(ClassLoader parent, int where) {
            super(parent);
            this.where = where;
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("META-INF/sereno/commitments-") ? null : super.getResource(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (!name.startsWith("META-INF/sereno/commitments-")) {
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
