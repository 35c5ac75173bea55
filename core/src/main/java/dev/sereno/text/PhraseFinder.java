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
    private static final CompiledPhrase[] NO_PHRASES = new CompiledPhrase[0];
    /** lastCommitment not worked out yet for this text. */
    private static final int UNKNOWN = -2;

    private final Kind[] kinds;
    private final Map<String, Candidates> byFirstWord = new HashMap<>();
    private final Entry[] prefixFirst;

    /** One phrase list, numbered, with its cancelling phrases compiled. */
    private record Kind(int index, String name, CompiledPhrase[] unlessAfter, Commitments unlessFollowedBy) {
    }

    private record Entry(Kind kind, CompiledPhrase pattern) {
    }

    /**
     * The phrases starting with one word, indexed again by their second word when it is a plain word: a common first
     * word ("no", "you") starts hundreds of phrases, and only those whose second word follows need a closer look.
     */
    private static final class Candidates {
        private final Map<String, Entry[]> bySecondWord = new HashMap<>();
        private final Entry[] others;

        Candidates(List<Entry> entries) {
            Map<String, List<Entry>> second = new HashMap<>();
            List<Entry> rest = new ArrayList<>();
            for (Entry e : entries) {
                String word = e.pattern().exactWord(1);
                if (word == null) {
                    rest.add(e);
                } else {
                    second.computeIfAbsent(word, k -> new ArrayList<>()).add(e);
                }
            }
            second.forEach((word, list) -> bySecondWord.put(word, list.toArray(NONE)));
            this.others = rest.toArray(NONE);
        }

        Entry[] following(Token[] tokens, int i) {
            return i + 1 < tokens.length ? bySecondWord.getOrDefault(tokens[i + 1].folded(), NONE) : NONE;
        }
    }

    /** The commitments (unless-followed-by) of a kind, indexed by their first word like the phrases themselves. */
    private static final class Commitments {
        private final Map<String, CompiledPhrase[]> byFirstWord = new HashMap<>();
        private final CompiledPhrase[] prefixFirst;
        private final boolean empty;

        Commitments(List<Phrase> phrases) {
            Map<String, List<CompiledPhrase>> indexed = new HashMap<>();
            List<CompiledPhrase> prefixes = new ArrayList<>();
            for (Phrase p : phrases) {
                CompiledPhrase c = new CompiledPhrase(p);
                String first = c.exactWord(0);
                if (first == null) {
                    prefixes.add(c);
                } else {
                    indexed.computeIfAbsent(first, k -> new ArrayList<>()).add(c);
                }
            }
            indexed.forEach((word, list) -> byFirstWord.put(word, list.toArray(new CompiledPhrase[0])));
            this.prefixFirst = prefixes.toArray(new CompiledPhrase[0]);
            this.empty = phrases.isEmpty();
        }

        boolean matchAt(Token[] tokens, int from) {
            for (CompiledPhrase c : byFirstWord.getOrDefault(tokens[from].folded(), NO_PHRASES)) {
                if (c.matchAt(tokens, from) > 0) {
                    return true;
                }
            }
            for (CompiledPhrase c : prefixFirst) {
                if (c.matchAt(tokens, from) > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    public PhraseFinder(Lexicon lexicon) {
        List<Kind> all = new ArrayList<>();
        Map<String, List<Entry>> indexed = new HashMap<>();
        List<Entry> prefixes = new ArrayList<>();
        for (PhraseList list : lexicon.lists().values()) {
            Kind kind = new Kind(all.size(), list.kind(), compile(list.unlessAfter()), new Commitments(list.unlessFollowedBy()));
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
        indexed.forEach((word, entries) -> byFirstWord.put(word, new Candidates(entries)));
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
            Candidates indexed = byFirstWord.get(tokens[i].folded());
            if (indexed == null && prefixFirst.length == 0) {
                continue;
            }
            int touchedCount = 0;
            for (int pass = 0; pass < 3; pass++) {
                Entry[] entries = pass == 2 ? prefixFirst : indexed == null ? NONE
                        : pass == 0 ? indexed.following(tokens, i) : indexed.others;
                for (Entry e : entries) {
                    Kind kind = e.kind();
                    int end = e.pattern().matchAt(tokens, i);
                    if (end < 0 || i < coveredUntil[kind.index()] || cancelledBefore(kind, tokens, i)) {
                        continue;
                    }
                    if (!kind.unlessFollowedBy().empty) {
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
            if (kind.unlessFollowedBy().matchAt(tokens, from)) {
                return from;
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

        /** The k-th word when it is a plain word (not * nor a prefix); null otherwise or past the end. */
        String exactWord(int k) {
            return k < words.length && how[k] == EXACT ? words[k] : null;
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
