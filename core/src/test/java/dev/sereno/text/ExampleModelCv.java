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
 *   <li>{@code nopairs=1}: no adjacent pairs; {@code min=}: the least examples a feature must be in.
 * </ul>
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
                }
            }
            for (int a = 1; a < args.length; a++) {
                long t0 = System.nanoTime();
                String out = run(Variant.of(args[a]), features, lines, tokens);
                System.out.printf(Locale.ROOT, "%s %-40s %s  (%.1f s)%n", language, args[a], out,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
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

    static String run(Variant v, ExampleModel.Features features, List<Examples.Line> lines, List<Token[]> tokens) {
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
            out.append(rep == 0 ? "" : "\n   rep" + rep + " ").append(oneRun(v, x, lines, kinds, good, foldOf, index.size()));
        }
        return out + String.format(Locale.ROOT, " features=%d", index.size());
    }

    static String oneRun(Variant v, int[][] x, List<Examples.Line> lines, List<String> kinds, boolean[] good,
                         int[] foldOf, int featureCount) {
        double[][] oof = new double[kinds.size()][x.length];
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
                double[] w = fit(v, x, y, in, featureCount);
                for (int i = 0; i < x.length; i++) {
                    if (!in[i]) {
                        oof[k][i] = ExampleModel.probability(w, x[i]);
                    }
                }
            }
        }
        return figures(kinds, oof, lines, good);
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
