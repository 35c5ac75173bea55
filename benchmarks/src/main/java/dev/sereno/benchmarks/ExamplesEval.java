package dev.sereno.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.ExamplesReader;
import dev.sereno.json.SituationJson;
import dev.sereno.policy.Finding;
import dev.sereno.situation.Language;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Issue 11's question in figures: on the corpus's held-out part and its fresh batch, per language and kind, the
 * recall and precision of (a) the phrase lists alone (the bundled Advisor), (b) the {@link ExamplesReader} alone and
 * (c) the bundled Advisor with the reader registered (lists or model, as the rules read both), and the good replies
 * blocked by each; then what the reader costs: its training, and CPU time per call and per 1,000 characters.
 * Prints figures only, never a draft: the held-out and fresh drafts are read by no one.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.sereno.benchmarks.ExamplesEval corpus
 * }</pre>
 */
public final class ExamplesEval {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("INSULT", "DOUBT", "BLAME_CUSTOMER", "PASS_ON", "EXCUSE",
            "UNTIMED_COMMITMENT", "INFLEXIBLE");
    private static final Set<String> BLOCKING = Set.of("INSULT", "DOUBT", "BLAME_CUSTOMER");
    /** The warning codes that catch each kind (corpus/kinds.properties). */
    private static final Map<String, Set<String>> CODES = Map.of(
            "INSULT", Set.of("INSULTS_CUSTOMER", "PROFANITY"),
            "DOUBT", Set.of("DOUBTS_CUSTOMER", "CALLS_CUSTOMER_LIAR", "CONTRADICTS_CUSTOMER"),
            "BLAME_CUSTOMER", Set.of("BLAMES_CUSTOMER"),
            "PASS_ON", Set.of("PASSES_CUSTOMER_ON"),
            "EXCUSE", Set.of("MAKES_EXCUSES"),
            "UNTIMED_COMMITMENT", Set.of("COMMITMENT_WITHOUT_TIME"),
            "INFLEXIBLE", Set.of("POLICY_WITHOUT_ALTERNATIVE", "BARE_REFUSAL", "REFUSAL_WITH_OPTIONS_LEFT"));
    /** The finding kinds of the examples, as the corpus names the kinds. */
    private static final Map<String, String> FROM_FINDING = Map.of("INSULTS_CUSTOMER", "INSULT", "DOUBTS_CUSTOMER",
            "DOUBT", "BLAMES_CUSTOMER", "BLAME_CUSTOMER", "PASSES_CUSTOMER_ON", "PASS_ON", "MAKES_EXCUSES", "EXCUSE",
            "UNTIMED_COMMITMENT", "UNTIMED_COMMITMENT", "INFLEXIBLE", "INFLEXIBLE");

    /** Both languages together, by split: caught by (a), (b), (c), cases; and good replies, blocked by each. */
    private static final Map<String, int[]> POOLED = new LinkedHashMap<>();

    private record Case(String locale, String split, Set<String> expect, String draft) {
    }

    private ExamplesEval() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "corpus");
        List<Case> cases = new ArrayList<>();
        for (String l : List.of("es", "en")) {
            read(corpus.resolve("drafts/" + l + ".jsonl"), null, cases);
            read(corpus.resolve("fresh/drafts/" + l + ".jsonl"), "fresh", cases);
        }
        long t0 = System.nanoTime();
        ExamplesReader reader = ExamplesReader.bundled();
        System.out.printf(Locale.ROOT, "reader trained in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        for (Language language : Language.values()) {
            var m = reader.model(language);
            StringBuilder thr = new StringBuilder();
            for (String k : m.kinds()) {
                thr.append(String.format(Locale.ROOT, " %s=%.3f", k, m.threshold(k)));
            }
            System.out.printf(Locale.ROOT, "%s: %d examples, %d features; thresholds%s%n", language.code(),
                    m.trainedOn(), m.featureCount(), thr);
        }
        if (!Boolean.getBoolean("costOnly")) {
            figures(corpus, cases, reader);
            System.out.println("both languages: recall (a) lists, (b) model, (c) either; good replies blocked by each");
            POOLED.forEach((key, p) -> System.out.printf(Locale.ROOT, "  %-34s %s%n", key, key.endsWith("blocked")
                    ? String.format(Locale.ROOT, "%d, %d, %d of %d", p[0], p[1], p[2], p[3])
                    : String.format(Locale.ROOT, "%.3f  %.3f  %.3f  (%d)", (double) p[0] / p[3], (double) p[1] / p[3],
                            (double) p[2] / p[3], p[3])));
        }
        cost(cases, reader);
    }

    private static void figures(Path corpus, List<Case> cases, ExamplesReader reader) throws Exception {
        ObjectNode situation = (ObjectNode) JSON.readTree(Files.readString(corpus.resolve("situation.json")));
        SituationJson sj = new SituationJson();
        // the reader inline is on by default since 2026-12-02: (a) and (c) turn it off, so that (a) is the lists alone
        // and (c) the lists with the reader registered beside them, without the lists' exceptions, as measured before
        try (Advisor lists = Advisor.builder().examplesReader(false).build();
             Advisor both = Advisor.builder().examplesReader(false).reader(reader, Duration.ofSeconds(10)).build()) {
            for (String l : List.of("es", "en")) {
                for (String split : List.of("heldout", "fresh")) {
                    int[][] tp = new int[KINDS.size()][3];
                    int[][] fp = new int[KINDS.size()][3];
                    int[] n = new int[KINDS.size()];
                    int goods = 0;
                    int[] blocked = new int[3];
                    for (Case c : cases) {
                        if (!c.locale().equals(l) || !c.split().equals(split)) {
                            continue;
                        }
                        ObjectNode s = situation.deepCopy();
                        s.put("locale", l);
                        s.put("draftReply", c.draft());
                        Set<String>[] flagged = new Set[3];
                        boolean[] block = new boolean[3];
                        Advice a = lists.advise(sj.read(s.deepCopy()));
                        flagged[0] = flags(a);
                        block[0] = a.warnings().stream().anyMatch(Warning::blocking);
                        flagged[1] = new HashSet<>();
                        for (Finding f : reader.read(c.draft(), Language.valueOf(l.toUpperCase(Locale.ROOT)))) {
                            String kind = FROM_FINDING.get(f.kind());
                            if (kind != null) {
                                flagged[1].add(kind);
                                block[1] |= BLOCKING.contains(kind);
                            }
                        }
                        Advice ab = both.advise(sj.read(s.deepCopy()));
                        flagged[2] = flags(ab);
                        // the rules read no UNTIMED_COMMITMENT finding yet: count the model's as the rules would
                        if (flagged[1].contains("UNTIMED_COMMITMENT")) {
                            flagged[2].add("UNTIMED_COMMITMENT");
                        }
                        block[2] = ab.warnings().stream().anyMatch(Warning::blocking);
                        for (int k = 0; k < KINDS.size(); k++) {
                            boolean expected = c.expect().contains(KINDS.get(k));
                            n[k] += expected ? 1 : 0;
                            for (int j = 0; j < 3; j++) {
                                if (flagged[j].contains(KINDS.get(k))) {
                                    if (expected) {
                                        tp[k][j]++;
                                    } else {
                                        fp[k][j]++;
                                    }
                                }
                            }
                        }
                        if (c.expect().isEmpty()) {
                            goods++;
                            for (int j = 0; j < 3; j++) {
                                blocked[j] += block[j] ? 1 : 0;
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "%-2s %-7s %-18s %3s | %-11s | %-11s | %-11s%n", l, split, "kind",
                            "n", "(a) lists", "(b) model", "(c) either");
                    for (int k = 0; k < KINDS.size(); k++) {
                        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-2s %-7s %-18s %3d", l, split,
                                KINDS.get(k), n[k]));
                        for (int j = 0; j < 3; j++) {
                            row.append(String.format(Locale.ROOT, " | %.2f / %.2f", (double) tp[k][j] / n[k],
                                    tp[k][j] + fp[k][j] == 0 ? 1.0 : (double) tp[k][j] / (tp[k][j] + fp[k][j])));
                        }
                        System.out.println(row);
                        int[] p = POOLED.computeIfAbsent(split + " " + KINDS.get(k), x -> new int[4]);
                        p[0] += tp[k][0];
                        p[1] += tp[k][1];
                        p[2] += tp[k][2];
                        p[3] += n[k];
                    }
                    int[] g = POOLED.computeIfAbsent(split + " good replies blocked", x -> new int[4]);
                    g[0] += blocked[0];
                    g[1] += blocked[1];
                    g[2] += blocked[2];
                    g[3] += goods;
                    System.out.printf(Locale.ROOT, "%-2s %-7s good replies blocked, of %d: (a) %d, (b) %d, (c) %d%n", l,
                            split, goods, blocked[0], blocked[1], blocked[2]);
                }
            }
        }
    }

    private static Set<String> flags(Advice a) {
        Set<String> out = new HashSet<>();
        for (Warning w : a.warnings()) {
            for (String k : KINDS) {
                if (CODES.get(k).contains(w.code()) && (!BLOCKING.contains(k) || w.blocking())) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** CPU time of the reader alone, on the calling thread, over every draft of the corpus, after a warm-up. */
    private static void cost(List<Case> cases, ExamplesReader reader) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long chars = 0;
        for (Case c : cases) {
            chars += c.draft().length();
        }
        int sink = 0;
        for (int round = 0; round < 5; round++) {
            for (Case c : cases) {
                sink += reader.read(c.draft(), Language.valueOf(c.locale().toUpperCase(Locale.ROOT))).size();
            }
        }
        int rounds = Integer.getInteger("rounds", 10);
        long[] perRound = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpu = threads.getCurrentThreadCpuTime();
            for (Case c : cases) {
                sink += reader.read(c.draft(), Language.valueOf(c.locale().toUpperCase(Locale.ROOT))).size();
            }
            perRound[r] = threads.getCurrentThreadCpuTime() - cpu;
        }
        java.util.Arrays.sort(perRound);
        double median = perRound[rounds / 2];
        System.out.printf(Locale.ROOT, "reader CPU: %.1f µs per call (median of %d rounds over %d drafts, %.0f chars "
                        + "each on average), %.1f µs per 1,000 characters [%d]%n", median / 1000 / cases.size(), rounds,
                cases.size(), (double) chars / cases.size(), median / 1000 / (chars / 1000.0), sink % 2);
    }

    private static void read(Path file, String split, List<Case> out) throws Exception {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            Set<String> expect = new HashSet<>();
            n.get("expect").forEach(k -> expect.add(k.asText()));
            out.add(new Case(n.get("locale").asText(), split != null ? split : n.path("split").asText("tune"), expect,
                    n.get("draft").asText()));
        }
    }
}
