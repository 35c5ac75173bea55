package dev.sereno.cli.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sereno.advice.Advice;
import dev.sereno.advice.Severity;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.json.SituationJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every draft of a {@link Corpus} through an Advisor and counts, per kind, what was caught and what was
 * flagged wrongly; and how many good replies were blocked. The same numbers for the whole corpus, the part the
 * lists may be tuned against ({@code tune}) and the part they never are ({@code heldout}).
 */
public final class Evaluation {
    public static final List<String> SPLITS = List.of("all", "tune", "heldout");

    /** Counts for one kind in one split. */
    public record Score(String kind, Severity severity, int caught, int missed, int wronglyFlagged) {
        public double recall() {
            return caught + missed == 0 ? 1.0 : (double) caught / (caught + missed);
        }

        public double precision() {
            return caught + wronglyFlagged == 0 ? 1.0 : (double) caught / (caught + wronglyFlagged);
        }
    }

    /** One case where the advice and the label disagree. */
    public record Miss(Corpus.Case c, String kind, boolean missed, List<String> codes) {
    }

    /** The numbers for one split. */
    public record Report(String split, List<Score> scores, int good, int goodBlocked) {
        public double goodBlockedRate() {
            return good == 0 ? 0 : (double) goodBlocked / good;
        }
    }

    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final List<Miss> misses = new ArrayList<>();

    public static Evaluation run(Corpus corpus, Advisor advisor) {
        Evaluation e = new Evaluation();
        SituationJson reader = new SituationJson();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, int[]> good = new LinkedHashMap<>();
        for (String split : SPLITS) {
            good.put(split, new int[2]);
            for (String kind : corpus.kinds().keySet()) {
                counts.put(split + "/" + kind, new int[3]);
            }
        }
        for (Corpus.Case c : corpus.cases()) {
            ObjectNode s = corpus.situation().deepCopy();
            s.put("locale", c.locale());
            s.put("draftReply", c.draft());
            Advice advice = advisor.advise(reader.read(s));
            Set<String> flagged = new HashSet<>();
            boolean blocked = false;
            for (Warning w : advice.warnings()) {
                blocked |= w.blocking();
                for (Corpus.KindSpec k : corpus.kinds().values()) {
                    if (k.codes().contains(w.code()) && (k.severity() != Severity.BLOCKING || w.blocking())) {
                        flagged.add(k.name());
                    }
                }
            }
            List<String> codes = advice.warnings().stream()
                    .map(w -> w.code() + (w.blocking() ? "!" : "") + (w.span() == null ? "" : "«" + w.span() + "»")).toList();
            for (String split : List.of("all", c.split())) {
                if (c.good()) {
                    good.get(split)[0]++;
                    if (blocked) {
                        good.get(split)[1]++;
                    }
                }
                for (String kind : corpus.kinds().keySet()) {
                    int[] n = counts.get(split + "/" + kind);
                    boolean expected = c.expect().contains(kind);
                    boolean found = flagged.contains(kind);
                    if (expected && found) {
                        n[0]++;
                    } else if (expected) {
                        n[1]++;
                    } else if (found) {
                        n[2]++;
                    }
                }
            }
            for (String kind : corpus.kinds().keySet()) {
                boolean expected = c.expect().contains(kind);
                if (expected != flagged.contains(kind)) {
                    e.misses.add(new Miss(c, kind, expected, codes));
                }
            }
            if (c.good() && blocked && c.expect().isEmpty() && flagged.isEmpty()) {
                e.misses.add(new Miss(c, "BLOCKED", false, codes));
            }
        }
        for (String split : SPLITS) {
            List<Score> scores = new ArrayList<>();
            for (Corpus.KindSpec k : corpus.kinds().values()) {
                int[] n = counts.get(split + "/" + k.name());
                scores.add(new Score(k.name(), k.severity(), n[0], n[1], n[2]));
            }
            e.reports.put(split, new Report(split, List.copyOf(scores), good.get(split)[0], good.get(split)[1]));
        }
        return e;
    }

    public Report report(String split) {
        return reports.get(split);
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }

    /**
     * What falls short of the bar the build sets: recall of a BLOCKING kind under {@code blockingRecall}, of a
     * CAUTION kind under {@code cautionRecall}, or more than {@code maxGoodBlocked} of the good replies blocked.
     */
    public List<String> shortfalls(String split, double blockingRecall, double cautionRecall, double maxGoodBlocked) {
        Report r = reports.get(split);
        List<String> out = new ArrayList<>();
        for (Score s : r.scores()) {
            double bar = s.severity() == Severity.BLOCKING ? blockingRecall : cautionRecall;
            if (s.recall() < bar) {
                out.add(String.format(Locale.ROOT, "%s (%s): recall %.3f is under %.2f", s.kind(), split, s.recall(), bar));
            }
        }
        if (r.goodBlockedRate() > maxGoodBlocked) {
            out.add(String.format(Locale.ROOT, "good replies (%s): %d of %d blocked (%.1f %%), over %.1f %%", split,
                    r.goodBlocked(), r.good(), 100 * r.goodBlockedRate(), 100 * maxGoodBlocked));
        }
        return out;
    }

    /** The table a person reads: one line per kind and split. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-20s %-8s %-8s %9s %9s %7s %7s%n", "kind", "severity", "split",
                "precision", "recall", "caught", "cases"));
        for (String split : SPLITS) {
            for (Score s : reports.get(split).scores()) {
                out.append(String.format(Locale.ROOT, "%-20s %-8s %-8s %9.3f %9.3f %7d %7d%n", s.kind(), s.severity(),
                        split, s.precision(), s.recall(), s.caught(), s.caught() + s.missed()));
            }
        }
        for (String split : SPLITS) {
            Report r = reports.get(split);
            out.append(String.format(Locale.ROOT, "good replies blocked (%s): %d of %d (%.1f %%)%n", split,
                    r.goodBlocked(), r.good(), 100 * r.goodBlockedRate()));
        }
        return out.toString();
    }
}
