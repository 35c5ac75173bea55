package dev.sereno.engine.internal;

/** How far a misspelt name is from a known one, for "did you mean" everywhere a name is checked. Internal API. */
public final class Typos {
    private Typos() {
    }

    /** The candidate within a few edits of {@code wrong} (ignoring case), the closest first; empty when none is. */
    public static java.util.Optional<String> closest(String wrong, Iterable<String> candidates) {
        String w = wrong.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, wrong.length() / 4);
        return best != null && bestDistance > 0 && bestDistance <= allowed ? java.util.Optional.of(best)
                : java.util.Optional.empty();
    }

    /** Edits from {@code a} to {@code b}: a letter added, dropped or changed, or two neighbours swapped, count one. */
    public static int distance(String a, String b) {
        int[] before = new int[b.length() + 1];
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
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1); // two letters swapped: one slip, not two
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
