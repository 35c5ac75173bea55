package dev.sereno.cli.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean…": the known name closest to a misspelt one, when it is close enough to be the one meant. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate within a few edits of {@code wrong} (ignoring case), the closest first; empty when none is. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, wrong.length() / 4);
        return best != null && bestDistance > 0 && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
