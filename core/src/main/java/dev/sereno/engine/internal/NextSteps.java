package dev.sereno.engine.internal;

import dev.sereno.advice.Escalation;
import dev.sereno.advice.FollowUp;
import dev.sereno.advice.NextStep;
import dev.sereno.advice.Recommendation;
import dev.sereno.advice.Warning;
import dev.sereno.policy.NextRanking;
import dev.sereno.policy.NextRanking.Kind;
import dev.sereno.situation.Stage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks {@code next}, the few lines of what to do now, from the assembled lists: each warning, escalation,
 * recommendation and follow-up is ranked by the policy's {@link NextRanking} (for the complaint's stage); items
 * ranked 0 and items a more specific one covers are left out, each code appears once, and at most
 * {@link NextRanking#SIZE} remain. Reviews (G54) and case records are never candidates. Ties go to what the
 * complaint's stage needs (a recommendation for another moment of the conversation comes after), then to the kind of
 * item (blocking warning, escalation, caution, recommendation, follow-up), then to the item's place in its own list,
 * which is already deterministic: so is {@code next}. Internal API.
 */
final class NextSteps {
    /** One candidate: what it is, how it ranks, and how it reads. */
    record Candidate(String code, Kind kind, int index, String list, List<String> guidance, String rule, Line line,
                     Stage phase) {
        /** Where the item is in the advice, such as {@code warnings[0]}: written only for those in {@code next}. */
        String item() {
            return list + "[" + index + "]";
        }

        /** A recommendation for another moment of the conversation than the complaint's stage. */
        boolean otherPhase(Stage stage) {
            return phase != null && phase != stage;
        }
    }

    /** The one-line text of a candidate, rendered only for those that make it into {@code next}. */
    interface Line {
        String text();
    }

    private NextSteps() {
    }

    static Candidate warning(Warning w, int index, Line line) {
        return new Candidate(w.code(), w.blocking() ? Kind.BLOCKING : Kind.CAUTION, index, "warnings",
                w.guidance(), w.rule(), line, null);
    }

    static Candidate escalation(Escalation e, int index, Line line) {
        return new Candidate(e.code(), Kind.ESCALATION, index, "escalations", e.guidance(), e.rule(), line, null);
    }

    static Candidate recommendation(Recommendation r, int index, Line line) {
        return new Candidate(r.action(), Kind.RECOMMENDATION, index, "recommendations", r.guidance(),
                r.rule(), line, r.phase());
    }

    static Candidate followUp(FollowUp f, int index, Line line) {
        return new Candidate(f.code(), Kind.FOLLOW_UP, index, "followUps", f.guidance(), f.rule(), line, null);
    }

    static List<NextStep> pick(List<Candidate> candidates, NextRanking ranking, Stage stage) {
        return pick(candidates, new Ranks(ranking), stage);
    }

    /**
     * The policy's ranks by stage, merged once: a code's rank is then one look-up, not a key joined with the stage
     * for every comparison. Immutable; one per policy.
     */
    static final class Ranks {
        private final NextRanking ranking;
        private final Map<String, Integer> plain;
        private final Map<Stage, Map<String, Integer>> byStage = new EnumMap<>(Stage.class);
        private final int[] kinds = new int[Kind.values().length];

        Ranks(NextRanking ranking) {
            this.ranking = ranking;
            this.plain = new HashMap<>(ranking.ranks());
            for (Stage stage : Stage.values()) {
                Map<String, Integer> merged = new HashMap<>(ranking.ranks());
                String suffix = "@" + stage.name();
                ranking.stageRanks().forEach((key, rank) -> {
                    if (key.endsWith(suffix)) {
                        merged.put(key.substring(0, key.length() - suffix.length()), rank);
                    }
                });
                byStage.put(stage, merged);
            }
            for (Kind k : Kind.values()) {
                kinds[k.ordinal()] = ranking.kindRanks().get(k);
            }
        }

        NextRanking ranking() {
            return ranking;
        }

        /** As {@link NextRanking#rank}. */
        int rank(String code, Kind kind, Stage stage) {
            Integer r = (stage == null ? plain : byStage.get(stage)).get(code);
            return r == null ? kinds[kind.ordinal()] : r;
        }
    }

    static List<NextStep> pick(List<Candidate> candidates, Ranks ranks, Stage stage) {
        NextRanking ranking = ranks.ranking();
        int n = candidates.size();
        // what the codes present cover, gathered once: the candidates are then one look-up each
        Set<String> present = new HashSet<>(n * 2);
        for (Candidate c : candidates) {
            present.add(c.code());
        }
        Set<String> covered = null;
        if (!ranking.covers().isEmpty()) {
            for (String p : present) {
                Set<String> codes = ranking.covers().get(p);
                if (codes == null) {
                    continue;
                }
                for (String c : codes) {
                    if (!c.equals(p)) {
                        if (covered == null) {
                            covered = new HashSet<>();
                        }
                        covered.add(c);
                    }
                }
            }
        }
        // each candidate ranked once, then sorted on plain numbers
        List<Ranked> ranked = new ArrayList<>(n);
        for (Candidate c : candidates) {
            int rank = ranks.rank(c.code(), c.kind(), stage);
            if (rank > 0 && (covered == null || !covered.contains(c.code()))) {
                ranked.add(new Ranked(c, rank, c.otherPhase(stage), kindOrder(c.kind())));
            }
        }
        ranked.sort(null);
        List<NextStep> out = new ArrayList<>(NextRanking.SIZE);
        Set<String> shown = new HashSet<>();
        for (Ranked r : ranked) {
            if (out.size() == NextRanking.SIZE) {
                break;
            }
            Candidate c = r.candidate();
            if (shown.add(c.code())) {
                out.add(new NextStep(c.code(), c.line().text(), c.guidance(), c.rule(), c.item()));
            }
        }
        return out;
    }

    /** A candidate with what it is sorted by: rank (higher first), stage, kind, place in its list. */
    private record Ranked(Candidate candidate, int rank, boolean otherPhase, int kindOrder)
            implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            if (rank != o.rank) {
                return rank > o.rank ? -1 : 1;
            }
            if (otherPhase != o.otherPhase) {
                return otherPhase ? 1 : -1;
            }
            if (kindOrder != o.kindOrder) {
                return Integer.compare(kindOrder, o.kindOrder);
            }
            return Integer.compare(candidate.index(), o.candidate.index());
        }
    }

    private static int kindOrder(Kind kind) {
        return switch (kind) {
            case BLOCKING -> 0;
            case ESCALATION -> 1;
            case CAUTION -> 2;
            case RECOMMENDATION -> 3;
            case FOLLOW_UP -> 4;
        };
    }
}
