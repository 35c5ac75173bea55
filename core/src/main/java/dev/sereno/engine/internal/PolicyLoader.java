package dev.sereno.engine.internal;

import dev.sereno.engine.ExamplesReader;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.engine.internal.verify.Budget;
import dev.sereno.engine.internal.verify.PolicyClassLoader;
import dev.sereno.engine.internal.verify.PolicyVerifier;
import dev.sereno.policy.HousePolicy;
import dev.sereno.policy.InvalidPolicyParametersException;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.situation.Language;
import dev.sereno.text.ExampleModel;
import dev.sereno.text.Examples;
import dev.sereno.text.FinderStore;
import dev.sereno.text.Lexicon;
import dev.sereno.text.LexiconFormatException;
import dev.sereno.text.ListStore;
import dev.sereno.text.ModelStore;
import dev.sereno.text.time.CommitmentList;
import dev.sereno.text.time.CommitmentStore;
import dev.sereno.text.time.CommitmentListFormatException;
import dev.sereno.text.Morphology;
import dev.sereno.text.Spellings;
import dev.sereno.text.PhraseFinder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.conf.SequentialOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.conf.AlphaThresholdOption;
import org.kie.internal.conf.IndexLeftBetaMemoryOption;
import org.kie.internal.conf.IndexRightBetaMemoryOption;
import org.kie.internal.conf.ParallelExecutionOption;
import org.kie.internal.conf.ShareAlphaNodesOption;
import org.kie.internal.conf.ShareBetaNodesOption;

/** Loads a {@link Policy} from a {@link PolicyOrigin}; every problem found is reported together. Internal API. */
public final class PolicyLoader {
    private static final String KMODULE = "META-INF/kmodule.xml";
    private static final String MODEL_INDEX_FOLDER = "META-INF/kie/";
    private static final String MODEL_INDEX = "/drools-model";
    private static final AtomicLong BUILDS = new AtomicLong();
    /** Checks allowed to the constant expressions of a policy while its model is built, and the time. */
    private static final long LOAD_STEPS = 50_000_000L;
    private static final java.time.Duration LOAD_TIMEOUT = java.time.Duration.ofSeconds(20);
    /**
     * The bundled policy's examples models by the class loader its files come from, each language's learned once
     * (deterministically, from the same files) however many Advisors load the policy.
     */
    private static final Map<ClassLoader, Map<Language, OnDemand<ExampleModel>>> BUNDLED_MODELS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private PolicyLoader() {
    }

    /**
     * @param parametersOverride parameters set by the host; null to use the policy's own policy.properties
     */
    public static Policy load(PolicyOrigin origin, PolicyParameters parametersOverride) {
        return load(origin, parametersOverride, null);
    }

    /**
     * @param parametersOverride parameters set by the host; null to use the policy's own policy.properties
     * @param examplesReader     whether the Advisor reads drafts with the examples reader whatever the policy says;
     *                           null for what the policy says. When it will, the bundled policy's first language's
     *                           model is read on a thread of its own while the rules and lists are made, instead of
     *                           by the first call after them.
     */
    public static Policy load(PolicyOrigin origin, PolicyParameters parametersOverride, Boolean examplesReader) {
        List<String> problems = new ArrayList<>();
        Map<String, String> spanish = new java.util.HashMap<>(); // a problem → its Spanish text, where there is one
        Map<String, String> hashed = new TreeMap<>();
        StartTimes.mark("policy load begins");

        // the bundled rules build on a thread of their own while the lists, messages and parameters are read here
        java.util.concurrent.CompletableFuture<Kjar> kjar = origin instanceof PolicyOrigin.Classpath cp
                ? Kjar.start(cp) : null;
        // The bundled policy's lists were checked when it was built, so each language's are made when a call first
        // needs them, or before on a background thread (the first language first, beside the rules): a start whose
        // first call is in Spanish does not wait for, nor share the processor with, the English lists. A folder's
        // lists are made here, each language's on a thread of its own, so that every problem in them is reported now.
        boolean onDemand = origin instanceof PolicyOrigin.Classpath;
        List<LanguageFiles> languages = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<LanguageFiles>> started = new ArrayList<>();
        Map<Language, OnDemand<Policy.Reading>> readings = new EnumMap<>(Language.class);
        if (onDemand) {
            for (Language l : Language.values()) {
                // made apart from the files read below, whose maps the loader reads meanwhile
                readings.put(l, new OnDemand<>(() -> new LanguageFiles(l).readLists(origin).reading()));
            }
            // begun first: the first language's lists are the longest step of a start
            background("sereno-lists", () -> {
                readings.values().forEach(OnDemand::make);
                return null;
            });
        }
        for (Language l : Language.values()) {
            LanguageFiles files = new LanguageFiles(l);
            languages.add(files);
            started.add(background("sereno-" + l.code() + "-texts", () -> files.readTexts(origin)));
            if (onDemand) {
                files.hashLists(origin);
            } else if (l != Language.values()[0]) {
                started.add(background("sereno-" + l.code() + "-lists", () -> files.readLists(origin)));
            }
        }
        if (!onDemand) {
            languages.get(0).readLists(origin);
        }
        // read here while the other threads work; their problems are reported after the lists', as they always were
        List<String> examplesProblems = new ArrayList<>();
        Map<Language, OnDemand<ExampleModel>> models = examplesModels(origin, onDemand, readings, hashed,
                examplesProblems);
        List<String> parameterProblems = new ArrayList<>();
        HousePolicy house = house(origin, hashed, parameterProblems);
        PolicyParameters parameters = parametersOverride;
        Optional<String> properties = origin.read("policy.properties");
        properties.ifPresent(text -> hashed.put("policy.properties", text));
        if (parameters == null) {
            try {
                parameters = properties.map(text -> PolicyParameters.read(text, house))
                        .orElseGet(() -> PolicyParameters.defaults(house));
            } catch (InvalidPolicyParametersException e) {
                e.problems().forEach(p -> parameterProblems.add(p.toString()));
            }
        }
        // The bundled policy's first language's examples model, which its first call would otherwise read after the
        // rules and lists are made (the stored Spanish model, 8.4 MB, is about a third of a start's CPU): read beside
        // them on a thread of its own when the reader will read drafts, as the lists' first language is made first.
        OnDemand<ExampleModel> firstModel = models.get(Language.values()[0]);
        boolean readerOn = examplesReader != null ? examplesReader
                : parameters == null || parameters.examplesReader();
        if (onDemand && readerOn && firstModel != null && !firstModel.made()) {
            background("sereno-examples", () -> {
                firstModel.make();
                StartTimes.mark(Language.values()[0].code() + " examples model read");
                return null;
            });
        }
        started.forEach(PolicyLoader::join);
        StartTimes.mark(onDemand ? "every language's texts joined" : "every language's lists joined");
        Map<Language, Messages> messages = new EnumMap<>(Language.class);
        for (LanguageFiles files : languages) {
            Language l = files.language;
            hashed.putAll(files.hashed);
            problems.addAll(files.listProblems);
            problems.addAll(files.commitmentProblems);
            problems.addAll(files.messageProblems);
            if (!onDemand && files.listProblems.isEmpty() && files.commitmentProblems.isEmpty()) {
                readings.put(l, OnDemand.of(files.reading()));
            }
            if (files.messages != null) {
                messages.put(l, files.messages);
            }
        }
        problems.addAll(examplesProblems);
        problems.addAll(parameterProblems);

        KieBase kieBase;
        if (kjar != null) {
            kieBase = Kjar.join(kjar, hashed, problems);
            StartTimes.mark("rules joined");
        } else {
            Map<String, String> drl = origin.drl();
            hashed.putAll(drl);
            problems.addAll(HouseUses.check(drl, house));
            kieBase = ownersMistakes(drl, problems, spanish) ? null : compile(drl, problems);
        }
        if (parameters != null) {
            problems.addAll(unknownRankedCodes(parameters, messages));
        }
        if (!problems.isEmpty()) {
            throw new RulesInvalidException(origin.toString(), problems,
                    problems.stream().map(p -> spanish.getOrDefault(p, CompileProblems.spanish(p))).toList());
        }
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                rules.put(r.getName(), RuleInfo.of(r));
            }
        }
        Map<String, String> drlFiles = new TreeMap<>(hashed);
        drlFiles.keySet().removeIf(path -> !path.endsWith(".drl"));
        return new Policy(revision(hashed), kieBase, rules, readings, models, messages, parameters, drlFiles);
    }

    /**
     * Each language's examples reader ({@code examples/xx.examples}: the bundled examples, then a folder's), learned
     * when a draft in that language is first read with it on, from the examples and the policy's own lists (whose
     * dictionary words and classes it weighs), or, when the examples are the bundled ones alone, read as the build
     * stored it ({@link ModelStore}). A folder's examples are read here, so that a bad line is reported
     * with the policy's other problems; the bundled ones, checked when they were built, on first need too.
     */
    private static Map<Language, OnDemand<ExampleModel>> examplesModels(PolicyOrigin origin, boolean onDemand,
            Map<Language, OnDemand<Policy.Reading>> readings, Map<String, String> hashed, List<String> problems) {
        Map<Language, OnDemand<ExampleModel>> models = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            String path = "examples/" + l.code() + ".examples";
            List<PolicyOrigin.Piece> pieces = origin.pieces(path);
            if (pieces.isEmpty()) {
                continue;
            }
            hashed.put(path, joined(pieces, pieces.size()));
            java.util.function.Supplier<Lexicon> lists = () -> readings.containsKey(l)
                    ? readings.get(l).get().lexicon() : Lexicon.empty();
            ClassLoader loader = pieces.size() == 1 ? pieces.get(0).bundled() : null;
            if (onDemand || loader != null) {
                // the bundled examples alone (a folder may add lists, not examples): the model the build trained from
                // these very files when it is stored (self-contained: its words' features are stored with it), else
                // learned on first need; the bundled policy's is the same for every Advisor on a class path, made once
                String text = pieces.get(0).text();
                OnDemand<ExampleModel> made = new OnDemand<>(() -> {
                    ExampleModel stored = loader == null ? null : stored(loader, l, text);
                    return stored != null ? stored : ExamplesReader.learn(l, examples(origin, path, pieces), lists.get());
                });
                models.put(l, origin instanceof PolicyOrigin.Classpath cp
                        ? BUNDLED_MODELS.computeIfAbsent(cp.loader, k -> new java.util.concurrent.ConcurrentHashMap<>())
                                .computeIfAbsent(l, k -> made)
                        : made);
                continue;
            }
            try {
                List<Examples.Line> lines = examples(origin, path, pieces);
                models.put(l, new OnDemand<>(() -> ExamplesReader.learn(l, lines, lists.get())));
            } catch (LexiconFormatException e) {
                problems.addAll(e.problems());
            }
        }
        return models;
    }

    /** The model {@link ModelStore} holds for the bundled examples {@code text}, or null (then it is trained). */
    private static ExampleModel stored(ClassLoader loader, Language language, String text) {
        try {
            return ModelStore.readBundled(loader, language.code(), text, ExamplesReader.BLOCKING_KINDS);
        } catch (IOException e) {
            return null;
        }
    }

    /** The examples of every piece, the bundled ones first (they are the last piece), each named by its file. */
    private static List<Examples.Line> examples(PolicyOrigin origin, String path, List<PolicyOrigin.Piece> pieces) {
        List<Examples.Line> lines = new ArrayList<>();
        for (int k = pieces.size() - 1; k >= 0; k--) {
            PolicyOrigin.Piece piece = pieces.get(k);
            String name = piece.bundled() != null ? path
                    : origin.folder().map(f -> f.resolve(path).toString()).orElse(path);
            try {
                lines.addAll(Examples.read(new StringReader(piece.text()), name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /**
     * One language's commitments, phrase and word lists and messages, read apart from the others' (on threads of their
     * own); their problems are kept apart too, and merged in the order a reading one after the other gives.
     */
    private static final class LanguageFiles {
        final Language language;
        final Map<String, String> hashed = java.util.Collections.synchronizedMap(new TreeMap<>());
        final List<String> commitmentProblems = new ArrayList<>();
        final List<String> listProblems = new ArrayList<>();
        final List<String> messageProblems = new ArrayList<>();
        CommitmentList commitments;
        /** The lists; made on first need when the finder and commitment lists were read stored. */
        OnDemand<Lexicon> lexicon;
        /** The lists' spellings, read without making the lists. */
        Spellings spellings;
        PhraseFinder finder;
        Messages messages;

        LanguageFiles(Language language) {
            this.language = language;
        }

        /** The messages, and the dictionary's stored forms, which the lists' thread then finds read. */
        LanguageFiles readTexts(PolicyOrigin origin) {
            // read here, beside the lists' own reading, rather than after it on the lists' thread (the longest)
            Morphology.forLanguage(language.code());
            String messagesPath = "messages/" + language.code() + ".properties";
            origin.read(messagesPath).ifPresent(text -> {
                hashed.put(messagesPath, text);
                try {
                    messages = Messages.parse(text, messagesPath, language);
                } catch (UncheckedIOException e) {
                    messageProblems.add(e.getCause().getMessage());
                }
            });
            return this;
        }

        /**
         * The texts of the lists, for the policy's revision, without reading them: as {@link #readLists} would put
         * them in {@link #hashed}, for a class path, whose files each come in one piece.
         */
        void hashLists(PolicyOrigin origin) {
            String code = language.code();
            for (String path : List.of("phrases/" + code + ".spellings", "phrases/" + code + ".phrases",
                    "phrases/" + code + ".words", "commitments/" + code + ".commitments")) {
                origin.read(path).ifPresent(text -> hashed.put(path, text));
            }
        }

        /**
         * What {@link #readLists} made, for reading drafts; the lists' problems, which a class path's lists (checked
         * when they were built) never have, thrown.
         */
        Policy.Reading reading() {
            if (!listProblems.isEmpty() || !commitmentProblems.isEmpty()) {
                List<String> all = new ArrayList<>(listProblems);
                all.addAll(commitmentProblems);
                throw new RulesInvalidException("the " + language.code() + " lists", all, all);
            }
            return lexicon == null ? Policy.Reading.of(language, null, finder, commitments)
                    : Policy.Reading.of(language, lexicon, spellings, finder, commitments);
        }

        /**
         * The phrase lists, then the word lists (insults, profanity…) their phrases may use as {CLASS}, then the
         * commitments, which may use those classes too. When they are the bundled files alone, the phrase finder and the
         * commitment lists are read as the build stored them ({@link FinderStore}, {@link CommitmentStore}); when both
         * are, the lists themselves (the lexicon) are not made here but when first asked for, which reading drafts never
         * does: they were the longest step left on the lists' thread.
         */
        LanguageFiles readLists(PolicyOrigin origin) {
            StartTimes.mark(language.code() + " lists begin");
            boolean any = false;
            // the texts the finder is built from, when each is the bundled file alone: its index may then be stored
            Map<String, String> bundledTexts = new java.util.LinkedHashMap<>();
            ClassLoader bundled = null;
            boolean allBundled = true;
            Spellings spellings = Spellings.NONE;
            String spellingsPath = "phrases/" + language.code() + ".spellings";
            List<PolicyOrigin.Piece> spellingPieces = origin.pieces(spellingsPath);
            if (!spellingPieces.isEmpty()) {
                hashed.put(spellingsPath, joined(spellingPieces, spellingPieces.size()));
                allBundled &= spellingPieces.size() == 1 && spellingPieces.get(0).bundled() != null;
                bundled = spellingPieces.get(0).bundled();
                bundledTexts.put(spellingsPath, spellingPieces.get(0).text());
                // the bundled file first, then each layer over it, so a folder's line for the same spelling wins
                Spellings.Builder sb = Spellings.builder();
                for (int k = spellingPieces.size() - 1; k >= 0; k--) {
                    sb.add(spellingPieces.get(k).text(), spellingsPath);
                }
                try {
                    spellings = sb.build();
                } catch (LexiconFormatException e) {
                    listProblems.addAll(e.problems());
                }
            }
            Map<String, List<PolicyOrigin.Piece>> listPieces = new java.util.LinkedHashMap<>();
            for (String path : List.of("phrases/" + language.code() + ".phrases", "phrases/" + language.code() + ".words")) {
                List<PolicyOrigin.Piece> pieces = origin.pieces(path);
                if (pieces.isEmpty()) {
                    continue;
                }
                any = true;
                String text = joined(pieces, pieces.size());
                hashed.put(path, text);
                allBundled &= pieces.size() == 1 && pieces.get(0).bundled() != null
                        && (bundled == null || bundled == pieces.get(0).bundled());
                bundled = pieces.get(0).bundled();
                bundledTexts.put(path, text);
                listPieces.put(path, pieces);
            }
            String commitmentsPath = CommitmentStore.path(language.code());
            List<PolicyOrigin.Piece> commitmentPieces = origin.pieces(commitmentsPath);
            String commitmentsText = commitmentPieces.isEmpty() ? null
                    : joined(commitmentPieces, commitmentPieces.size());
            if (commitmentsText != null) {
                hashed.put(commitmentsPath, commitmentsText);
            }
            Morphology morphology = any || commitmentsText != null
                    ? Morphology.forLanguage(language.code()).orElse(null) : null;
            // the bundled files alone: the finder and the commitment lists as the build compiled them, if it did
            if (any && allBundled && listProblems.isEmpty()) {
                finder = FinderStore.read(bundled, language.code(), bundledTexts, spellings, morphology);
                if (finder != null) {
                    StartTimes.mark(language.code() + " phrase finder read stored");
                }
            }
            ClassLoader from = commitmentPieces.isEmpty() ? null : commitmentPieces.get(0).bundled();
            if (commitmentsText != null && allBundled && listProblems.isEmpty() && commitmentPieces.size() == 1
                    && from != null && (bundled == null || bundled == from)) {
                Map<String, String> texts = new java.util.LinkedHashMap<>(bundledTexts);
                texts.put(commitmentsPath, commitmentsText);
                commitments = CommitmentStore.read(from, language.code(), texts, morphology);
                if (commitments != null) {
                    StartTimes.mark(language.code() + " commitments read stored");
                }
            }
            if (!any) {
                lexicon = OnDemand.of(Lexicon.empty());
                this.spellings = Lexicon.empty().spellings();
            } else if (finder != null && (commitmentsText == null || commitments != null)) {
                // nothing left to compile: the lists are made if a caller asks for them (a policy's checks, an
                // examples model learned from them), never to read a draft
                Spellings read = spellings;
                lexicon = new OnDemand<>(() -> {
                    List<String> problems = new ArrayList<>();
                    Lexicon made = lexicon(read, listPieces, problems);
                    if (!problems.isEmpty()) {
                        throw new RulesInvalidException("the " + language.code() + " lists", problems, problems);
                    }
                    return made;
                });
                this.spellings = spellings;
            } else {
                Lexicon made = lexicon(spellings, listPieces, listProblems);
                StartTimes.mark(language.code() + " lexicon read");
                lexicon = OnDemand.of(made);
                this.spellings = made.spellings();
                if (finder == null) {
                    try {
                        finder = new PhraseFinder(made, morphology);
                    } catch (LexiconFormatException e) {
                        listProblems.addAll(e.problems());
                    }
                    StartTimes.mark(language.code() + " phrase finder built");
                }
            }
            if (commitmentsText != null && commitments == null) {
                try {
                    commitments = CommitmentList.read(commitmentsText, commitmentsPath, lexicon.get(), morphology);
                } catch (CommitmentListFormatException e) {
                    commitmentProblems.addAll(e.problems());
                }
                StartTimes.mark(language.code() + " commitments built");
            }
            return this;
        }

        /**
         * The lists read from their pieces, over {@code spellings}: the bundled lists, when they are the last part,
         * come stored compiled ({@link ListStore}); the rest is read from its text. Their problems are added to
         * {@code problems}.
         */
        private Lexicon lexicon(Spellings spellings, Map<String, List<PolicyOrigin.Piece>> listPieces,
                                List<String> problems) {
            Lexicon.Builder builder = Lexicon.builder();
            builder.spellings(spellings);
            ListStore store = null;
            for (Map.Entry<String, List<PolicyOrigin.Piece>> file : listPieces.entrySet()) {
                String path = file.getKey();
                List<PolicyOrigin.Piece> pieces = file.getValue();
                try {
                    PolicyOrigin.Piece last = pieces.get(pieces.size() - 1);
                    if (last.bundled() != null && store == null) {
                        store = ListStore.read(last.bundled(), language.code());
                    }
                    if (last.bundled() == null || !store.addTo(builder, path,
                            pieces.size() == 1 ? null : joined(pieces, pieces.size() - 1), last.text())) {
                        builder.add(new StringReader(joined(pieces, pieces.size())), path);
                    }
                } catch (LexiconFormatException e) {
                    problems.addAll(e.problems());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return builder.build();
        }
    }

    /** The text of the first {@code count} pieces, as {@link PolicyOrigin#read} joins them. */
    private static String joined(List<PolicyOrigin.Piece> pieces, int count) {
        if (count == 1) {
            return pieces.get(0).text();
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < count; k++) {
            out.append(k == 0 ? "" : "\n").append(pieces.get(k).text());
        }
        return out.toString();
    }

    /** Runs the work on a daemon thread of its own; {@link #join} waits for it. */
    private static <T> java.util.concurrent.CompletableFuture<T> background(String name,
                                                                            java.util.function.Supplier<T> work) {
        java.util.concurrent.CompletableFuture<T> future = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return future;
    }

    /** The result of work begun by {@link #background}; what it threw is thrown here, as if it had run here. */
    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * A code the {@code next.*} keys name must be one this policy speaks of (it has a message text): a misspelt code
     * would otherwise rank nothing, silently.
     */
    private static List<String> unknownRankedCodes(PolicyParameters parameters, Map<Language, Messages> messages) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (Messages m : messages.values()) {
            for (String key : m.keys()) {
                int dot = key.lastIndexOf('.');
                if (dot > 0) {
                    known.add(key.substring(0, dot));
                }
            }
        }
        parameters.nextRanking().codesNamed().forEach((code, key) -> {
            if (!known.contains(code)) {
                out.add("policy.properties: " + key + ": no message of this policy names the code " + code
                        + " (its .now, .why, .say or .what text); is it misspelt?");
            }
        });
        return out;
    }

    /** The bundled rules' KieBase, built on a thread of its own: its DRL files and problems are merged when joined. */
    private record Kjar(KieBase kieBase, Map<String, String> drl, List<String> problems) {
        static java.util.concurrent.CompletableFuture<Kjar> start(PolicyOrigin.Classpath cp) {
            return background("sereno-rules-loader", () -> {
                Map<String, String> drl = new TreeMap<>();
                List<String> problems = new ArrayList<>();
                StartTimes.mark("rules begin");
                Kjar done = new Kjar(loadKjar(cp, drl, problems), drl, problems);
                StartTimes.mark("rules' KieBase built");
                return done;
            });
        }

        static KieBase join(java.util.concurrent.CompletableFuture<Kjar> future, Map<String, String> hashed,
                            List<String> problems) {
            Kjar done = PolicyLoader.join(future);
            hashed.putAll(done.drl());
            problems.addAll(done.problems());
            return done.kieBase();
        }
    }

    /**
     * Loads the generated executable model straight from its classes (fast, and works in shaded jars where the KIE
     * class-path scan picks the wrong pom.properties). {@code META-INF/kmodule.xml} is never parsed: Sereno ships
     * without Drools' XML support (and so without XStream), which keeps XML parsing, and its external entities, off
     * the load path altogether.
     */
    private static KieBase loadKjar(PolicyOrigin.Classpath cp, Map<String, String> hashed, List<String> problems) {
        KjarClasses kjar = KjarClasses.find(cp.loader);
        if (kjar == null) {
            problems.add("no rules on the class path: add the sereno-rules jar, or a kjar built with the executable "
                    + "model (kie-maven-plugin with generateModel=YES), to the class path");
            return null;
        }
        hashed.putAll(kjar.drl());
        ClassLoader loader = kjar.classEntries().isEmpty() ? cp.loader
                : new PolicyClassLoader(kjar.stored(cp.loader).orElseGet(kjar::boundNow), cp.loader);
        List<Model> models = new ArrayList<>();
        for (String name : kjar.modelNames()) {
            try {
                models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                problems.add("cannot load the generated rule model " + name + ": " + e);
            }
        }
        return problems.isEmpty() ? KieBaseBuilder.createKieBaseFromModel(models, fixedKieBase(loader)) : null;
    }

    /**
     * A kjar on a class path: the jar or folder that holds it, its generated models, the class files in the models'
     * packages and its DRL files (by path in the policy's layout). The trusted kjar is not verified, but its loops are
     * bounded like any policy's: those class files are loaded instrumented from a class loader of their own. A kjar
     * whose classes are elsewhere on the class path (not in the kjar itself) is loaded as it is.
     */
    record KjarClasses(ClasspathContainer container, List<String> modelNames, List<String> classEntries,
                       Map<String, String> drl) {
        /** The kjar that holds the policy on this class path (see {@link #findKjar}); null when there is none. */
        static KjarClasses find(ClassLoader loader) {
            ClasspathContainer container = findKjar(loader);
            if (container == null) {
                return null;
            }
            Map<String, String> drl = new TreeMap<>();
            for (String path : container.list(PolicyOrigin.CLASSPATH_FOLDER, ".drl")) {
                drl.put(path.substring(PolicyOrigin.CLASSPATH_FOLDER.length()), container.read(path));
            }
            List<String> modelNames = new ArrayList<>();
            for (String index : container.list(MODEL_INDEX_FOLDER, MODEL_INDEX)) {
                for (String line : container.read(index).split("\\R")) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("Drools-Model-Version")) {
                        modelNames.add(name);
                    }
                }
            }
            java.util.SortedSet<String> classEntries = new java.util.TreeSet<>();
            for (String prefix : modelNames.stream().map(n -> n.substring(0, n.lastIndexOf('.') + 1).replace('.', '/')).distinct().toList()) {
                classEntries.addAll(container.list(prefix, ".class"));
            }
            return new KjarClasses(container, List.copyOf(modelNames), List.copyOf(classEntries), drl);
        }

        /** The class files bounded now, by binary name. */
        Map<String, byte[]> boundNow() {
            Map<String, byte[]> classFiles = new TreeMap<>();
            for (String entry : classEntries) {
                classFiles.put(entry, container.bytes(entry));
            }
            Map<String, DrlText> texts = new TreeMap<>();
            drl.forEach((file, text) -> texts.put(file, new DrlText(text)));
            return PolicyVerifier.verify(classFiles, texts, false).classes();
        }

        /** The copy of {@link #boundNow()} stored at build time for exactly these classes ({@link BoundedKjar}), if any. */
        Optional<Map<String, byte[]>> stored(ClassLoader loader) {
            return BoundedKjar.key(container, classEntries, drl).flatMap(key -> BoundedKjar.read(loader, key));
        }
    }

    /**
     * The kjar that holds the policy: the one with Sereno's {@code policy.properties} when it also has a generated
     * model, else the first kjar (a jar with {@code META-INF/kmodule.xml}) that lists one.
     */
    private static ClasspathContainer findKjar(ClassLoader loader) {
        ClasspathContainer sereno = ClasspathContainer.of(loader, PolicyOrigin.CLASSPATH_FOLDER + "policy.properties");
        if (sereno != null && hasModel(sereno)) {
            return sereno;
        }
        try {
            for (URL url : Collections.list(loader.getResources(KMODULE))) {
                ClasspathContainer kjar = ClasspathContainer.of(url, KMODULE, loader);
                if (kjar != null && hasModel(kjar)) {
                    return kjar;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for kjars on the class path", e);
        }
        return null;
    }

    private static boolean hasModel(ClasspathContainer container) {
        return !container.list(MODEL_INDEX_FOLDER, MODEL_INDEX).isEmpty();
    }

    /**
     * The checks a policy compiled from DRL goes through. Always {@link #ALL} outside Sereno's own tests, which
     * also need to show what a refused policy would have done.
     */
    enum Checks {
        /** the source guard, then the compiled classes verified and bounded */
        ALL(true, true),
        /** no source guard: the compiled classes alone are verified and bounded */
        COMPILED_ONLY(false, true),
        /** neither: the classes are only bounded */
        NONE(false, false);

        final boolean source;
        final boolean compiled;

        Checks(boolean source, boolean compiled) {
            this.source = source;
            this.compiled = compiled;
        }
    }

    /** The organisation's own thresholds and ids, from {@code house.properties}; none when the file is absent. */
    private static HousePolicy house(PolicyOrigin origin, Map<String, String> hashed, List<String> problems) {
        Optional<String> text = origin.read(HousePolicy.FILE);
        if (text.isEmpty()) {
            return HousePolicy.NONE;
        }
        hashed.put(HousePolicy.FILE, text.get());
        try {
            return HousePolicy.read(text.get());
        } catch (InvalidPolicyParametersException e) {
            e.problems().forEach(p -> problems.add(p.toString()));
            return HousePolicy.NONE;
        }
    }

    /**
     * The mistakes owners make (no {@code end}, a misspelt keyword, a value of the wrong type…), each with its fix in
     * English and Spanish, found before compiling: the compiler's messages for them point elsewhere or into generated
     * Java. Only for DRL that passes the guard (the guard's problems come first, from {@link #compile}).
     */
    private static boolean ownersMistakes(Map<String, String> drl, List<String> problems, Map<String, String> spanish) {
        boolean guarded = drl.entrySet().stream().anyMatch(e -> !DrlGuard.check(e.getKey(), e.getValue()).isEmpty());
        if (guarded) {
            return false;
        }
        List<DrlMistakes.Mistake> mistakes = new ArrayList<>();
        drl.forEach((file, text) -> mistakes.addAll(DrlMistakes.find(file, text)));
        for (DrlMistakes.Mistake m : mistakes) {
            problems.add(m.english());
            spanish.put(m.english(), m.spanish());
        }
        return !mistakes.isEmpty();
    }

    private static KieBase compile(Map<String, String> drl, List<String> problems) {
        return compile(drl, problems, Checks.ALL);
    }

    static KieBase compile(Map<String, String> drl, List<String> problems, Checks checks) {
        if (drl.isEmpty()) {
            problems.add("no .drl file: a policy needs at least one rule file");
            return null;
        }
        List<String> guarded = new ArrayList<>();
        if (checks.source) {
            drl.forEach((file, text) -> guarded.addAll(DrlGuard.check(file, text)));
        }
        if (!guarded.isEmpty()) {
            // nothing from outside the jar is compiled until it passes the guard
            problems.addAll(guarded);
            return null;
        }
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("dev.sereno.runtime", "policy", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        // each file goes in the folder of its package (the compiler warns otherwise); messages are mapped back
        Map<String, String> authorPaths = new java.util.HashMap<>();
        drl.forEach((path, text) -> {
            String kiePath = packageFolder(text) + path.replace('/', '_');
            authorPaths.put(kiePath, path);
            kfs.write("src/main/resources/" + kiePath, text);
        });
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            builder.buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            problems.add(CompileProblems.failure(drl, e));
            return null;
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            problems.addAll(CompileProblems.describe(drl, authorPaths, errors));
            return null;
        }
        try {
            return verifiedKieBase((InternalKieModule) builder.getKieModule(), drl, authorPaths, problems, checks.compiled);
        } finally {
            // the repository keeps every module it has seen; a reloading host must not accumulate them
            ks.getRepository().removeKieModule(id);
        }
    }

    /**
     * Nothing compiled from outside the jar runs before this: its classes are verified against the allow-list,
     * bounded with a budget check in every loop, and only then loaded, in a class loader of their own, to build the
     * KieBase from the generated model. Constant expressions of the rules run while the model is built, under a
     * budget too.
     */
    private static KieBase verifiedKieBase(InternalKieModule module, Map<String, String> drl, Map<String, String> authorPaths,
                                           List<String> problems, boolean verify) {
        Map<String, byte[]> classFiles = new TreeMap<>();
        List<String> modelIndexes = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classFiles.put(name, module.getBytes(name));
            } else if (name.startsWith(MODEL_INDEX_FOLDER) && name.endsWith(MODEL_INDEX)) {
                modelIndexes.add(name);
            }
        }
        Map<String, DrlText> sources = new TreeMap<>();
        drl.forEach((file, text) -> sources.put(file, new DrlText(text)));
        PolicyVerifier.Result verified = PolicyVerifier.verify(classFiles, sources, verify);
        if (!verified.problems().isEmpty()) {
            problems.addAll(verified.problems());
            return null;
        }
        PolicyClassLoader loader = new PolicyClassLoader(verified.classes(), PolicyLoader.class.getClassLoader());
        Budget.install(LOAD_STEPS, System.nanoTime() + LOAD_TIMEOUT.toNanos(), true);
        try {
            List<Model> models = new ArrayList<>();
            for (String index : modelIndexes) {
                for (String line : new String(module.getBytes(index), StandardCharsets.UTF_8).split("\\R")) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("Drools-Model-Version")) {
                        models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
                    }
                }
            }
            return KieBaseBuilder.createKieBaseFromModel(models, fixedKieBase(loader));
        } catch (Budget.Exceeded e) {
            problems.add(verified.places().getOrDefault(e.site(), authorPaths.values().iterator().next()) + ": " + e.site()
                    + " did not finish while the policy was built (a constant expression that loops?)");
        } catch (StackOverflowError e) {
            problems.add("the rules could not be built: a constant expression recursed without end (StackOverflowError)");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | AssertionError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null ? e.getCause() : e;
            problems.add("the rules could not be built: " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("")));
        } finally {
            Budget.clear();
        }
        return null;
    }

    /** Knowledge bases never change after loading: sessions then need not be tracked for updates (faster). */
    private static KieBaseConfiguration fixedKieBase() {
        return fixedKieBase(null);
    }

    private static KieBaseConfiguration fixedKieBase(ClassLoader loader) {
        KieBaseConfiguration conf = loader == null ? KieServices.get().newKieBaseConfiguration()
                : KieServices.get().newKieBaseConfiguration(null, loader);
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        pinEngineOptions(conf);
        return conf;
    }

    /**
     * The engine options Sereno is tested and measured with, set explicitly: Drools would otherwise take them from
     * {@code drools.*} system properties or its configuration files on the class path, and some
     * change the advice ({@code drools.indexRightBetaMemory=false} alone makes {@code Finding( kind == "REMEDY_" + $r )}
     * match every finding) or break the build ({@code drools.alphaNodeHashingThreshold=1}). Why each stays at its
     * default: benchmarks/README.md, round three.
     */
    static void pinEngineOptions(KieBaseConfiguration conf) {
        conf.setOption(IndexLeftBetaMemoryOption.YES);
        conf.setOption(IndexRightBetaMemoryOption.YES);
        conf.setOption(ShareAlphaNodesOption.YES);
        conf.setOption(ShareBetaNodesOption.YES);
        conf.setOption(AlphaThresholdOption.get(3));
        conf.setOption(SequentialOption.NO);
        conf.setOption(ParallelExecutionOption.SEQUENTIAL);
    }

    private static final java.util.regex.Pattern PACKAGE =
            java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private static String packageFolder(String drl) {
        java.util.regex.Matcher m = PACKAGE.matcher(new DrlText(drl).code);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static String revision(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
