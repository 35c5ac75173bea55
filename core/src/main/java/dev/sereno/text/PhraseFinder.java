package dev.sereno.text;

import dev.sereno.policy.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the listed phrases in a text and reports each as a {@link Finding} with the span as the author wrote it.
 * Built once per lexicon; immutable and thread-safe. Cost grows with the number of words, not words × phrases:
 * phrases are indexed by their first word, and whether a commitment follows anywhere later is worked out once per
 * text and list rather than once per match.
 */
public final class PhraseFinder {
    /** How many words before a match a negation (unless-after) may end. */
    private static final int NEGATION_REACH = 4;
    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start).thenComparing(Finding::kind);
    private static final Entry[] NONE = new Entry[0];
    /** lastCommitment not worked out yet for this text. */
    private static final int UNKNOWN = -2;

    private final Kind[] kinds;
    private final Map<String, Entry[]> byFirstWord = new HashMap<>();
    private final Entry[] prefixFirst;

    /** One phrase list, numbered, with its cancelling phrases compiled. */
    private record Kind(int index, String name, CompiledPhrase[] unlessAfter, CompiledPhrase[] unlessFollowedBy) {
    }

    private record Entry(Kind kind, CompiledPhrase pattern) {
    }

    public PhraseFinder(Lexicon lexicon) {
        List<Kind> all = new ArrayList<>();
        Map<String, List<Entry>> indexed = new HashMap<>();
        List<Entry> prefixes = new ArrayList<>();
        for (PhraseList list : lexicon.lists().values()) {
            Kind kind = new Kind(all.size(), list.kind(), compile(list.unlessAfter()), compile(list.unlessFollowedBy()));
            all.add(kind);
            for (Phrase p : list.phrases()) {
                Entry e = new Entry(kind, new CompiledPhrase(p));
                String first = p.words().get(0);
                if (first.endsWith("*")) {
                    prefixes.add(e);
                } else {
                    indexed.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
                }
            }
        }
        this.kinds = all.toArray(new Kind[0]);
        indexed.forEach((word, entries) -> byFirstWord.put(word, entries.toArray(NONE)));
        this.prefixFirst = prefixes.toArray(NONE);
    }

    /** Every finding in the text, in order of position then kind; at most one per kind for overlapping words. */
    public List<Finding> find(String text) {
        if (text == null || text.isBlank() || (byFirstWord.isEmpty() && prefixFirst.length == 0)) {
            return List.of();
        }
        Token[] tokens = Tokenizer.tokens(text).toArray(new Token[0]);
        List<Finding> found = null;
        int[] coveredUntil = new int[kinds.length];
        int[] lastCommitment = null;
        // where two phrases of a kind start at the same word, the longest wins: best end per kind at this word
        int[] bestEnd = new int[kinds.length];
        int[] touched = new int[kinds.length];
        for (int i = 0; i < tokens.length; i++) {
            Entry[] indexed = byFirstWord.getOrDefault(tokens[i].folded(), NONE);
            if (indexed.length == 0 && prefixFirst.length == 0) {
                continue;
            }
            int touchedCount = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (Entry e : pass == 0 ? indexed : prefixFirst) {
                    Kind kind = e.kind();
                    int end = e.pattern().matchAt(tokens, i);
                    if (end < 0 || i < coveredUntil[kind.index()] || cancelledBefore(kind, tokens, i)) {
                        continue;
                    }
                    if (kind.unlessFollowedBy().length > 0) {
                        if (lastCommitment == null) {
                            lastCommitment = new int[kinds.length];
                            Arrays.fill(lastCommitment, UNKNOWN);
                        }
                        if (lastCommitment[kind.index()] == UNKNOWN) {
                            lastCommitment[kind.index()] = lastCommitment(kind, tokens);
                        }
                        if (lastCommitment[kind.index()] >= end) {
                            continue;
                        }
                    }
                    if (bestEnd[kind.index()] == 0) {
                        touched[touchedCount++] = kind.index();
                    }
                    bestEnd[kind.index()] = Math.max(bestEnd[kind.index()], end);
                }
            }
            for (int k = 0; k < touchedCount; k++) {
                int index = touched[k];
                int end = bestEnd[index];
                bestEnd[index] = 0;
                Token first = tokens[i];
                Token last = tokens[end - 1];
                if (found == null) {
                    found = new ArrayList<>();
                }
                found.add(new Finding(kinds[index].name(), text.substring(first.start(), last.end()), first.start(), last.end()));
                coveredUntil[index] = end;
            }
        }
        if (found == null) {
            return List.of();
        }
        found.sort(ORDER);
        return List.copyOf(found);
    }

    /** Whether the text contains any phrase of the kind (ignoring cancellations): used for the customer's words. */
    public int count(String text, String kind) {
        int n = 0;
        for (Finding f : find(text)) {
            if (f.kind().equals(kind)) {
                n++;
            }
        }
        return n;
    }

    /** A negation (unless-after) ending within reach before {@code start}, in its sentence. */
    private static boolean cancelledBefore(Kind kind, Token[] tokens, int start) {
        for (CompiledPhrase neg : kind.unlessAfter()) {
            int n = neg.size();
            for (int from = Math.max(0, start - NEGATION_REACH - n + 1); from <= start - n; from++) {
                int end = neg.matchAt(tokens, from);
                if (end > 0 && end <= start && tokens[from].sentence() == tokens[start].sentence()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where the last commitment (unless-followed-by) of the kind starts in the text, or -1: a match ending at or before
     * that word is cancelled, exactly as if each match looked for a commitment anywhere after it.
     */
    private static int lastCommitment(Kind kind, Token[] tokens) {
        for (int from = tokens.length - 1; from >= 0; from--) {
            for (CompiledPhrase commitment : kind.unlessFollowedBy()) {
                if (commitment.matchAt(tokens, from) > 0) {
                    return from;
                }
            }
        }
        return -1;
    }

    private static CompiledPhrase[] compile(List<Phrase> phrases) {
        CompiledPhrase[] out = new CompiledPhrase[phrases.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new CompiledPhrase(phrases.get(i));
        }
        return out;
    }

    /**
     * A {@link Phrase} ready to match: each word is an exact word, any word ({@code *}) or a prefix ({@code mient*}),
     * decided once here rather than at every comparison.
     */
    private static final class CompiledPhrase {
        private static final byte EXACT = 0;
        private static final byte ANY = 1;
        private static final byte PREFIX = 2;

        private final String[] words;
        private final byte[] how;

        CompiledPhrase(Phrase phrase) {
            int n = phrase.words().size();
            this.words = new String[n];
            this.how = new byte[n];
            for (int k = 0; k < n; k++) {
                String p = phrase.words().get(k);
                if (p.equals("*")) {
                    how[k] = ANY;
                    words[k] = p;
                } else if (p.length() > 1 && p.endsWith("*")) {
                    how[k] = PREFIX;
                    words[k] = p.substring(0, p.length() - 1);
                } else {
                    how[k] = EXACT;
                    words[k] = p;
                }
            }
        }

        int size() {
            return words.length;
        }

        /** The index after the last matched token, or -1. */
        int matchAt(Token[] tokens, int from) {
            if (from + words.length > tokens.length) {
                return -1;
            }
            int sentence = tokens[from].sentence();
            for (int k = 0; k < words.length; k++) {
                Token t = tokens[from + k];
                if (t.sentence() != sentence) {
                    return -1;
                }
                boolean matches = switch (how[k]) {
                    case ANY -> true;
                    case PREFIX -> t.folded().startsWith(words[k]);
                    default -> words[k].equals(t.folded());
                };
                if (!matches) {
                    return -1;
                }
            }
            return from + words.length;
        }
    }
}
