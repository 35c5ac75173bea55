package dev.sereno.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * What a policy's labelled {@link Examples} teach: for each kind of finding they name, an L2-regularised logistic
 * regression over the draft's words, folded as the phrase lists fold them, over pairs of words that follow each other
 * in a sentence, over the dictionary words ({@code <mentir>}) and the word classes ({@code {INSULT}}) the policy's
 * lists use, and over the words that follow a negation closely ({@link #NEGATIONS}, {@link #NEGATION_REACH}): "no"
 * before "culpa" weighs apart from "culpa" alone, so "no es culpa suya" and "es culpa suya" need not share a weight.
 * Deterministic: the same examples and lists give the same weights (a fixed order, a fixed seed, no
 * threads). Explainable: a finding names the sentence that weighs most and the words that weigh most.
 *
 * <p>Each kind's threshold is chosen from the examples themselves by five-fold cross-validation: for the
 * {@code strict} kinds (those whose findings block a reply) the lowest that gives, over them together, a finding on at
 * most one {@code GOOD} example in a hundred it was not trained on; for the others the one of best F1. Thread-safe
 * once built.
 */
public final class ExampleModel {
    /** The share of good examples the strict kinds may find something in, at most, when not trained on them. */
    public static final double MAX_GOOD_FOUND = 0.01;
    static final int EPOCHS = 10;
    static final int FOLDS = 5;
    static final double L2 = 1e-4;
    /**
     * AdaGrad's base rate. 0.1 rather than 0.5 (until 2026-12-02): by five-fold cross-validation on the bundled examples
     * (five fold assignments, {@code ExampleModelCv}), the blocking kinds' out-of-fold recall at 1 % of good examples
     * flagged rose from 0.441 to 0.491 in English (0.431 to 0.435 in Spanish) and the caution kinds' F1 by a point:
     * the large first steps of 0.5 over-weighted the rare words of the first examples seen.
     */
    static final double RATE = 0.1;
    static final long SEED = 20261202L;
    /** A word, pair or class seen in fewer examples than this is not learned from. */
    static final int MIN_COUNT = 2;
    /**
     * The caution kinds' thresholds are those of best F-beta with beta = 0.5 (beta squared here): precision weighs
     * twice recall, because the reader's warnings come with no phrase a policy owner wrote, and F1 set them where
     * short polite drafts ("I understand.", "Atentamente, el equipo de soporte.") read as refusals or excuses.
     */
    static final double BETA2 = 0.25;
    /**
     * The words after a negation, in its sentence, that are also read as negated ({@code n:word}, shown {@code ¬word}).
     * By five-fold cross-validation on the bundled examples (five fold assignments, {@code ExampleModelCv}), with
     * {@link #RATE} 0.1, negation features raised the blocking kinds' out-of-fold recall at 1 % of good examples
     * flagged from 0.435 to 0.478 in Spanish and from 0.491 to 0.511 in English; a reach of 2, 3, 5 or the whole
     * sentence differ by less than the spread between fold assignments, 5 was the best in both languages. The features
     * grow by 7 %.
     */
    static final int NEGATION_REACH = 5;
    /**
     * The words that negate what follows them, folded as the tokenizer folds them: English "n't" contractions are one
     * word without the apostrophe ({@code dont}, {@code isnt}).
     */
    static final Set<String> NEGATIONS = Set.of("no", "not", "never", "nunca", "jamas", "ni", "tampoco", "cannot",
            "nobody", "nadie", "nothing", "nada", "dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt",
            "shouldnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt", "mustnt", "neednt", "aint");

    /**
     * What the model found in a draft.
     *
     * @param kind  the kind of finding
     * @param start the start of the sentence that weighs most for it
     * @param end   the end of that sentence
     * @param score the model's probability, 0 to 1
     * @param why   the features of the draft that weigh most for it, strongest first ({@code usted}, {@code <mentir>},
     *              {@code {INSULT}}, {@code ^ no} for "no" starting a sentence, {@code ¬culpa} for "culpa" a few
     *              words after a negation)
     */
    public record Hit(String kind, int start, int end, double score, List<String> why) {
        public Hit {
            why = List.copyOf(why);
        }
    }

    final Features features;
    final Map<String, Integer> index;
    private final String[] names;
    private final List<String> kinds;
    private final double[][] weights;
    private final double[] thresholds;
    private final int trainedOn;
    /** The words the model knows, numbered from 1 (0 is the start of a sentence), and the features of each. */
    private final WordTable wordTable;
    private final int[][] wordFeatures;
    /** The pairs it knows: the number of the first word, shifted, then the second's; to the pair's feature. */
    private final PairTable pairs;
    /** By word number: the feature of the word after a negation ({@code n:word}), or -1. */
    private final int[] negated;
    /** By word number: whether the word is one of {@link #NEGATIONS}. */
    private final boolean[] negation;
    /** The weights by feature, then kind: a draft's features are read with one cache line each, for every kind. */
    private final double[] byFeature;

    /**
     * The features, other than the word itself, of every word form that has some the model weighs (its dictionary
     * words and classes, as {@link Features#ofWord} gives them, those weighed kept in order); and of the prefixes of
     * classes' {@code prefix*} entries, for a word that is no such form.
     */
    private final FormTable forms;
    private final Map<String, int[]> prefixes;
    private final int[] prefixLengths;

    private ExampleModel(Features features, Map<String, Integer> index, String[] names, List<String> kinds,
                         double[][] weights, double[] thresholds, int trainedOn) {
        this(features, index, names, kinds, weights, thresholds, trainedOn, FormTable.of(features, index),
                prefixesOf(features, index));
    }

    private ExampleModel(Features features, Map<String, Integer> index, String[] names, List<String> kinds,
                         double[][] weights, double[] thresholds, int trainedOn, FormTable forms,
                         Map<String, int[]> prefixes) {
        this.features = features;
        this.index = index;
        this.forms = forms;
        this.prefixes = prefixes;
        this.prefixLengths = prefixes.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
        this.names = names;
        this.kinds = kinds;
        this.weights = weights;
        this.thresholds = thresholds;
        this.trainedOn = trainedOn;
        Map<String, Integer> ids = new HashMap<>();
        List<String> words = new ArrayList<>();
        List<int[]> perWord = new ArrayList<>();
        perWord.add(new int[0]);
        for (String name : names) {
            if (name.startsWith("w:")) {
                String word = name.substring(2);
                ids.put(word, perWord.size());
                words.add(word);
                int[] own = ownOf(word);
                int[] all = new int[own.length + 1];
                all[0] = index.get(name);
                System.arraycopy(own, 0, all, 1, own.length);
                perWord.add(all);
            }
        }
        // the negations are known words even where no example had one, so that reading tells them by number
        for (String word : new TreeSet<>(NEGATIONS)) {
            if (!ids.containsKey(word)) {
                ids.put(word, perWord.size());
                words.add(word);
                perWord.add(ownOf(word));
            }
        }
        int[] negatedIds = new int[perWord.size()];
        Arrays.fill(negatedIds, -1);
        boolean[] negationIds = new boolean[perWord.size()];
        for (String word : NEGATIONS) {
            negationIds[ids.get(word)] = true;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("n:")) {
                Integer id = ids.get(names[i].substring(2));
                if (id != null) {
                    negatedIds[id] = i;
                }
            }
        }
        this.negated = negatedIds;
        this.negation = negationIds;
        Map<Long, Integer> pairs = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("b:")) {
                int space = names[i].indexOf(' ');
                String first = names[i].substring(2, space);
                Integer a = first.equals("^") ? Integer.valueOf(0) : ids.get(first);
                Integer b = ids.get(names[i].substring(space + 1));
                if (a != null && b != null) {
                    pairs.put(((long) a << 32) | b, i);
                }
            }
        }
        // the tokenizer numbers the words it knows from 0: a word's number here is that plus one
        this.wordTable = new WordTable(words);
        this.wordFeatures = perWord.toArray(int[][]::new);
        this.pairs = new PairTable(pairs);
        int kindCount = kinds.size();
        this.byFeature = new double[(names.length + 1) * kindCount];
        for (int k = 0; k < kindCount; k++) {
            for (int i = 0; i <= names.length; i++) {
                byFeature[i * kindCount + k] = weights[k][i];
            }
        }
    }

    /**
     * A model as {@link ModelStore} stored it: the features, the names, weights and thresholds training gave.
     * The same model as the one trained, to the bit: the weights are the very doubles.
     */
    static ExampleModel of(FormTable forms, Map<String, int[]> prefixes, String[] names, List<String> kinds,
                           double[][] weights, double[] thresholds, int trainedOn) {
        Map<String, Integer> index = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            if (index.put(names[i], i) != null) {
                throw new IllegalArgumentException("a feature named twice: " + names[i]);
            }
        }
        if (weights.length != kinds.size() || thresholds.length != kinds.size()) {
            throw new IllegalArgumentException("weights or thresholds for " + weights.length + " kinds, not "
                    + kinds.size());
        }
        for (double[] w : weights) {
            if (w.length != names.length + 1) {
                throw new IllegalArgumentException(w.length + " weights for " + names.length + " features");
            }
        }
        checkIds(forms.pool, names.length);
        for (int[] ids : prefixes.values()) {
            checkIds(ids, names.length);
        }
        return new ExampleModel(null, Map.copyOf(index), names, List.copyOf(kinds), weights, thresholds, trainedOn,
                forms, Map.copyOf(prefixes));
    }

    private static void checkIds(int[] ids, int features) {
        for (int i : ids) {
            if (i < 0 || i >= features) {
                throw new IllegalArgumentException("feature " + i + " of " + features);
            }
        }
    }

    /** The forms that have features weighed here, each with them (see {@link #forms}). */
    FormTable forms() {
        return forms;
    }

    /** The prefixes of class entries that have features weighed here, each with them. */
    Map<String, int[]> prefixes() {
        return prefixes;
    }

    /** The features of a word other than the word itself: {@code known(features.ofWord(word)} without the word. */
    private int[] ownOf(String word) {
        int[] own = forms.get(word);
        if (own != null) {
            return own;
        }
        int[] out = NONE;
        for (int n : prefixLengths) {
            if (n > word.length()) {
                break;
            }
            int[] p = prefixes.get(word.substring(0, n));
            if (p != null) {
                int[] more = Arrays.copyOf(out, out.length + p.length);
                System.arraycopy(p, 0, more, out.length, p.length);
                out = more;
            }
        }
        return out;
    }

    private static final int[] NONE = new int[0];

    private static Map<String, int[]> prefixesOf(Features features, Map<String, Integer> index) {
        Map<String, int[]> out = new HashMap<>();
        features.prefixClasses().forEach((prefix, classes) -> {
            int[] ids = known(classes.stream().map(c -> "c:" + c).toList(), index);
            if (ids.length > 0) {
                out.put(prefix, ids);
            }
        });
        return out;
    }

    /**
     * Word forms to the features they have, by open addressing over the forms' own hashes: the tens of thousands of
     * forms of the dictionary words kept as one array of characters and one of features, stored and loaded as such
     * (no object per form).
     */
    static final class FormTable {
        /** Each form's {@link String#hashCode}, where its characters start in {@link #chars} and its features in
         * {@link #pool} (one more entry: the ends). */
        final int[] hashes;
        final int[] starts;
        final char[] chars;
        final int[] idStarts;
        final int[] pool;
        private final int[] slots;
        private final int mask;

        FormTable(int[] hashes, int[] starts, char[] chars, int[] idStarts, int[] pool) {
            int n = hashes.length;
            if (starts.length != n + 1 || idStarts.length != n + 1 || starts[0] != 0 || idStarts[0] != 0
                    || starts[n] != chars.length || idStarts[n] != pool.length) {
                throw new IllegalArgumentException("a form table whose parts do not agree");
            }
            for (int k = 0; k < n; k++) {
                if (starts[k] > starts[k + 1] || idStarts[k] > idStarts[k + 1]) {
                    throw new IllegalArgumentException("a form table whose parts do not agree");
                }
            }
            this.hashes = hashes;
            this.starts = starts;
            this.chars = chars;
            this.idStarts = idStarts;
            this.pool = pool;
            int size = Integer.highestOneBit(Math.max(4, n * 2)) * 2;
            slots = new int[size];
            mask = size - 1;
            for (int k = 0; k < n; k++) {
                int i = mix(hashes[k]) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = k + 1;
            }
        }

        /** The features of every form of {@code features}' maps that has some {@code index} knows, forms sorted. */
        static FormTable of(Features features, Map<String, Integer> index) {
            Set<String> all = new TreeSet<>(features.lemmas().keySet());
            all.addAll(features.classes().keySet());
            List<String> keys = new ArrayList<>();
            List<int[]> ids = new ArrayList<>();
            int chars = 0;
            int total = 0;
            for (String form : all) {
                List<String> f = features.ofWord(form, null);
                int[] known = known(f.subList(1, f.size()), index);
                if (known.length > 0) {
                    keys.add(form);
                    ids.add(known);
                    chars += form.length();
                    total += known.length;
                }
            }
            int n = keys.size();
            int[] hashes = new int[n];
            int[] starts = new int[n + 1];
            char[] text = new char[chars];
            int[] idStarts = new int[n + 1];
            int[] pool = new int[total];
            for (int k = 0; k < n; k++) {
                String form = keys.get(k);
                hashes[k] = form.hashCode();
                form.getChars(0, form.length(), text, starts[k]);
                starts[k + 1] = starts[k] + form.length();
                System.arraycopy(ids.get(k), 0, pool, idStarts[k], ids.get(k).length);
                idStarts[k + 1] = idStarts[k] + ids.get(k).length;
            }
            return new FormTable(hashes, starts, text, idStarts, pool);
        }

        /** The number of the form, or -1. */
        int find(String form) {
            int h = form.hashCode();
            for (int i = mix(h) & mask; slots[i] != 0; i = (i + 1) & mask) {
                int k = slots[i] - 1;
                if (hashes[k] == h && same(k, form)) {
                    return k;
                }
            }
            return -1;
        }

        private boolean same(int k, String form) {
            int from = starts[k];
            if (starts[k + 1] - from != form.length()) {
                return false;
            }
            for (int c = 0; c < form.length(); c++) {
                if (chars[from + c] != form.charAt(c)) {
                    return false;
                }
            }
            return true;
        }

        /** The features of the form, or null. */
        int[] get(String form) {
            int k = find(form);
            return k < 0 ? null : Arrays.copyOfRange(pool, idStarts[k], idStarts[k + 1]);
        }

        private static int mix(int h) {
            h *= 0x9e3779b9;
            return h ^ (h >>> 16);
        }
    }

    /** The names of its features, in the order of their weights. */
    String[] names() {
        return names;
    }

    /** The weights of kind {@code k} ({@link #kinds()}'s order), by feature, the bias last. */
    double[] weights(int k) {
        return weights[k];
    }

    static int[] known(List<String> features, Map<String, Integer> index) {
        int[] out = new int[features.size()];
        int n = 0;
        for (String f : features) {
            Integer i = index.get(f);
            if (i != null) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Pairs of word numbers to feature numbers, by open addressing with the keys mixed: a {@code Long}'s own hash
     * (its two halves xor-ed) puts the pairs of a few thousand words on a few thousand slots.
     */
    static final class PairTable {
        private final long[] keys;
        private final int[] values;
        private final int mask;

        PairTable(Map<Long, Integer> pairs) {
            int size = Integer.highestOneBit(Math.max(4, pairs.size() * 2)) * 2;
            keys = new long[size];
            values = new int[size];
            mask = size - 1;
            Arrays.fill(keys, -1);
            pairs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                int i = mix(e.getKey()) & mask;
                while (keys[i] != -1) {
                    i = (i + 1) & mask;
                }
                keys[i] = e.getKey();
                values[i] = e.getValue();
            });
        }

        /** The feature of the pair, or -1. */
        int get(long key) {
            for (int i = mix(key) & mask; keys[i] != -1; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        private static int mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            return (int) k;
        }
    }

    /**
     * Learns from {@code examples} (a draft given twice, folded the same, is learned once: the first line wins).
     *
     * @param lexicon  the policy's lists of the language, whose dictionary words and word classes become features
     * @param language the language code ({@code es}, {@code en}) of the dictionary
     * @param strict   the kinds held to {@link #MAX_GOOD_FOUND} of good examples
     */
    public static ExampleModel train(List<Examples.Line> examples, Lexicon lexicon, String language, Set<String> strict) {
        Features features = new Features(lexicon, Morphology.forLanguage(language).orElse(null));
        List<Examples.Line> lines = new ArrayList<>();
        List<List<String>> feats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Examples.Line line : examples) {
            Token[] tokens = Tokenizer.tokens(line.text(), WordTable.EMPTY);
            StringBuilder key = new StringBuilder();
            for (Token t : tokens) {
                key.append(t.folded()).append(' ');
            }
            if (seen.add(key.toString())) {
                lines.add(line);
                feats.add(features.of(tokens, 0, tokens.length));
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> f : feats) {
            for (String s : f) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= MIN_COUNT) {
                index.put(e.getKey(), names.size());
                names.add(e.getKey());
            }
        }
        int[][] x = new int[lines.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = feats.get(i).stream().filter(index::containsKey).mapToInt(index::get).sorted().toArray();
        }
        List<String> kinds = lines.stream().flatMap(l -> l.kinds().stream()).distinct().sorted().toList();
        boolean[] good = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            good[i] = lines.get(i).good();
        }
        double[][] outOfFold = new double[kinds.size()][x.length];
        double[][] weights = new double[kinds.size()][];
        for (int k = 0; k < kinds.size(); k++) {
            boolean[] y = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = lines.get(i).kinds().contains(kinds.get(k));
            }
            for (int fold = 0; fold < FOLDS; fold++) {
                boolean[] in = new boolean[x.length];
                for (int i = 0; i < x.length; i++) {
                    in[i] = i % FOLDS != fold;
                }
                double[] w = fit(x, y, in, names.size());
                for (int i = fold; i < x.length; i += FOLDS) {
                    outOfFold[k][i] = probability(w, x[i]);
                }
            }
            boolean[] all = new boolean[x.length];
            Arrays.fill(all, true);
            weights[k] = fit(x, y, all, names.size());
        }
        double[] thresholds = thresholds(kinds, strict, outOfFold, lines, good);
        return new ExampleModel(features, Map.copyOf(index), names.toArray(String[]::new), kinds, weights, thresholds,
                lines.size());
    }

    /** The kinds this model learned, in order. */
    public List<String> kinds() {
        return kinds;
    }

    /** The threshold of a kind, or NaN for a kind it did not learn. */
    public double threshold(String kind) {
        int k = kinds.indexOf(kind);
        return k < 0 ? Double.NaN : thresholds[k];
    }

    /** How many distinct examples it learned from. */
    public int trainedOn() {
        return trainedOn;
    }

    /** How many words, pairs and classes it weighs. */
    public int featureCount() {
        return names.length;
    }

    /** The probability of every kind for the draft, in the order of {@link #kinds()}. */
    public double[] scores(String draft) {
        Token[] tokens = Tokenizer.tokens(draft, wordTable);
        return new Pass(tokens, false).probabilities();
    }

    /**
     * One walk over a draft's tokens: its features each once, in order of appearance, every kind's sum of their
     * weights, and, when asked, every kind's sentence whose own features weigh most (the first of equals). The sums
     * are added in the order the features appear, of the draft and of each sentence, so they are the very doubles
     * that summing {@link #vector} of the draft and of each sentence gives.
     */
    private final class Pass {
        private final Token[] tokens;
        private final int kindCount = kinds.size();
        private final long[] seen = new long[(names.length >> 6) + 1];
        /** The draft's features, each once, in order. */
        int[] f;
        int n;
        final double[] z = new double[kindCount];
        /** With sentences: the features of the sentence read now, its sums, and each kind's best sentence. */
        private final long[] inSentence;
        private int[] sentenceFeatures;
        private int sentenceCount;
        private final double[] sum;
        final double[] best;
        final int[] start;
        final int[] end;

        Pass(Token[] tokens, boolean sentences) {
            this.tokens = tokens;
            this.f = new int[Math.max(16, tokens.length * 4)];
            int bias = names.length * kindCount;
            System.arraycopy(byFeature, bias, z, 0, kindCount);
            if (sentences) {
                inSentence = new long[seen.length];
                sentenceFeatures = new int[16];
                sum = new double[kindCount];
                best = new double[kindCount];
                Arrays.fill(best, Double.NEGATIVE_INFINITY);
                start = new int[kindCount];
                end = new int[kindCount];
                Arrays.fill(start, -1);
                Arrays.fill(end, -1);
            } else {
                inSentence = null;
                sum = null;
                best = null;
                start = null;
                end = null;
            }
            walk();
        }

        private void walk() {
            long previous = 0;
            int sentence = -1;
            int from = 0;
            int negatedUntil = -1;
            int[] pool = forms.pool;
            for (int t = 0; t < tokens.length; t++) {
                Token token = tokens[t];
                if (token.sentence() != sentence) {
                    if (t > 0 && sum != null) {
                        closeSentence(from, t);
                    }
                    previous = 0;
                    sentence = token.sentence();
                    from = t;
                    negatedUntil = -1;
                }
                int id = token.id() + 1;
                if (id == 0) {
                    // a word no example had: its dictionary words and classes may still be weighed
                    String word = token.folded();
                    int k = forms.find(word);
                    if (k >= 0) {
                        for (int at = forms.idStarts[k], to = forms.idStarts[k + 1]; at < to; at++) {
                            add(pool[at]);
                        }
                    } else if (prefixLengths.length > 0) {
                        for (int i : ownOf(word)) {
                            add(i);
                        }
                    }
                    previous = -1;
                } else {
                    if (previous >= 0) {
                        int pair = pairs.get((previous << 32) | id);
                        if (pair >= 0) {
                            add(pair);
                        }
                    }
                    previous = id;
                    for (int i : wordFeatures[id]) {
                        add(i);
                    }
                    if (t <= negatedUntil && negated[id] >= 0) {
                        add(negated[id]);
                    }
                    if (negation[id]) {
                        negatedUntil = t + NEGATION_REACH;
                    }
                }
            }
            if (tokens.length > 0 && sum != null) {
                closeSentence(from, tokens.length);
            }
        }

        private void add(int i) {
            int at = i * kindCount;
            long bit = 1L << i;
            if ((seen[i >> 6] & bit) == 0) {
                seen[i >> 6] |= bit;
                if (n == f.length) {
                    f = Arrays.copyOf(f, n * 2);
                }
                f[n++] = i;
                for (int k = 0; k < kindCount; k++) {
                    z[k] += byFeature[at + k];
                }
            }
            if (sum != null && (inSentence[i >> 6] & bit) == 0) {
                inSentence[i >> 6] |= bit;
                if (sentenceCount == sentenceFeatures.length) {
                    sentenceFeatures = Arrays.copyOf(sentenceFeatures, sentenceCount * 2);
                }
                sentenceFeatures[sentenceCount++] = i;
                for (int k = 0; k < kindCount; k++) {
                    sum[k] += byFeature[at + k];
                }
            }
        }

        /** The sentence of tokens from..to read: each kind's best so far, then the next sentence starts afresh. */
        private void closeSentence(int from, int to) {
            for (int k = 0; k < kindCount; k++) {
                if (sum[k] > best[k]) {
                    best[k] = sum[k];
                    start[k] = tokens[from].start();
                    end[k] = tokens[to - 1].end();
                }
                sum[k] = 0;
            }
            for (int c = 0; c < sentenceCount; c++) {
                inSentence[sentenceFeatures[c] >> 6] = 0;
            }
            sentenceCount = 0;
        }

        double[] probabilities() {
            double[] p = new double[kindCount];
            for (int k = 0; k < kindCount; k++) {
                p[k] = 1 / (1 + Math.exp(-z[k]));
            }
            return p;
        }
    }

    /**
     * Each kind the draft scores at or over the threshold of, and whose words weigh towards (their weights' sum is
     * positive: the score is over what the model's intercept alone gives), with its sentence and why.
     */
    public List<Hit> read(String draft) {
        Token[] tokens = Tokenizer.tokens(draft, wordTable);
        if (tokens.length == 0) {
            return List.of();
        }
        Pass draftPass = new Pass(tokens, false);
        double[] probabilities = draftPass.probabilities();
        int bias = names.length * kinds.size();
        Pass sentences = null;
        List<Hit> out = null;
        for (int k = 0; k < kinds.size(); k++) {
            double p = probabilities[k];
            // a finding needs words that point to the kind: where a kind's threshold is below what its intercept
            // alone gives (a kind frequent in the examples, its threshold set for F1), a draft whose words the model
            // does not know, or that weigh against the kind, would otherwise be found ("asdf", a foreign language)
            if (p < thresholds[k] || !(draftPass.z[k] > byFeature[bias + k])) {
                continue;
            }
            if (sentences == null) {
                // found: a second walk for the sentences, which a draft with nothing found never needs
                sentences = new Pass(tokens, true);
            }
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(new Hit(kinds.get(k), sentences.start[k], sentences.end[k], p, why(weights[k], sentences.f,
                    sentences.n)));
        }
        return out == null ? List.of() : out;
    }

    /** The three features of f[0..n) that weigh most for a kind (of weights w), heaviest first, then by name. */
    private List<String> why(double[] w, int[] f, int n) {
        int[] top = new int[3];
        int count = 0;
        for (int j = 0; j < n; j++) {
            int i = f[j];
            if (!(w[i] > 0)) {
                continue;
            }
            int at = count;
            while (at > 0 && before(w, i, top[at - 1])) {
                at--;
            }
            if (at >= 3) {
                continue;
            }
            int last = Math.min(count, 2);
            System.arraycopy(top, at, top, at + 1, last - at);
            top[at] = i;
            count = Math.min(count + 1, 3);
        }
        List<String> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(readable(names[top[j]]));
        }
        return out;
    }

    /** Whether feature a comes before b among the weightiest: heavier, or as heavy and first by name. */
    private boolean before(double[] w, int a, int b) {
        int c = Double.compare(-w[a], -w[b]);
        return c < 0 || c == 0 && names[a].compareTo(names[b]) < 0;
    }

    /** The words of a text, numbered as this model knows them. */
    Token[] tokens(String text) {
        return Tokenizer.tokens(text, wordTable);
    }

    /** The features this model knows of the tokens from..to ({@link #tokens}), each once. */
    int[] vector(Token[] tokens, int from, int to) {
        int[] out = new int[Math.max(16, (to - from) * 4)];
        long[] seen = new long[(names.length >> 6) + 1];
        int n = 0;
        long previous = 0;
        int sentence = -1;
        int negatedUntil = -1;
        for (int t = from; t < to; t++) {
            if (tokens[t].sentence() != sentence) {
                previous = 0;
                sentence = tokens[t].sentence();
                negatedUntil = -1;
            }
            int id = tokens[t].id() + 1;
            int[] own;
            if (id == 0) {
                // a word no example had: its dictionary words and classes may still be known
                own = ownOf(tokens[t].folded());
                previous = -1;
            } else {
                own = wordFeatures[id];
                if (previous >= 0) {
                    int pair = pairs.get((previous << 32) | id);
                    if (pair >= 0 && (seen[pair >> 6] & 1L << pair) == 0) {
                        seen[pair >> 6] |= 1L << pair;
                        out = room(out, n, 1);
                        out[n++] = pair;
                    }
                }
                previous = id;
                if (t <= negatedUntil && negated[id] >= 0) {
                    own = Arrays.copyOf(own, own.length + 1);
                    own[own.length - 1] = negated[id];
                }
                if (negation[id]) {
                    negatedUntil = t + NEGATION_REACH;
                }
            }
            out = room(out, n, own.length);
            for (int i : own) {
                if ((seen[i >> 6] & 1L << i) == 0) {
                    seen[i >> 6] |= 1L << i;
                    out[n++] = i;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] room(int[] array, int used, int more) {
        return used + more <= array.length ? array : Arrays.copyOf(array, Math.max(array.length * 2, used + more));
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

    static double probability(double[] w, int[] f) {
        double z = w[w.length - 1];
        for (int i : f) {
            z += w[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Logistic regression by AdaGrad over the examples marked {@code in}, in an order shuffled with a fixed seed. */
    static double[] fit(int[][] x, boolean[] y, boolean[] in, int features) {
        double[] w = new double[features + 1];
        double[] g2 = new double[features + 1];
        Arrays.fill(g2, 1e-8);
        int[] order = java.util.stream.IntStream.range(0, x.length).filter(i -> in[i]).toArray();
        Random random = new Random(SEED);
        int bias = features;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i : order) {
                double g = probability(w, x[i]) - (y[i] ? 1 : 0);
                for (int f : x[i]) {
                    double gf = g + L2 * w[f];
                    g2[f] += gf * gf;
                    w[f] -= RATE * gf / Math.sqrt(g2[f]);
                }
                g2[bias] += g * g;
                w[bias] -= RATE * g / Math.sqrt(g2[bias]);
            }
        }
        return w;
    }

    /**
     * Each kind's threshold from its out-of-fold scores: for the strict kinds the same share of good examples allowed
     * to each, lowered until together they flag at most {@link #MAX_GOOD_FOUND} of them; for the others the best
     * F-beta ({@link #BETA2}). Package-private for {@code ExampleModelCv}, which measures variants as training sets them.
     */
    static double[] thresholds(List<String> kinds, Set<String> strict, double[][] oof, List<Examples.Line> lines,
                               boolean[] good) {
        double[] out = new double[kinds.size()];
        int goods = 0;
        for (boolean g : good) {
            goods += g ? 1 : 0;
        }
        List<Integer> strictKinds = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            if (strict.contains(kinds.get(k))) {
                strictKinds.add(k);
                continue;
            }
            out[k] = bestF(oof[k], lines, kinds.get(k), BETA2)[1];
        }
        if (strictKinds.isEmpty()) {
            return out;
        }
        double[][] goodScores = new double[kinds.size()][];
        for (int k : strictKinds) {
            final int kk = k;
            goodScores[k] = java.util.stream.IntStream.range(0, good.length).filter(i -> good[i])
                    .mapToDouble(i -> oof[kk][i]).sorted().toArray();
        }
        // the same share q of good examples allowed to each strict kind, lowered until together they stay in bounds
        for (int allowed = (int) Math.floor(MAX_GOOD_FOUND * goods); allowed >= 0; allowed--) {
            for (int k : strictKinds) {
                double[] s = goodScores[k];
                out[k] = s.length == 0 ? 0.5 : Math.max(0.2, Math.nextUp(s[Math.max(0, s.length - 1 - allowed)]));
            }
            int found = 0;
            for (int i = 0; i < good.length; i++) {
                if (!good[i]) {
                    continue;
                }
                for (int k : strictKinds) {
                    if (oof[k][i] >= out[k]) {
                        found++;
                        break;
                    }
                }
            }
            if (found <= MAX_GOOD_FOUND * goods) {
                break;
            }
        }
        return out;
    }

    /**
     * The best F-beta (beta squared {@code beta2}: 1 for F1) of a kind over the thresholds 0.05, 0.06 … 0.95 of its
     * out-of-fold scores, and the lowest threshold that gives it: {@code {best, threshold}}.
     */
    static double[] bestF(double[] oof, List<Examples.Line> lines, String kind, double beta2) {
        double best = -1;
        double at = 0;
        for (int step = 5; step <= 95; step++) {
            double t = step / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < oof.length; i++) {
                boolean found = oof[i] >= t;
                boolean expected = lines.get(i).kinds().contains(kind);
                tp += found && expected ? 1 : 0;
                fp += found && !expected ? 1 : 0;
                fn += !found && expected ? 1 : 0;
            }
            double f = (1 + beta2) * tp / Math.max(1, (1 + beta2) * tp + beta2 * fn + fp);
            if (f > best) {
                best = f;
                at = t;
            }
        }
        return new double[] {best, at};
    }

    /** The features of a word: itself, the pair it ends, its dictionary words and its word classes. */
    static final class Features {
        private final Map<String, Set<String>> lemmas = new HashMap<>();
        private final Map<String, Set<String>> classes = new HashMap<>();
        private final Map<String, Set<String>> prefixClasses = new HashMap<>();
        /** The lengths of the prefixes of prefixClasses, shortest first. */
        private int[] prefixLengths = new int[0];

        Features(Lexicon lexicon, Morphology morphology) {
            this(listed(lexicon), oneWordEntries(lexicon), morphology);
        }

        /**
         * The features of the dictionary words {@code listed} (each {@code <lemma>} of the lists, lower case) and of
         * the classes' one-word entries, their forms as {@code morphology} gives them.
         */
        Features(Set<String> listed, Map<String, List<String>> classEntries, Morphology morphology) {
            if (morphology != null) {
                for (String lemma : listed) {
                    for (String form : morphology.forms(lemma)) {
                        lemmas.computeIfAbsent(form, f -> new TreeSet<>()).add(lemma);
                    }
                }
            }
            for (Map.Entry<String, List<String>> e : classEntries.entrySet()) {
                for (String w : e.getValue()) {
                    Matcher m = Phrase.LEMMA.matcher(w);
                    if (m.matches()) {
                        if (morphology != null) {
                            for (String form : morphology.forms(m.group(1))) {
                                classes.computeIfAbsent(form, f -> new TreeSet<>()).add(e.getKey());
                            }
                        }
                    } else if (w.endsWith("*") && w.length() > 1) {
                        String prefix = w.substring(0, w.length() - 1);
                        prefixClasses.computeIfAbsent(prefix, f -> new TreeSet<>()).add(e.getKey());
                    } else if (!w.startsWith("{") && !w.equals("*")) {
                        classes.computeIfAbsent(w, f -> new TreeSet<>()).add(e.getKey());
                    }
                }
            }
            prefixLengths();
        }

        private static Set<String> listed(Lexicon lexicon) {
            Set<String> listed = new TreeSet<>();
            for (PhraseList list : lexicon.lists().values()) {
                for (List<Phrase> phrases : List.of(list.phrases(), list.unlessAfter(), list.unlessFollowedBy(), list.unless())) {
                    phrases.forEach(p -> lemmasOf(p, listed));
                }
            }
            for (List<Phrase> entries : lexicon.classes().values()) {
                entries.forEach(p -> lemmasOf(p, listed));
            }
            return listed;
        }

        private static Map<String, List<String>> oneWordEntries(Lexicon lexicon) {
            Map<String, List<String>> out = new TreeMap<>();
            for (Map.Entry<String, List<Phrase>> e : lexicon.classes().entrySet()) {
                List<String> words = new ArrayList<>();
                for (Phrase p : e.getValue()) {
                    if (p.words().size() == 1) {
                        words.add(p.words().get(0));
                    }
                }
                out.put(e.getKey(), List.copyOf(words));
            }
            return out;
        }

        Map<String, Set<String>> lemmas() {
            return lemmas;
        }

        Map<String, Set<String>> classes() {
            return classes;
        }

        Map<String, Set<String>> prefixClasses() {
            return prefixClasses;
        }

        private void prefixLengths() {
            prefixLengths = prefixClasses.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
        }

        private static void lemmasOf(Phrase p, Set<String> out) {
            for (String w : p.words()) {
                Matcher m = Phrase.LEMMA.matcher(w);
                if (m.matches()) {
                    out.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
            p.unless().forEach(u -> lemmasOf(u, out));
            p.unlessAfter().forEach(u -> lemmasOf(u, out));
        }

        /**
         * The features of the tokens from..to, each once, in order of appearance: each word's ({@link #ofWord}), then,
         * for a word at most {@link #NEGATION_REACH} words after a negation in its sentence, {@code n:word}.
         */
        List<String> of(Token[] tokens, int from, int to) {
            Set<String> out = new LinkedHashSet<>();
            String previous = "^";
            int sentence = -1;
            int negatedUntil = -1;
            for (int i = from; i < to; i++) {
                Token t = tokens[i];
                if (t.sentence() != sentence) {
                    previous = "^";
                    sentence = t.sentence();
                    negatedUntil = -1;
                }
                String word = t.folded();
                out.addAll(ofWord(word, previous));
                if (i <= negatedUntil) {
                    out.add("n:" + word);
                }
                if (NEGATIONS.contains(word)) {
                    negatedUntil = i + NEGATION_REACH;
                }
                previous = word;
            }
            return new ArrayList<>(out);
        }

        List<String> ofWord(String word, String previous) {
            List<String> out = new ArrayList<>(4);
            out.add("w:" + word);
            if (previous != null) {
                out.add("b:" + previous + " " + word);
            }
            Set<String> l = lemmas.get(word);
            if (l != null) {
                l.forEach(s -> out.add("l:" + s));
            }
            Set<String> c = classes.get(word);
            if (c != null) {
                c.forEach(s -> out.add("c:" + s));
            }
            for (int n : prefixLengths) {
                if (n > word.length()) {
                    break;
                }
                Set<String> p = prefixClasses.get(word.substring(0, n));
                if (p != null) {
                    p.forEach(s -> out.add("c:" + s));
                }
            }
            return out;
        }
    }
}
