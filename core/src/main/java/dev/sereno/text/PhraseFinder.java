package dev.sereno.text;

import dev.sereno.policy.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the listed phrases in a text and reports each as a {@link Finding} with the span as the author wrote it.
 * Built once per lexicon; immutable and thread-safe. Cost grows with the number of words, not words × phrases:
 * phrases are indexed by their first word.
 */
public final class PhraseFinder {
    /** How many words before a match a negation (unless-after) may end. */
    private static final int NEGATION_REACH = 4;

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final List<Entry> prefixFirst = new ArrayList<>();

    private record Entry(PhraseList list, Phrase phrase) {
    }

    public PhraseFinder(Lexicon lexicon) {
        List<Entry> all = new ArrayList<>();
        lexicon.lists().values().forEach(l -> l.phrases().forEach(p -> all.add(new Entry(l, p))));
        this.entries = List.copyOf(all);
        for (Entry e : entries) {
            String first = e.phrase().words().get(0);
            if (first.endsWith("*")) {
                prefixFirst.add(e);
            } else {
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** Every finding in the text, in order of position then kind; at most one per kind for overlapping words. */
    public List<Finding> find(String text) {
        if (text == null || text.isBlank() || entries.isEmpty()) {
            return List.of();
        }
        List<Token> tokens = Tokenizer.tokens(text);
        List<Finding> found = new ArrayList<>();
        Map<String, Integer> coveredUntil = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            List<Entry> candidates = byFirstWord.getOrDefault(t.folded(), List.of());
            if (!prefixFirst.isEmpty()) {
                candidates = new ArrayList<>(candidates);
                candidates.addAll(prefixFirst);
            }
            // where two phrases of a kind start at the same word, the longest wins
            Map<String, Integer> bestEnd = new TreeMap<>();
            for (Entry e : candidates) {
                String kind = e.list().kind();
                int end = e.phrase().matchAt(tokens, i);
                if (end < 0 || i < coveredUntil.getOrDefault(kind, 0)
                        || cancelledBefore(e.list(), tokens, i) || cancelledAfter(e.list(), tokens, end)) {
                    continue;
                }
                bestEnd.merge(kind, end, Math::max);
            }
            for (Map.Entry<String, Integer> best : bestEnd.entrySet()) {
                Token last = tokens.get(best.getValue() - 1);
                found.add(new Finding(best.getKey(), text.substring(t.start(), last.end()), t.start(), last.end()));
                coveredUntil.put(best.getKey(), best.getValue());
            }
        }
        found.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::kind));
        return List.copyOf(found);
    }

    /** Whether the text contains any phrase of the kind (ignoring cancellations): used for the customer's words. */
    public int count(String text, String kind) {
        return (int) find(text).stream().filter(f -> f.kind().equals(kind)).count();
    }

    private static boolean cancelledBefore(PhraseList list, List<Token> tokens, int start) {
        for (Phrase neg : list.unlessAfter()) {
            int n = neg.words().size();
            for (int from = Math.max(0, start - NEGATION_REACH - n + 1); from <= start - n; from++) {
                int end = neg.matchAt(tokens, from);
                if (end > 0 && end <= start && tokens.get(from).sentence() == tokens.get(start).sentence()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean cancelledAfter(PhraseList list, List<Token> tokens, int end) {
        for (Phrase commitment : list.unlessFollowedBy()) {
            for (int from = end; from < tokens.size(); from++) {
                if (commitment.matchAt(tokens, from) > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
