package dev.sereno.text;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Issue 11's figure for a variant of the examples reader's learning, from the examples files alone (never a corpus
 * draft): per language, the out-of-fold recall of each blocking kind at the thresholds where, over the three
 * together, at most 1 % of out-of-fold {@code GOOD} examples are flagged (as {@link ExampleModel} chooses them), and
 * the best out-of-fold F1 of each caution kind. Five folds by line number, as training's own threshold choice.
 * Variants differ in the features taken from a draft and in how the regression is fitted, written as
 * {@code key=value} settings joined by {@code +}; {@code base} is what {@link ExampleModel#train} does (checked: the
 * features it gives each example are training's):
 *
 * <ul>
 *   <li>{@code l2=}, {@code epochs=}, {@code rate=}: the fit's settings ({@link ExampleModel}'s by default);
 *   <li>{@code nb=1}: NB-LR feature scaling (Wang &amp; Manning 2012): each feature's value for a kind is its
 *       log-count ratio in the training folds, alpha 1;
 *   <li>{@code pos=}: the weight of a positive example in the loss (1 by default);
 *   <li>{@code neg=N}: words within N tokens after a negation ({@link ExampleModel#NEGATIONS}) get a feature
 *       {@code n:word} besides their own ({@link ExampleModel#NEGATION_REACH} by default; 0: none);
 *   <li>{@code skip=N}: ordered pairs of words 2..N apart in a sentence, {@code s:a b};
 *   <li>{@code chars=A-B}: character n-grams of length A..B of each folded word with {@code <} and {@code >} at its
 *       ends, {@code g:xyz};
 *   <li>{@code nopairs=1}: no adjacent pairs; {@code min=}: the least examples a feature must be in;
 *   <li>{@code score=}: how a draft is scored, its thresholds set on the same scoring: {@code whole} (the draft's
 *       features together), {@code sent} (the most of each sentence's own), {@code win2} (the most of each sentence's
 *       and each two adjacent sentences' together), {@code all} (the most of the whole draft's and {@code win2}'s), {@code ws} (the most of the whole draft's and each
 *       sentence's);
 *   <li>{@code train=}: what is learned from besides the whole examples: {@code whole} (nothing), {@code goodsent}
 *       (each sentence of an example of more than one that is not of the kind, as not of it: a good or other-kind
 *       draft's sentences are none of them of the kind), {@code sentall} (each sentence of such an example, labelled
 *       as its example), {@code mil} (as {@code goodsent}, and each example of the kind also by its sentence that
 *       scores most under a model trained as {@code goodsent} first: multiple-instance style).
 * </ul>
 *
 * <p>Besides the examples as written, each figure is also given for them <em>wrapped</em> (a synthetic check): a
 * greeting, an apology and a sign-off around each example, scored with the model of the fold that did not learn it, at
 * the same thresholds: {@code W} the blocking kinds' recall and good examples flagged by them, then the caution kinds'
 * recall at their chosen thresholds (the lists' tune drafts are among the examples).</p>
 *
 * <pre>java -cp ... dev.sereno.text.ExampleModelCv POLICY_DIR VARIANT...</pre>
 * Prints figures only, never an example.
 */
public final class ExampleModelCv {
    static final Set<String> STRICT = Set.of("INSULTS_CUSTOMER", "DOUBTS_CUSTOMER", "BLAMES_CUSTOMER",
            "CALLS_CUSTOMER_LIAR", "PROFANITY");
    private ExampleModelCv() {
    }

    record Variant(String spec, Map<String, String> settings) {
        static Variant of(String spec) {
            Map<String, String> s = new TreeMap<>();
            if (!spec.equals("base")) {
                for (String part : spec.split("\\+")) {
                    String[] kv = part.split("=", 2);
                    s.put(kv[0], kv.length > 1 ? kv[1] : "1");
                }
            }
            return new Variant(spec, s);
        }

        double d(String key, double otherwise) {
            return settings.containsKey(key) ? Double.parseDouble(settings.get(key)) : otherwise;
        }

        int i(String key, int otherwise) {
            return settings.containsKey(key) ? Integer.parseInt(settings.get(key)) : otherwise;
        }
    }

    public static void main(String[] args) throws Exception {
        Path policy = Path.of(args[0]);
        List<String> languages = List.of(System.getProperty("languages", "es,en").split(","));
        for (String language : languages) {
            String text = Files.readString(policy.resolve("examples/" + language + ".examples"), StandardCharsets.UTF_8);
            Lexicon.Builder lexicon = Lexicon.builder();
            for (String list : ModelStore.listFiles(language)) {
                Path p = policy.resolve(list);
                if (Files.isRegularFile(p)) {
                    lexicon.add(new StringReader(Files.readString(p, StandardCharsets.UTF_8)), list);
                }
            }
            Lexicon lists = lexicon.build();
            ExampleModel.Features features = new ExampleModel.Features(lists,
                    Morphology.forLanguage(language).orElse(null));
            List<Examples.Line> lines = new ArrayList<>();
            List<Token[]> tokens = new ArrayList<>();
            List<Token[]> wrapped = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Examples.Line line : Examples.read(new StringReader(text), language)) {
                Token[] t = Tokenizer.tokens(line.text(), WordTable.EMPTY);
                StringBuilder key = new StringBuilder();
                for (Token token : t) {
                    key.append(token.folded()).append(' ');
                }
                if (seen.add(key.toString())) {
                    lines.add(line);
                    tokens.add(t);
                    wrapped.add(Tokenizer.tokens(wrap(language, lines.size() - 1, line.text()), WordTable.EMPTY));
                }
            }
            for (int a = 1; a < args.length; a++) {
                long t0 = System.nanoTime();
                String out = run(Variant.of(args[a]), features, lines, tokens, wrapped, language);
                System.out.printf(Locale.ROOT, "%s %-40s %s  (%.1f s)%n", language, args[a], out,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static final Map<String, List<List<String>>> WRAPS = Map.of(
            "es", List.of(
                    List.of("Buenos días, señora Martín.", "Hola, Juan:", "Buenas tardes.", "Estimado cliente:"),
                    List.of("Lamento mucho lo ocurrido.", "Siento las molestias que esto le ha causado.",
                            "Disculpe la espera.", "Entiendo su malestar y le pido disculpas."),
                    List.of("Un saludo.", "Atentamente, el equipo de atención al cliente.", "Quedo a su disposición.",
                            "Gracias por su paciencia.")),
            "en", List.of(
                    List.of("Good morning, Mrs Smith.", "Hi John,", "Good afternoon.", "Dear customer,"),
                    List.of("I'm very sorry about what happened.", "I apologise for the inconvenience.",
                            "Sorry for the wait.", "I understand your frustration and I apologise."),
                    List.of("Kind regards.", "Best wishes, the customer care team.", "Let me know if there is anything else.",
                            "Thank you for your patience.")));

    /** The example wrapped: a greeting, an apology, the example, a sign-off, each chosen by its number. */
    static String wrap(String language, int i, String text) {
        List<List<String>> w = WRAPS.get(language);
        return w.get(0).get(i % 4) + " " + w.get(1).get((i / 4) % 4) + " " + text + " " + w.get(2).get((i / 16) % 4);
    }

    /**
     * The vectors a draft is scored by under {@code score}: the whole draft, or also (first, the whole draft with
     * {@code all}) each sentence and, with {@code win2} or {@code all}, each two adjacent. {@code cut=strong}: a
     * sentence ends only at {@code . ! ?} or a line break, not at {@code ;} (a clause and its remedy stay together).
     */
    static int[][] units(Variant v, ExampleModel.Features features, Token[] tokens, String text,
                         Map<String, Integer> index, String score) {
        boolean strong = v.settings().getOrDefault("cut", "").equals("strong");
        List<int[]> bounds = new ArrayList<>();
        int from = 0;
        for (int t = 1; t <= tokens.length; t++) {
            if (t == tokens.length || tokens[t].sentence() != tokens[t - 1].sentence()
                    && (!strong || strongCut(text, tokens[t - 1].end(), tokens[t].start()))) {
                bounds.add(new int[] {from, t});
                from = t;
            }
        }
        List<int[]> out = new ArrayList<>();
        if (score.equals("whole") || bounds.size() <= 1) {
            out.add(vectorOf(v, features, tokens, index));
        } else {
            if (score.equals("all") || score.equals("ws")) {
                out.add(vectorOf(v, features, tokens, index));
            }
            for (int s = 0; s < bounds.size(); s++) {
                out.add(vectorOf(v, features, Arrays.copyOfRange(tokens, bounds.get(s)[0], bounds.get(s)[1]), index));
                if ((score.equals("win2") || score.equals("all")) && s + 1 < bounds.size()) {
                    out.add(vectorOf(v, features, Arrays.copyOfRange(tokens, bounds.get(s)[0], bounds.get(s + 1)[1]),
                            index));
                }
            }
        }
        return out.toArray(int[][]::new);
    }

    private static boolean strongCut(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '¡' || c == '¿') {
                return true;
            }
        }
        return false;
    }

    static int[] vectorOf(Variant v, ExampleModel.Features features, Token[] tokens, Map<String, Integer> index) {
        return featuresOf(v, features, tokens).stream().filter(index::containsKey).mapToInt(index::get).sorted()
                .toArray();
    }

    /** The most of the units' scores; with {@code margin} M (and {@code score=all}), each unit but the whole draft
     * scored M logits lower: a sentence alone must weigh more than a whole draft to be flagged. */
    static double maxProbability(double[] w, int[][] units, double margin) {
        double best = 0;
        for (int u = 0; u < units.length; u++) {
            double p = ExampleModel.probability(w, units[u]);
            if (u > 0 && margin > 0) {
                double z = Math.log(p / (1 - p)) - margin;
                p = 1 / (1 + Math.exp(-z));
            }
            best = Math.max(best, p);
        }
        return best;
    }

    static List<String> featuresOf(Variant v, ExampleModel.Features features, Token[] tokens) {
        Set<String> out = new LinkedHashSet<>();
        int neg = v.i("neg", ExampleModel.NEGATION_REACH);
        int skip = v.i("skip", 0);
        boolean pairs = v.i("nopairs", 0) == 0;
        int[] chars = null;
        if (v.settings().containsKey("chars")) {
            String[] r = v.settings().get("chars").split("-");
            chars = new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[r.length - 1])};
        }
        String previous = "^";
        int sentence = -1;
        int sentenceStart = 0;
        int negatedUntil = -1;
        for (int i = 0; i < tokens.length; i++) {
            Token t = tokens[i];
            if (t.sentence() != sentence) {
                previous = "^";
                sentence = t.sentence();
                sentenceStart = i;
                negatedUntil = -1;
            }
            String w = t.folded();
            List<String> own = features.ofWord(w, pairs ? previous : null);
            out.addAll(own);
            if (neg > 0) {
                if (i <= negatedUntil) {
                    out.add("n:" + w);
                }
                if (ExampleModel.NEGATIONS.contains(w)) {
                    negatedUntil = i + neg;
                }
            }
            if (skip > 1) {
                for (int j = Math.max(sentenceStart, i - skip); j < i - 1; j++) {
                    out.add("s:" + tokens[j].folded() + " " + w);
                }
            }
            if (chars != null) {
                String b = "<" + w + ">";
                for (int n = chars[0]; n <= chars[1]; n++) {
                    for (int s = 0; s + n <= b.length(); s++) {
                        out.add("g:" + b.substring(s, s + n));
                    }
                }
            }
            previous = w;
        }
        return new ArrayList<>(out);
    }

    static String run(Variant v, ExampleModel.Features features, List<Examples.Line> lines, List<Token[]> tokens,
                      List<Token[]> wrapped, String language) {
        List<List<String>> feats = new ArrayList<>();
        for (Token[] t : tokens) {
            List<String> f = featuresOf(v, features, t);
            if (v.settings().isEmpty() && !new HashSet<>(f).equals(new HashSet<>(features.of(t, 0, t.length)))) {
                throw new IllegalStateException("the base variant's features are not training's");
            }
            feats.add(f);
        }
        int min = v.i("min", ExampleModel.MIN_COUNT);
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> f : feats) {
            for (String s : f) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= min) {
                index.put(e.getKey(), index.size());
            }
        }
        int[][] x = new int[lines.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = feats.get(i).stream().filter(index::containsKey).mapToInt(index::get).sorted().toArray();
        }
        String score = v.settings().getOrDefault("score", "whole");
        int[][][] units = new int[x.length][][];
        int[][][] wrappedUnits = new int[x.length][][];
        int[][][] sentences = new int[x.length][][];
        for (int i = 0; i < x.length; i++) {
            String text = lines.get(i).text();
            units[i] = units(v, features, tokens.get(i), text, index, score);
            wrappedUnits[i] = units(v, features, wrapped.get(i), wrap(language, i, text), index, score);
            sentences[i] = units(v, features, tokens.get(i), text, index, "sent");
        }
        Data data = new Data(x, units, wrappedUnits, sentences);
        List<String> kinds = lines.stream().flatMap(l -> l.kinds().stream()).distinct().sorted().toList();
        boolean[] good = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            good[i] = lines.get(i).good();
        }
        int reps = v.i("reps", 1);
        StringBuilder out = new StringBuilder();
        for (int rep = 0; rep < reps; rep++) {
            // rep 0: folds by line number, as training chooses its thresholds; others: lines shuffled first
            int[] foldOf = new int[x.length];
            Integer[] order = new Integer[x.length];
            for (int i = 0; i < x.length; i++) {
                order[i] = i;
            }
            if (rep > 0) {
                java.util.Collections.shuffle(Arrays.asList(order), new Random(rep));
            }
            for (int i = 0; i < x.length; i++) {
                foldOf[order[i]] = i % ExampleModel.FOLDS;
            }
            out.append(rep == 0 ? "" : "\n   rep" + rep + " ").append(oneRun(v, data, lines, kinds, good, foldOf, index.size()));
        }
        return out + String.format(Locale.ROOT, " features=%d", index.size());
    }

    /** Each example's whole vector, its scoring units, those of it wrapped, and its sentences' vectors. */
    record Data(int[][] x, int[][][] units, int[][][] wrapped, int[][][] sentences) {
    }

    static String oneRun(Variant v, Data d, List<Examples.Line> lines, List<String> kinds, boolean[] good,
                         int[] foldOf, int featureCount) {
        int[][] x = d.x();
        String train = v.settings().getOrDefault("train", "whole");
        double margin = v.d("margin", 0);
        double[][] oof = new double[kinds.size()][x.length];
        double[][] oofWrapped = new double[kinds.size()][x.length];
        for (int k = 0; k < kinds.size(); k++) {
            boolean[] y = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = lines.get(i).kinds().contains(kinds.get(k));
            }
            for (int fold = 0; fold < ExampleModel.FOLDS; fold++) {
                boolean[] in = new boolean[x.length];
                for (int i = 0; i < x.length; i++) {
                    in[i] = foldOf[i] != fold;
                }
                double[] w = train.equals("whole") ? fit(v, x, y, in, featureCount)
                        : fitWithSentences(v, d, y, in, featureCount, train);
                for (int i = 0; i < x.length; i++) {
                    if (!in[i]) {
                        oof[k][i] = maxProbability(w, d.units()[i], margin);
                        oofWrapped[k][i] = maxProbability(w, d.wrapped()[i], margin);
                    }
                }
            }
        }
        String debug = System.getProperty("debug");
        if (debug != null) {
            int k = kinds.indexOf(debug);
            Integer[] order = new Integer[x.length];
            for (int i = 0; i < x.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(oof[k][b], oof[k][a]));
            int shown = 0;
            for (int i : order) {
                if (good[i] && shown++ < 25) {
                    System.out.printf(Locale.ROOT, "  good %.3f %s%n", oof[k][i], lines.get(i).text());
                }
            }
        }
        return figures(kinds, oof, lines, good) + " || W " + wrappedFigures(kinds, oof, oofWrapped, lines, good);
    }

    /**
     * Learning from the whole examples and from sentences of examples of more than one: {@code goodsent} those of the
     * examples not of the kind, as not of it; {@code sentall} all, labelled as their example; {@code mil} as
     * {@code goodsent}, then again with each example of the kind also given by its sentence that scores most.
     */
    static double[] fitWithSentences(Variant v, Data d, boolean[] y, boolean[] in, int featureCount, String train) {
        List<int[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        for (int i = 0; i < d.x().length; i++) {
            if (!in[i]) {
                continue;
            }
            xs.add(d.x()[i]);
            ys.add(y[i]);
            if (d.sentences()[i].length > 1 && (!y[i] || train.equals("sentall"))) {
                for (int[] s : d.sentences()[i]) {
                    xs.add(s);
                    ys.add(y[i]);
                }
            }
        }
        boolean[] all = new boolean[xs.size()];
        Arrays.fill(all, true);
        boolean[] labels = new boolean[ys.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ys.get(i);
        }
        double[] w = fit(v, xs.toArray(int[][]::new), labels, all, featureCount);
        if (!train.equals("mil")) {
            return w;
        }
        for (int i = 0; i < d.x().length; i++) {
            if (in[i] && y[i] && d.sentences()[i].length > 1) {
                int[] best = null;
                double bestP = -1;
                for (int[] s : d.sentences()[i]) {
                    double p = ExampleModel.probability(w, s);
                    if (p > bestP) {
                        bestP = p;
                        best = s;
                    }
                }
                xs.add(best);
                ys.add(true);
            }
        }
        all = new boolean[xs.size()];
        Arrays.fill(all, true);
        labels = new boolean[ys.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ys.get(i);
        }
        return fit(v, xs.toArray(int[][]::new), labels, all, featureCount);
    }

    /** The wrapped examples' figures at the thresholds set on the examples as written (out of fold). */
    static String wrappedFigures(List<String> kinds, double[][] oof, double[][] wrapped, List<Examples.Line> lines,
                                 boolean[] good) {
        double[] t = ExampleModel.thresholds(kinds, STRICT, oof, lines, good);
        int goods = 0;
        int flagged = 0;
        for (int i = 0; i < good.length; i++) {
            if (good[i]) {
                goods++;
                for (int k = 0; k < kinds.size(); k++) {
                    if (STRICT.contains(kinds.get(k)) && wrapped[k][i] >= t[k]) {
                        flagged++;
                        break;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        double strictSum = 0;
        double cautionSum = 0;
        int strictN = 0;
        for (int k = 0; k < kinds.size(); k++) {
            int n = 0;
            int found = 0;
            for (int i = 0; i < good.length; i++) {
                if (lines.get(i).kinds().contains(kinds.get(k))) {
                    n++;
                    found += wrapped[k][i] >= t[k] ? 1 : 0;
                }
            }
            double r = (double) found / n;
            if (STRICT.contains(kinds.get(k))) {
                strictSum += r;
                strictN++;
            } else {
                cautionSum += r;
            }
            out.append(String.format(Locale.ROOT, "%s %.3f ", kinds.get(k).substring(0, 5), r));
        }
        return out.append(String.format(Locale.ROOT, "| blocking mean %.3f caution mean %.3f | good %d/%d",
                strictSum / strictN, cautionSum / (kinds.size() - strictN), flagged, goods)).toString();
    }

    /** As {@link ExampleModel#fit}, with the variant's settings; the weights returned are per binary feature. */
    static double[] fit(Variant v, int[][] x, boolean[] y, boolean[] in, int features) {
        double l2 = v.d("l2", ExampleModel.L2);
        double rate = v.d("rate", ExampleModel.RATE);
        int epochs = v.i("epochs", ExampleModel.EPOCHS);
        double pos = v.d("pos", 1);
        double[] scale = null;
        if (v.i("nb", 0) == 1) {
            double[] p = new double[features];
            double[] q = new double[features];
            Arrays.fill(p, 1);
            Arrays.fill(q, 1);
            for (int i = 0; i < x.length; i++) {
                if (in[i]) {
                    for (int f : x[i]) {
                        if (y[i]) {
                            p[f]++;
                        } else {
                            q[f]++;
                        }
                    }
                }
            }
            double ps = Arrays.stream(p).sum();
            double qs = Arrays.stream(q).sum();
            scale = new double[features];
            for (int f = 0; f < features; f++) {
                scale[f] = Math.log((p[f] / ps) / (q[f] / qs));
            }
        }
        double[] w = new double[features + 1];
        double[] g2 = new double[features + 1];
        Arrays.fill(g2, 1e-8);
        int[] order = java.util.stream.IntStream.range(0, x.length).filter(i -> in[i]).toArray();
        Random random = new Random(ExampleModel.SEED);
        int bias = features;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i : order) {
                double z = w[bias];
                for (int f : x[i]) {
                    z += scale == null ? w[f] : w[f] * scale[f];
                }
                double g = (1 / (1 + Math.exp(-z)) - (y[i] ? 1 : 0)) * (y[i] ? pos : 1);
                for (int f : x[i]) {
                    double s = scale == null ? 1 : scale[f];
                    double gf = g * s + l2 * w[f];
                    g2[f] += gf * gf;
                    w[f] -= rate * gf / Math.sqrt(g2[f]);
                }
                g2[bias] += g * g;
                w[bias] -= rate * g / Math.sqrt(g2[bias]);
            }
        }
        if (scale != null) {
            for (int f = 0; f < features; f++) {
                w[f] *= scale[f];
            }
        }
        return w;
    }

    /**
     * The strict kinds' recall at thresholds chosen as {@link ExampleModel} chooses them (the same share of good
     * examples allowed to each, lowered until together they flag at most 1 %), and the caution kinds' best F1.
     */
    static String figures(List<String> kinds, double[][] oof, List<Examples.Line> lines, boolean[] good) {
        int goods = 0;
        for (boolean g : good) {
            goods += g ? 1 : 0;
        }
        List<Integer> strict = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            if (STRICT.contains(kinds.get(k))) {
                strict.add(k);
            }
        }
        double[] t = ExampleModel.thresholds(kinds, STRICT, oof, lines, good);
        int flagged = 0;
        for (int i = 0; i < good.length; i++) {
            if (good[i]) {
                for (int k : strict) {
                    if (oof[k][i] >= t[k]) {
                        flagged++;
                        break;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        double recallSum = 0;
        for (int k : strict) {
            int n = 0;
            int found = 0;
            for (int i = 0; i < good.length; i++) {
                if (lines.get(i).kinds().contains(kinds.get(k))) {
                    n++;
                    found += oof[k][i] >= t[k] ? 1 : 0;
                }
            }
            recallSum += (double) found / n;
            out.append(String.format(Locale.ROOT, "%s %.3f ", kinds.get(k).substring(0, 5), (double) found / n));
        }
        out.append(String.format(Locale.ROOT, "| mean %.3f | good %d/%d | F1", recallSum / strict.size(), flagged,
                goods));
        double f1Sum = 0;
        int caution = 0;
        for (int k = 0; k < kinds.size(); k++) {
            if (STRICT.contains(kinds.get(k))) {
                continue;
            }
            double best = ExampleModel.bestF(oof[k], lines, kinds.get(k), 1)[0];
            f1Sum += best;
            caution++;
            out.append(String.format(Locale.ROOT, " %s %.3f", kinds.get(k).substring(0, 5), best));
        }
        out.append(String.format(Locale.ROOT, " | mean %.3f", f1Sum / caution));
        return out.toString();
    }
}
