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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
    record Candidate(String code, Kind kind, int index, String item, List<String> guidance, String rule, Line line,
                     Stage phase) {
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
        return new Candidate(w.code(), w.blocking() ? Kind.BLOCKING : Kind.CAUTION, index, "warnings[" + index + "]",
                w.guidance(), w.rule(), line, null);
    }

    static Candidate escalation(Escalation e, int index, Line line) {
        return new Candidate(e.code(), Kind.ESCALATION, index, "escalations[" + index + "]", e.guidance(), e.rule(), line, null);
    }

    static Candidate recommendation(Recommendation r, int index, Line line) {
        return new Candidate(r.action(), Kind.RECOMMENDATION, index, "recommendations[" + index + "]", r.guidance(),
                r.rule(), line, r.phase());
    }

    static Candidate followUp(FollowUp f, int index, Line line) {
        return new Candidate(f.code(), Kind.FOLLOW_UP, index, "followUps[" + index + "]", f.guidance(), f.rule(), line, null);
    }

    static List<NextStep> pick(List<Candidate> candidates, NextRanking ranking, Stage stage) {
        Set<String> present = new HashSet<>();
        candidates.forEach(c -> present.add(c.code()));
        List<Candidate> ranked = new ArrayList<>();
        for (Candidate c : candidates) {
            if (ranking.rank(c.code(), c.kind(), stage) > 0 && !ranking.covered(c.code(), present)) {
                ranked.add(c);
            }
        }
        ranked.sort(Comparator.comparingInt((Candidate c) -> -ranking.rank(c.code(), c.kind(), stage))
                .thenComparing(c -> c.otherPhase(stage))
                .thenComparingInt(c -> kindOrder(c.kind()))
                .thenComparingInt(Candidate::index));
        List<NextStep> out = new ArrayList<>(NextRanking.SIZE);
        Set<String> shown = new HashSet<>();
        for (Candidate c : ranked) {
            if (out.size() == NextRanking.SIZE) {
                break;
            }
            if (shown.add(c.code())) {
                out.add(new NextStep(c.code(), c.line().text(), c.guidance(), c.rule(), c.item()));
            }
        }
        return out;
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
