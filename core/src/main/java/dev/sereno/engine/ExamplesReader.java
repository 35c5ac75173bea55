package dev.sereno.engine;

import dev.sereno.policy.Finding;
import dev.sereno.situation.Language;
import dev.sereno.text.ExampleModel;
import dev.sereno.text.Examples;
import dev.sereno.text.Lexicon;
import dev.sereno.text.ModelStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link DraftReader} that learns from labelled example drafts, for wording the phrase lists have not seen: the
 * policy's {@code examples/xx.examples} ({@link Examples}), each language's {@link ExampleModel} trained once, when
 * the reader is made. Its findings are of the kinds the examples name (the kinds the phrase lists report:
 * {@code INSULTS_CUSTOMER}, {@code BLAMES_CUSTOMER}…), spanning the sentence that weighs most, with the source
 * {@value #NAME}: the policy's rules decide what they mean, as they do for the lists' findings.
 *
 * <pre>
 * Advisor advisor = Advisor.builder().reader(ExamplesReader.bundled()).build();
 * </pre>
 * Deterministic, and pure once made; {@link #explain} says which words weighed.
 */
public final class ExamplesReader implements DraftReader {
    /** The source its findings carry. */
    public static final String NAME = "examples";
    /**
     * The kinds whose findings the bundled policy blocks a reply for: their thresholds keep findings on at most
     * {@link ExampleModel#MAX_GOOD_FOUND} of the good examples.
     */
    public static final Set<String> BLOCKING_KINDS = Set.of("INSULTS_CUSTOMER", "PROFANITY", "DOUBTS_CUSTOMER",
            "CALLS_CUSTOMER_LIAR", "BLAMES_CUSTOMER");
    private static final String BUNDLED = "/dev/sereno/rules/";

    private final Map<Language, ExampleModel> models;

    private ExamplesReader(Map<Language, ExampleModel> models) {
        this.models = models;
    }

    /**
     * Learns from the bundled policy's examples, with its lists' dictionary words and word classes as features: the
     * model the build trained and stored ({@link ModelStore}) when it was trained from these very files, else trained
     * now, to the same model.
     */
    public static ExamplesReader bundled() {
        return bundledWith(null);
    }

    /**
     * Learns from the bundled policy's examples and, after them, a policy folder's {@code examples/xx.examples}
     * (when {@code folder} is given and has them).
     *
     * @throws dev.sereno.text.LexiconFormatException naming each bad example line as {@code file:line}
     */
    public static ExamplesReader bundledWith(Path folder) {
        Map<Language, ExampleModel> models = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String code = language.code();
            try {
                List<Examples.Line> lines = new ArrayList<>();
                String bundled = resource(BUNDLED + "examples/" + code + ".examples");
                Path own = folder == null ? null : folder.resolve("examples").resolve(code + ".examples");
                // the model the build trained from these very examples and lists, read rather than trained again
                ExampleModel stored = bundled == null || own != null && Files.isRegularFile(own) ? null
                        : ModelStore.readBundled(ExamplesReader.class.getClassLoader(), code, bundled, BLOCKING_KINDS);
                if (stored != null) {
                    models.put(language, stored);
                    continue;
                }
                if (bundled != null) {
                    lines.addAll(Examples.read(new StringReader(bundled), "examples/" + code + ".examples"));
                }
                if (own != null && Files.isRegularFile(own)) {
                    try (Reader r = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
                        lines.addAll(Examples.read(r, own.toString()));
                    }
                }
                if (lines.isEmpty()) {
                    continue;
                }
                Lexicon.Builder lists = Lexicon.builder();
                for (String file : List.of("phrases/" + code + ".phrases", "phrases/" + code + ".words")) {
                    String text = resource(BUNDLED + file);
                    if (text != null) {
                        lists.add(new StringReader(text), file);
                    }
                }
                models.put(language, ExampleModel.train(lines, lists.build(), code, BLOCKING_KINDS));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + code + " examples", e);
            }
        }
        return new ExamplesReader(models);
    }

    /**
     * One language's model, learned from its examples (a policy's: the bundled ones, then a folder's) with the
     * policy's lists' dictionary words and word classes as features; what a policy's own reading of drafts uses.
     */
    public static ExampleModel learn(Language language, List<Examples.Line> examples, Lexicon lists) {
        return ExampleModel.train(examples, lists, language.code(), BLOCKING_KINDS);
    }

    /** Learns from the given examples of each language, with the given lists' words and classes as features. */
    public static ExamplesReader of(Map<Language, List<Examples.Line>> examples, Map<Language, Lexicon> lists,
                                    Set<String> blockingKinds) {
        Map<Language, ExampleModel> models = new EnumMap<>(Language.class);
        examples.forEach((language, lines) -> models.put(language, ExampleModel.train(lines,
                lists.getOrDefault(language, Lexicon.empty()), language.code(), blockingKinds)));
        return new ExamplesReader(models);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ExamplesReader.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The model of a language, or null when no examples of it were given. */
    public ExampleModel model(Language language) {
        return models.get(language);
    }

    @Override
    public List<Finding> read(String draft, Language language) {
        ExampleModel model = models.get(language);
        if (model == null || draft == null || draft.isEmpty()) {
            return List.of();
        }
        List<ExampleModel.Hit> hits = model.read(draft);
        if (hits.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(hits.size());
        for (ExampleModel.Hit h : hits) {
            out.add(new Finding(h.kind(), draft.substring(h.start(), h.end()), h.start(), h.end(), NAME));
        }
        return out;
    }

    /** What {@link #read} finds, each with its score and the words that weighed most. */
    public List<ExampleModel.Hit> explain(String draft, Language language) {
        ExampleModel model = models.get(language);
        return model == null || draft == null ? List.of() : model.read(draft);
    }

    @Override
    public String name() {
        return NAME;
    }
}
