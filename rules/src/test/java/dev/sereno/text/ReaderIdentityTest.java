package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sereno.engine.Advisor;
import dev.sereno.policy.Finding;
import dev.sereno.situation.Language;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The draft reader, made faster, still reads exactly as it did: the bundled lists (and the same lists a third longer,
 * as {@code DraftReadingBenchmark}'s {@code grown}) read every corpus draft, every text of the bundled scenarios and
 * a few thousand variations of them (drafts run together, sentences shuffled, upper case, accents and apostrophes
 * dropped, quotation marks added) with the same findings — kind, span, offsets, source — in the same order as
 * {@link RefPhraseFinder}, a frozen copy of the reader before it was made faster. Each text is read with both
 * languages' lists, so each list also meets the other language's words. The commitment lists, which the same
 * patterns read, match the same phrases at every word of those texts as {@link RefPhraseMatcher}.
 */
class ReaderIdentityTest {
    private static final Path CORPUS = Path.of("..", "corpus");
    private static final Path SCENARIOS = Path.of("src", "main", "resources", "dev", "sereno", "rules", "scenarios");

    private static final Map<Language, Lexicon> LEXICONS = new EnumMap<>(Language.class);
    private static List<String> texts;

    @BeforeAll
    static void load() throws IOException {
        try (Advisor advisor = Advisor.withDefaultRules()) {
            for (Language l : Language.values()) {
                LEXICONS.put(l, advisor.policy().lexicon(l));
            }
        }
        List<String> read = new ArrayList<>();
        read.addAll(corpusDrafts(CORPUS.resolve("drafts")));
        read.addAll(corpusDrafts(CORPUS.resolve("fresh").resolve("drafts")));
        read.addAll(scenarioTexts());
        texts = new ArrayList<>(read);
        texts.addAll(variations(read, 4000, new Random(22)));
    }

    @AfterAll
    static void unload() {
        LEXICONS.clear();
        texts = null;
    }

    @Test
    void theTextsAreThere() {
        assertThat(texts).hasSizeGreaterThan(3492 + 4000);
    }

    @Test
    void theBundledListsFindTheSameAsBefore() {
        for (Language l : Language.values()) {
            assertSameFindings(l.name(), LEXICONS.get(l), l);
        }
    }

    @Test
    void listsAThirdLongerFindTheSameAsBefore() {
        for (Language l : Language.values()) {
            assertSameFindings(l.name() + " grown", grownByAThird(LEXICONS.get(l)), l);
        }
    }

    /**
     * The commitment reader's matcher ({@link PhraseMatcher}, which shares the reader's patterns) gives the same
     * longest phrase at every word of every text, for the promises and the phrases without a time of the bundled
     * commitment lists, as {@link RefPhraseMatcher}.
     */
    @Test
    void theCommitmentListsMatchTheSameAsBefore() throws IOException {
        UnaryOperator<String> fold = w -> Folding.fold(w).replace('\u00f1', 'n').replace('\u2019', '\'');
        for (Language l : Language.values()) {
            String code = l.name().toLowerCase(Locale.ROOT);
            List<List<PhraseMatcher.Line>> lists = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<RefPhraseMatcher.Line>> refLists = List.of(new ArrayList<>(), new ArrayList<>());
            String file = "/dev/sereno/rules/commitments/" + code + ".commitments";
            String[] lines;
            try (var in = ReaderIdentityTest.class.getResourceAsStream(file)) {
                lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R");
            }
            int list = 0;
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    list = line.startsWith("[WITHOUT_TIME") ? 1 : 0;
                    continue;
                }
                lists.get(list).add(new PhraseMatcher.Line(line, file + ":" + (n + 1)));
                refLists.get(list).add(new RefPhraseMatcher.Line(line, file + ":" + (n + 1)));
            }
            Morphology morphology = Morphology.forLanguage(code).orElse(null);
            PhraseMatcher matcher = PhraseMatcher.compile(lists, LEXICONS.get(l), morphology, fold);
            RefPhraseMatcher reference = RefPhraseMatcher.compile(refLists, LEXICONS.get(l), morphology, fold);
            List<String> differences = new ArrayList<>();
            int matches = 0;
            for (String text : texts) {
                Spelt words = Spelt.of(fold.apply(text));
                PhraseMatcher.Text t = matcher.text(words.words, words.starts, words.ends, words.sentences);
                RefPhraseMatcher.Text r = reference.text(words.words, words.starts, words.ends, words.sentences);
                for (int at = 0; at < words.words.length; at++) {
                    for (int k = 0; k < 2; k++) {
                        PhraseMatcher.Match m = matcher.longest(t, at, k);
                        RefPhraseMatcher.Match e = reference.longest(r, at, k);
                        String now = m == null ? "none" : m.index() + "-" + m.end();
                        String before = e == null ? "none" : e.index() + "-" + e.end();
                        matches += e == null ? 0 : 1;
                        if (!now.equals(before) && differences.size() < 10) {
                            differences.add(l + " list " + k + " at word " + at + " of \"" + text + "\": before "
                                    + before + ", now " + now);
                        }
                    }
                }
            }
            assertThat(differences).as("commitment phrases matched differently").isEmpty();
            assertThat(matches).as(l + " commitment matches").isGreaterThan(texts.size() / 10);
        }
    }

    /** A text's words as the commitment reader spells them (folded, ñ as n, with their apostrophes), roughly split. */
    private record Spelt(String[] words, int[] starts, int[] ends, int[] sentences) {
        static Spelt of(String folded) {
            List<String> words = new ArrayList<>();
            List<int[]> where = new ArrayList<>();
            int sentence = 0;
            int i = 0;
            while (i < folded.length()) {
                char c = folded.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    int start = i;
                    while (i < folded.length() && (Character.isLetterOrDigit(folded.charAt(i))
                            || folded.charAt(i) == '\'' && i + 1 < folded.length()
                            && Character.isLetter(folded.charAt(i + 1)))) {
                        i++;
                    }
                    words.add(folded.substring(start, i));
                    where.add(new int[] {start, i, sentence});
                    continue;
                }
                if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
                    sentence++;
                }
                i++;
            }
            int n = words.size();
            int[] starts = new int[n];
            int[] ends = new int[n];
            int[] sentences = new int[n];
            for (int k = 0; k < n; k++) {
                starts[k] = where.get(k)[0];
                ends[k] = where.get(k)[1];
                sentences[k] = where.get(k)[2];
            }
            return new Spelt(words.toArray(new String[0]), starts, ends, sentences);
        }
    }

    private static void assertSameFindings(String name, Lexicon lexicon, Language language) {
        Morphology morphology = Morphology.forLanguage(language.name().toLowerCase(Locale.ROOT)).orElse(null);
        PhraseFinder reader = new PhraseFinder(lexicon, morphology);
        RefPhraseFinder reference = new RefPhraseFinder(lexicon, morphology);
        List<String> differences = new ArrayList<>();
        int findings = 0;
        for (String text : texts) {
            List<Finding> expected = reference.find(text);
            List<Finding> actual = reader.find(text);
            findings += expected.size();
            if (!expected.equals(actual) && differences.size() < 10) {
                differences.add(name + ": \"" + text + "\"\n  before: " + expected + "\n  now:    " + actual);
            }
        }
        assertThat(differences).as("texts read differently").isEmpty();
        // the texts do exercise the lists
        assertThat(findings).as(name + " findings").isGreaterThan(texts.size() / 4);
    }

    private static List<String> corpusDrafts(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        out.add(json.readTree(line).path("draft").asText());
                    }
                }
            }
        }
        return out;
    }

    /** Every text of the bundled scenarios: drafts, customers' messages, what promises say. */
    private static List<String> scenarioTexts() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SCENARIOS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                collect(yaml.readTree(f.toFile()), out);
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual() && node.asText().indexOf(' ') > 0) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }

    /** Texts made from the given ones the ways drafts differ: longer, reordered, shouted, typed carelessly, quoted. */
    static List<String> variations(List<String> from, int count, Random random) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String text = pick(from, random);
            out.add(switch (n % 9) {
                case 0 -> together(from, random, 2 + random.nextInt(5), " ");
                case 1 -> shuffled(together(from, random, 2 + random.nextInt(4), "\n"), random);
                case 2 -> text.toUpperCase(Locale.ROOT);
                case 3 -> Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                case 4 -> text.toLowerCase(Locale.ROOT).replaceAll("[.,;:!?¡¿]", "");
                case 5 -> quoted(text, random);
                case 6 -> text.replace('\'', '\u2019');
                case 7 -> text.replace("'", "").replace("\u2019", "");
                default -> wordsDroppedAndDoubled(text, random);
            });
        }
        return out;
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static String together(List<String> from, Random random, int n, String between) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append(k == 0 ? "" : between).append(pick(from, random));
        }
        return b.toString();
    }

    private static String shuffled(String text, Random random) {
        List<String> sentences = new ArrayList<>(List.of(text.split("(?<=[.!?\\n])\\s*")));
        Collections.shuffle(sentences, random);
        return String.join(" ", sentences);
    }

    private static String quoted(String text, Random random) {
        String[][] marks = {{"«", "»"}, {"“", "”"}, {"\"", "\""}, {"'", "'"}, {"‘", "’"}};
        String[] m = marks[random.nextInt(marks.length)];
        String[] words = text.split(" ");
        if (words.length < 3) {
            return m[0] + text + m[1];
        }
        int from = random.nextInt(words.length - 1);
        int to = from + 1 + random.nextInt(Math.min(6, words.length - from - 1));
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < words.length; k++) {
            b.append(k == 0 ? "" : " ").append(k == from ? m[0] : "").append(words[k]).append(k == to - 1 ? m[1] : "");
        }
        return "Le dijeron que " + b + " and you were told " + b;
    }

    private static String wordsDroppedAndDoubled(String text, Random random) {
        String[] words = text.split(" ");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            int r = random.nextInt(10);
            if (r == 0) {
                continue;
            }
            b.append(w).append(' ');
            if (r == 1) {
                b.append(w).append(' ');
            }
        }
        return b.toString();
    }

    /** The lexicon with each third phrase of every list again, one word longer (as DraftReadingBenchmark grows it). */
    static Lexicon grownByAThird(Lexicon lexicon) {
        StringBuilder text = new StringBuilder();
        lexicon.classes().forEach((name, entries) -> {
            text.append("[class ").append(name).append("]\n");
            entries.forEach(p -> text.append(p.text()).append('\n'));
        });
        lexicon.lists().forEach((kind, list) -> {
            text.append('[').append(kind).append("]\n");
            for (int i = 0; i < list.phrases().size(); i++) {
                String line = list.phrases().get(i).text();
                text.append(line).append('\n');
                if (i % 3 == 0) {
                    text.append(longer(line)).append('\n');
                }
            }
            section(text, kind + " unless-after" + (list.unlessAfterWithin() == PhraseList.DEFAULT_WITHIN
                    ? "" : " within " + list.unlessAfterWithin()), list.unlessAfter());
            section(text, kind + " unless-followed-by", list.unlessFollowedBy());
            section(text, kind + " unless", list.unless());
        });
        try {
            return Lexicon.read(new StringReader(text.toString()), "grown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The phrase of a line with one word more, before a closing $ and before the line's exceptions ("-- unless: …"). */
    static String longer(String line) {
        int exceptions = line.indexOf("--");
        String phrase = (exceptions < 0 ? line : line.substring(0, exceptions)).strip();
        String rest = exceptions < 0 ? "" : " " + line.substring(exceptions);
        return (phrase.endsWith(" $") ? phrase.substring(0, phrase.length() - 2) + " zzgrown $" : phrase + " zzgrown")
                + rest;
    }

    private static void section(StringBuilder text, String header, List<Phrase> phrases) {
        if (!phrases.isEmpty()) {
            text.append('[').append(header).append("]\n");
            phrases.forEach(p -> text.append(p.text()).append('\n'));
        }
    }
}
