package dev.sereno.text;

import dev.sereno.policy.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the listed phrases in a text and reports each as a {@link Finding} with the span as the author wrote it.
 * Built once per lexicon, when a policy is loaded: dictionary words ({@code <mentir>}) are expanded into their
 * forms and word classes ({@code {INSULT}}) compiled then, so matching compares folded words by hash and never
 * consults a dictionary. Immutable and thread-safe. Cost grows with the number of words, not words × phrases:
 * phrases are indexed by the words they can start with. Every word the patterns name is numbered when the lexicon is
 * compiled; a text's words are looked up once, and matching then compares those numbers.
 * The bundled lists' finders are built when the jar is, and read back at load ({@link FinderStore}, {@link Stored}).
 */
public final class PhraseFinder {
    /** Where a finding of the phrase lists comes from, as opposed to a host's own reader. */
    public static final String SOURCE = "lexicon";
    /**
     * The word class of phrases that introduce someone else's words ("le dijeron que", "you were told"): a match
     * wholly inside a quotation that follows one of them in its sentence is a quotation, not the agent's words.
     */
    public static final String REPORTED_SPEECH = "REPORTED_SPEECH";
    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start).thenComparing(Finding::kind);
    private static final Entry[] NONE = new Entry[0];
    private static final Pattern[] NO_PATTERNS = new Pattern[0];
    private static final Lead[] NO_LEADS = new Lead[0];
    /** lastCommitment not worked out yet for this text. */
    private static final int UNKNOWN = -2;

    private final Kind[] kinds;
    /** By word number: the phrases that can start with that word. */
    private final Candidates[] byFirstWord;
    /** The phrases led by a prefix, by its first letters, and any other that may start at any word. */
    private final ByPrefix byPrefix;
    /** The number of each word the patterns name; a word of the text not here matches no word of a pattern. */
    private final WordTable wordIds;
    private final String[] words;
    private final boolean nothingToFind;
    /** What introduces someone else's words (the class REPORTED_SPEECH): a quotation after it is not the agent's. */
    private final WordClass reportedSpeech;
    /** How many word classes the lexicon's phrases use. */
    private final int classCount;

    /** One phrase list, numbered, with its cancelling phrases compiled. */
    /** @param reach how many words before a match a negation (unless-after) may end: 1 is right before it */
    private record Kind(int index, String name, Patterns unlessAfter, int reach, Patterns unlessFollowedBy,
                        Patterns unless) {
    }

    /**
     * One phrase of a kind, with the exceptions its line carries ({@code -- unless:}, {@code -- unless-after:},
     * {@code -- unless-followed-by:}), null when it carries none.
     */
    private record Entry(Kind kind, Pattern pattern, Patterns unless, Patterns unlessAfter, Patterns unlessFollowedBy,
                         int anchorMinGap, int anchorMaxGap) {
        Entry(Kind kind, Pattern pattern, Patterns unless, Patterns unlessAfter, Patterns unlessFollowedBy) {
            this(kind, pattern, unless, unlessAfter, unlessFollowedBy, pattern.anchorMinGap(), pattern.anchorMaxGap());
        }

        /** An exception of the line itself cancels the match. */
        boolean excepted(Token[] tokens, int start, int end, Memo memo) {
            return unless != null && overlapped(unless, tokens, start, end, memo)
                    || unlessAfter != null && cancelledBefore(unlessAfter, kind.reach(), tokens, start, memo)
                    || unlessFollowedBy != null && followedBy(unlessFollowedBy, tokens, end, memo);
        }
    }

    /**
     * The phrases that start with one lead — the plain word the text has at this position, or one word class — by
     * their anchor: the word the text must have right after the lead's match, or within the gap that follows it
     * ({@code {YOU} {0-2} <lie>} is anchored on the forms of "lie", 0 to 2 words after {YOU}'s match). A common
     * lead ("you", "the", {OTHER_PARTY}) starts hundreds of phrases; only those whose anchor is in the text near it
     * need a closer look, and none of a class's when the class does not match here.
     */
    private static final class Lead {
        /** Null when the lead is the plain word itself, whose match ends at the next word. */
        private final WordClass wordClass;
        private final IntMap<Entry[]> byAnchor;
        /** The most words that may stand between the lead's match and an anchor. */
        private final int window;
        /** The phrases with no anchor to look up: tried whenever the lead matches. */
        private final Entry[] others;

        Lead(WordClass wordClass, List<Entry> entries) {
            this.wordClass = wordClass;
            Map<Integer, List<Entry>> anchored = new HashMap<>();
            List<Entry> rest = new ArrayList<>();
            int widest = 0;
            for (Entry e : entries) {
                WordSet anchor = e.pattern().anchorWords();
                if (anchor == null) {
                    rest.add(e);
                    continue;
                }
                widest = Math.max(widest, e.pattern().anchorMaxGap());
                for (int w : anchor.ids()) {
                    anchored.computeIfAbsent(w, k -> new ArrayList<>()).add(e);
                }
            }
            this.byAnchor = IntMap.of(anchored, list -> list.toArray(NONE));
            this.window = widest;
            this.others = rest.toArray(NONE);
        }

        /** As stored ({@link Stored}). */
        Lead(WordClass wordClass, IntMap<Entry[]> byAnchor, int window, Entry[] others) {
            this.wordClass = wordClass;
            this.byAnchor = byAnchor;
            this.window = window;
            this.others = others;
        }
    }

    /** The phrases that can start with one word, by lead: the word itself first, then each class it can start. */
    private static final class Candidates {
        private final Lead[] leads;

        Candidates(List<Entry> entries) {
            Map<WordClass, List<Entry>> byLead = new java.util.LinkedHashMap<>();
            List<Entry> plain = new ArrayList<>();
            for (Entry e : entries) {
                WordClass c = e.pattern().firstClass();
                (c == null ? plain : byLead.computeIfAbsent(c, k -> new ArrayList<>())).add(e);
            }
            List<Lead> leads = new ArrayList<>();
            if (!plain.isEmpty()) {
                leads.add(new Lead(null, plain));
            }
            byLead.forEach((c, list) -> leads.add(new Lead(c, list)));
            this.leads = leads.toArray(new Lead[0]);
        }

        /** As stored ({@link Stored}). */
        Candidates(Lead[] leads) {
            this.leads = leads;
        }
    }

    /** Files an entry under every word its pattern can start with, or among those that can start anywhere. */
    /**
     * Files {@code p} under each of its possible first words ({@code first}): in {@code anySecond} when any word may
     * follow, else in {@code bySecond} under each word that may come second.
     */
    static void fileByFirstTwoWords(Pattern p, WordSet first, Map<Integer, List<Pattern>> anySecond,
            Map<Integer, Map<Integer, List<Pattern>>> bySecond) {
        WordSet second = p.secondWords();
        for (int w : first.ids()) {
            if (second == null) {
                anySecond.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
            } else {
                Map<Integer, List<Pattern>> next = bySecond.computeIfAbsent(w, k -> new HashMap<>());
                for (int w2 : second.ids()) {
                    next.computeIfAbsent(w2, k -> new ArrayList<>()).add(p);
                }
            }
        }
    }

    static <E> void fileByFirstWord(Pattern pattern, E entry, Map<Integer, List<E>> byFirst, List<E> anywhere) {
        WordSet first = pattern.firstWords();
        if (first == null) {
            anywhere.add(entry);
        } else {
            for (int w : first.ids()) {
                byFirst.computeIfAbsent(w, k -> new ArrayList<>()).add(entry);
            }
        }
    }

    /**
     * Phrases led by a prefix ({@code lmao*}), by the first two letters of the prefix: tried only at words that
     * start so, not at every word. A prefix of one letter is tried at every word.
     */
    private static final class ByPrefix {
        private final IntMap<Entry[]> byTwoLetters;
        private final Entry[] rest;

        ByPrefix(List<Entry> entries) {
            Map<Integer, List<Entry>> two = new HashMap<>();
            List<Entry> others = new ArrayList<>();
            for (Entry e : entries) {
                String prefix = e.pattern().firstPrefix();
                if (prefix == null || prefix.length() < 2) {
                    others.add(e);
                } else {
                    two.computeIfAbsent(twoLetters(prefix.charAt(0), prefix.charAt(1)), k -> new ArrayList<>()).add(e);
                }
            }
            this.byTwoLetters = IntMap.of(two, list -> list.toArray(NONE));
            this.rest = others.toArray(NONE);
        }

        /** As stored ({@link Stored}). */
        ByPrefix(IntMap<Entry[]> byTwoLetters, Entry[] rest) {
            this.byTwoLetters = byTwoLetters;
            this.rest = rest;
        }

        /** The prefix-led phrases that may start at this word. */
        Entry[] at(Token t) {
            if (byTwoLetters.isEmpty()) {
                return NONE;
            }
            int key = t.firstTwoLetters();
            Entry[] found = key < 0 ? null : byTwoLetters.get(key);
            return found == null ? NONE : found;
        }

        static int twoLetters(char a, char b) {
            return (a << 16 | b) & Integer.MAX_VALUE;
        }
    }

    /** Finds phrases without a dictionary: a {@code <word>} in the lexicon is then an error. */
    public PhraseFinder(Lexicon lexicon) {
        this(lexicon, null);
    }

    /**
     * @param morphology the dictionary for {@code <word>} patterns; null when the language has none
     * @throws LexiconFormatException listing every pattern that cannot be compiled (unknown word or class)
     */
    public PhraseFinder(Lexicon lexicon, Morphology morphology) {
        Compiler compiler = new Compiler(lexicon, morphology);
        List<Kind> all = new ArrayList<>();
        Map<Integer, List<Entry>> indexed = new HashMap<>();
        List<Entry> rest = new ArrayList<>();
        for (PhraseList list : lexicon.lists().values()) {
            Kind kind = new Kind(all.size(), list.kind(), compiler.patterns(list.unlessAfter()),
                    list.unlessAfterWithin() + 1, compiler.patterns(list.unlessFollowedBy()),
                    compiler.patterns(list.unless()));
            all.add(kind);
            for (Phrase p : list.phrases()) {
                Pattern pattern = compiler.compile(p);
                Patterns unless = p.unless().isEmpty() ? null : compiler.patterns(p.unless());
                Patterns unlessAfter = p.unlessAfter().isEmpty() ? null : compiler.patterns(p.unlessAfter());
                Patterns followedBy = p.unlessFollowedBy().isEmpty() ? null : compiler.patterns(p.unlessFollowedBy());
                if (pattern == null) {
                    continue;
                }
                fileByFirstWord(pattern, new Entry(kind, pattern, unless, unlessAfter, followedBy), indexed, rest);
            }
        }
        this.reportedSpeech = lexicon.classes().containsKey(REPORTED_SPEECH)
                ? compiler.wordClassNamed(REPORTED_SPEECH) : null;
        compiler.failIfProblems();
        this.classCount = compiler.classCounter;
        this.kinds = all.toArray(new Kind[0]);
        this.wordIds = new WordTable(compiler.words, lexicon, morphology);
        this.words = compiler.words.toArray(new String[0]);
        this.byFirstWord = new Candidates[words.length];
        // phrases with the same first words (the forms of one dictionary word) share their candidates
        Map<List<Entry>, Candidates> shared = new HashMap<>();
        indexed.forEach((word, entries) -> byFirstWord[word] = shared.computeIfAbsent(entries, Candidates::new));
        this.byPrefix = new ByPrefix(rest);
        this.nothingToFind = indexed.isEmpty() && rest.isEmpty();
    }

    /** A finder as {@link Stored} read it: the index its constructor built from the same lexicon. */
    private PhraseFinder(Kind[] kinds, Candidates[] byFirstWord, ByPrefix byPrefix, WordTable wordIds, String[] words,
            boolean nothingToFind, WordClass reportedSpeech, int classCount) {
        this.kinds = kinds;
        this.byFirstWord = byFirstWord;
        this.byPrefix = byPrefix;
        this.wordIds = wordIds;
        this.words = words;
        this.nothingToFind = nothingToFind;
        this.reportedSpeech = reportedSpeech;
        this.classCount = classCount;
    }

    /** Every finding in the text, in order of position then kind; at most one per kind for overlapping words. */
    public List<Finding> find(String text) {
        if (text == null || text.isBlank() || nothingToFind) {
            return List.of();
        }
        Token[] tokens = Tokenizer.tokens(text, wordIds);
        Scan scan = scan(tokens);
        List<Finding> found = null;
        for (int i = 0; i < tokens.length; i++) {
            int id = tokens[i].id();
            Candidates indexed = id < 0 ? null : byFirstWord[id];
            Entry[] prefixed = byPrefix.at(tokens[i]);
            if (indexed == null && prefixed.length == 0 && byPrefix.rest.length == 0) {
                continue;
            }
            int sentence = tokens[i].sentence();
            scan.touchedCount = 0;
            for (Lead lead : indexed == null ? NO_LEADS : indexed.leads) {
                int leadEnd = lead.wordClass == null ? i + 1 : lead.wordClass.match(tokens, i, sentence, scan.memo);
                if (leadEnd < 0) {
                    continue;
                }
                for (Entry e : lead.others) {
                    scan.tryAt(e, i);
                }
                int last = Math.min(tokens.length - 1, leadEnd + lead.window);
                for (int at = leadEnd; at <= last && tokens[at].sentence() == sentence; at++) {
                    Entry[] anchored = lead.byAnchor.get(tokens[at].id());
                    if (anchored == null) {
                        continue;
                    }
                    int gap = at - leadEnd;
                    for (Entry e : anchored) {
                        if (gap >= e.anchorMinGap() && gap <= e.anchorMaxGap()) {
                            scan.tryAt(e, i);
                        }
                    }
                }
            }
            for (Entry e : prefixed) {
                scan.tryAt(e, i);
            }
            for (Entry e : byPrefix.rest) {
                scan.tryAt(e, i);
            }
            for (int k = 0; k < scan.touchedCount; k++) {
                int index = scan.touched[k];
                int end = scan.bestEnd[index];
                scan.bestEnd[index] = 0;
                Token first = tokens[i];
                Token last = tokens[end - 1];
                if (found == null) {
                    found = new ArrayList<>();
                }
                found.add(new Finding(kinds[index].name(), text.substring(first.start(), last.end()), first.start(),
                        last.end(), SOURCE));
                scan.coveredUntil[index] = end;
            }
        }
        scan.tokens = null;
        if (found == null) {
            return List.of();
        }
        if (!inOrder(found)) {
            found.sort(ORDER);
        }
        return List.copyOf(found);
    }

    private static boolean inOrder(List<Finding> found) {
        for (int k = 1; k < found.size(); k++) {
            if (ORDER.compare(found.get(k - 1), found.get(k)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The thread's {@link Scan}, set for a new text: a reading allocates nothing of its own but its words and its
     * findings. A text of more than {@link Scan#KEPT_WORDS} words gets a scan of its own, not kept.
     */
    private Scan scan(Token[] tokens) {
        Scan scan = tokens.length > Scan.KEPT_WORDS ? new Scan() : scans.get();
        scan.start(tokens);
        return scan;
    }

    private final ThreadLocal<Scan> scans = ThreadLocal.withInitial(Scan::new);

    /**
     * One reading of one text: where each kind's last match ended, the best match of each kind at this word, where
     * each class matched. Reused by the next reading on the same thread ({@link #scan}).
     */
    private final class Scan {
        static final int KEPT_WORDS = 4096;
        Token[] tokens;
        final int[] coveredUntil = new int[kinds.length];
        /** Where two phrases of a kind start at the same word, the longest wins: best end per kind at this word. */
        final int[] bestEnd = new int[kinds.length];
        final int[] touched = new int[kinds.length];
        int touchedCount;
        /** Where the last unless-followed-by match of each kind starts, UNKNOWN until worked out for this text. */
        private final int[] lastCommitment = new int[kinds.length];
        final Memo memo = new Memo(classCount);

        void start(Token[] tokens) {
            this.tokens = tokens;
            Arrays.fill(coveredUntil, 0);
            Arrays.fill(lastCommitment, UNKNOWN);
            touchedCount = 0;
            memo.next();
        }

        /** Tries one phrase at word {@code i}: a match that nothing cancels becomes its kind's best here. */
        void tryAt(Entry e, int i) {
            Kind kind = e.kind();
            int k = kind.index();
            // a match no longer than the kind's best here so far cannot replace it
            if (i < coveredUntil[k] || i + e.pattern().maxLength <= bestEnd[k]) {
                return;
            }
            // found through the index, a plain first word is known to match: start from the second
            int end = e.pattern().matchAfterFirst(tokens, i, memo);
            if (end < 0 || end <= bestEnd[k] || e.excepted(tokens, i, end, memo)
                    || cancelledBefore(kind.unlessAfter(), kind.reach(), tokens, i, memo)
                    || overlapped(kind.unless(), tokens, i, end, memo) || reported(tokens, i, end, memo)) {
                return;
            }
            if (!kind.unlessFollowedBy().isEmpty()) {
                if (lastCommitment[k] == UNKNOWN) {
                    lastCommitment[k] = lastMatchStart(kind.unlessFollowedBy(), tokens, memo);
                }
                if (lastCommitment[k] >= end) {
                    return;
                }
            }
            if (bestEnd[k] == 0) {
                touched[touchedCount++] = k;
            }
            bestEnd[k] = end;
        }
    }

    /**
     * Whether the list of {@code kind} is cancelled when something follows it: its header says
     * {@code unless-followed-by} ({@code [KIND unless-followed-by]}: the rule stated, then an alternative). False for
     * a kind the lists do not have. What the examples reader asks of the lists, answered without the lexicon (which a
     * start from the stored finder does not make).
     */
    public boolean cancelledWhenFollowed(String kind) {
        for (Kind k : kinds) {
            if (k.name().equals(kind)) {
                return !k.unlessFollowedBy().isEmpty();
            }
        }
        return false;
    }

    /**
     * Whether the exceptions of a kind's list cancel another reader's finding of that kind (the examples reader's,
     * which flags a sentence rather than a phrase), exactly as they cancel the list's own matches, with the sentence
     * {@code [sentenceStart, sentenceEnd)} as the match and its word {@code [wordStart, wordEnd)} (the one that weighed
     * most) as where the match begins and ends: a {@code [KIND unless]} phrase overlapping the sentence, a
     * {@code [KIND unless-after]} negation ending within the kind's reach before that word, a
     * {@code [KIND unless-followed-by]} phrase starting after it (in the sentence or later), or that word inside a
     * quotation introduced by reported speech. A kind with no list here has no exceptions: false.
     */
    public boolean excepts(String kind, String text, int sentenceStart, int sentenceEnd, int wordStart, int wordEnd) {
        Kind k = null;
        for (Kind candidate : kinds) {
            if (candidate.name().equals(kind)) {
                k = candidate;
                break;
            }
        }
        if (k == null || text == null) {
            return false;
        }
        Token[] tokens = Tokenizer.tokens(text, wordIds);
        int from = -1;
        int to = -1;
        int word = -1;
        int wordLast = -1;
        for (int i = 0; i < tokens.length; i++) {
            Token t = tokens[i];
            if (t.start() >= sentenceStart && t.end() <= sentenceEnd) {
                from = from < 0 ? i : from;
                to = i + 1;
            }
            if (t.start() < wordEnd && t.end() > wordStart) {
                word = word < 0 ? i : word;
                wordLast = i;
            }
        }
        if (from < 0) {
            return false;
        }
        if (word < 0) {
            word = from;
            wordLast = from;
        }
        return overlapped(k.unless(), tokens, from, to, null)
                || cancelledBefore(k.unlessAfter(), k.reach(), tokens, word, null)
                || !k.unlessFollowedBy().isEmpty() && lastMatchStart(k.unlessFollowedBy(), tokens, null) > wordLast
                || reported(tokens, word, wordLast + 1, null);
    }

    /** How many phrases of the kind the text contains (ignoring nothing): used for the customer's words. */
    public int count(String text, String kind) {
        int n = 0;
        for (Finding f : find(text)) {
            if (f.kind().equals(kind)) {
                n++;
            }
        }
        return n;
    }

    /** The match lies inside one quotation, introduced by reported speech earlier in its sentence. */
    private boolean reported(Token[] tokens, int start, int end, Memo memo) {
        int quote = tokens[start].quote();
        if (reportedSpeech == null || quote == 0 || tokens[end - 1].quote() != quote) {
            return false;
        }
        int opening = start;
        while (opening > 0 && tokens[opening - 1].quote() == quote) {
            opening--;
        }
        int sentence = tokens[opening].sentence();
        for (int from = opening - 1; from >= 0 && tokens[from].sentence() == sentence; from--) {
            if (reportedSpeech.match(tokens, from, sentence, memo) > 0) {
                return true;
            }
        }
        return false;
    }

    /** A negation (unless-after) ending within {@code reach} words before {@code start}, in its sentence. */
    static boolean cancelledBefore(Patterns negations, int reach, Token[] tokens, int start) {
        return cancelledBefore(negations, reach, tokens, start, null);
    }

    /** As {@link #cancelledBefore(Patterns, int, Token[], int)}, remembering class matches in {@code memo}. */
    static boolean cancelledBefore(Patterns negations, int reach, Token[] tokens, int start, Memo memo) {
        if (negations.isEmpty()) {
            return false;
        }
        int sentence = tokens[start].sentence();
        for (int from = Math.max(0, start - reach - negations.maxLength); from < start; from++) {
            if (tokens[from].sentence() != sentence || negations.noneAt(tokens, from)) {
                continue;
            }
            for (Pattern neg : negations.startingAt(tokens, from)) {
                int end = neg.match(tokens, from, memo);
                if (end > 0 && end <= start && end > start - reach) {
                    return true;
                }
            }
            for (Pattern neg : negations.startingWithNext(tokens, from)) {
                int end = neg.match(tokens, from, memo);
                if (end > 0 && end <= start && end > start - reach) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Another reading (unless) of words overlapping the match. */
    static boolean overlapped(Patterns readings, Token[] tokens, int start, int end) {
        return overlapped(readings, tokens, start, end, null);
    }

    /** As {@link #overlapped(Patterns, Token[], int, int)}, remembering class matches in {@code memo}. */
    static boolean overlapped(Patterns readings, Token[] tokens, int start, int end, Memo memo) {
        if (readings.isEmpty()) {
            return false;
        }
        for (int from = Math.max(0, start - readings.maxLength + 1); from < end; from++) {
            if (readings.noneAt(tokens, from)) {
                continue;
            }
            for (Pattern p : readings.startingAt(tokens, from)) {
                if (p.match(tokens, from, memo) > start) {
                    return true;
                }
            }
            for (Pattern p : readings.startingWithNext(tokens, from)) {
                if (p.match(tokens, from, memo) > start) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A line's own {@code -- unless-followed-by:}: one of the patterns starts at or after {@code end}, anywhere in the
     * text, as a {@code [KIND unless-followed-by]} section's phrase would.
     */
    static boolean followedBy(Patterns patterns, Token[] tokens, int end, Memo memo) {
        return lastMatchStart(patterns, tokens, memo) >= end;
    }

    /**
     * Where the last match of the patterns starts in the text, or -1: a match ending at or before that word is
     * cancelled, exactly as if each match looked for a commitment anywhere after it.
     */
    private static int lastMatchStart(Patterns patterns, Token[] tokens, Memo memo) {
        for (int from = tokens.length - 1; from >= 0; from--) {
            if (patterns.noneAt(tokens, from)) {
                continue;
            }
            for (Pattern p : patterns.startingAt(tokens, from)) {
                if (p.match(tokens, from, memo) > 0) {
                    return from;
                }
            }
            for (Pattern p : patterns.startingWithNext(tokens, from)) {
                if (p.match(tokens, from, memo) > 0) {
                    return from;
                }
            }
        }
        return -1;
    }

    /**
     * Cancelling phrases of a kind, indexed by their first words like the phrases themselves, and again by the word
     * that must follow the first when one must: a first word such as "no" or "que" starts a hundred negations, of
     * which only those whose second word follows need a closer look. Asked only whether any of them matches, so
     * the order of the patterns tried does not matter.
     */
    static final class Patterns {
        /** By first word: the patterns that may start with it, whatever follows. */
        private final IntMap<Pattern[]> byFirstWord;
        /** By first word, then by the word after it: the patterns that may start with the two. */
        private final IntMap<IntMap<Pattern[]>> byFirstTwoWords;
        private final Pattern[] unindexed;
        /** A bit per word number that starts an indexed pattern, looked at before either index. */
        private final long[] firstWordBits;
        private final boolean empty;
        private final int maxLength;

        Patterns(List<Pattern> patterns) {
            Map<Integer, List<Pattern>> anySecond = new HashMap<>();
            Map<Integer, Map<Integer, List<Pattern>>> bySecond = new HashMap<>();
            List<Pattern> rest = new ArrayList<>();
            int longest = 1;
            for (Pattern p : patterns) {
                longest = Math.max(longest, p.maxLength);
                WordSet first = p.firstWords();
                if (first == null) {
                    rest.add(p);
                    continue;
                }
                fileByFirstTwoWords(p, first, anySecond, bySecond);
            }
            Map<Integer, List<Pattern>> firsts = new HashMap<>(anySecond);
            bySecond.keySet().forEach(w -> firsts.putIfAbsent(w, List.of()));
            // each list holds the patterns of its first word that need no particular second, then the unindexed
            this.byFirstWord = IntMap.of(firsts, list -> {
                List<Pattern> all = new ArrayList<>(list);
                all.addAll(rest);
                return all.toArray(NO_PATTERNS);
            });
            this.byFirstTwoWords = IntMap.of(bySecond, next -> IntMap.of(next, list -> {
                return list.toArray(NO_PATTERNS);
            }));
            this.unindexed = rest.toArray(NO_PATTERNS);
            int highest = firsts.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            this.firstWordBits = new long[(highest >> 6) + 1];
            firsts.keySet().forEach(w -> firstWordBits[w >> 6] |= 1L << w);
            this.empty = patterns.isEmpty();
            this.maxLength = longest;
        }

        /** As stored ({@link Stored}). */
        Patterns(IntMap<Pattern[]> byFirstWord, IntMap<IntMap<Pattern[]>> byFirstTwoWords, Pattern[] unindexed,
                long[] firstWordBits, boolean empty, int maxLength) {
            this.byFirstWord = byFirstWord;
            this.byFirstTwoWords = byFirstTwoWords;
            this.unindexed = unindexed;
            this.firstWordBits = firstWordBits;
            this.empty = empty;
            this.maxLength = maxLength;
        }

        boolean isEmpty() {
            return empty;
        }

        /** Whether no pattern can start at word {@code from}: a bit to test instead of two lookups. */
        boolean noneAt(Token[] tokens, int from) {
            if (unindexed.length > 0) {
                return false;
            }
            int id = tokens[from].id();
            return id < 0 || (id >> 6) >= firstWordBits.length || (firstWordBits[id >> 6] & 1L << id) == 0;
        }

        /** The patterns that may start at word {@code from} whatever its next word is. */
        Pattern[] startingAt(Token[] tokens, int from) {
            Pattern[] indexed = byFirstWord.get(tokens[from].id());
            return indexed == null ? unindexed : indexed;
        }

        /** The patterns that may start at word {@code from} with the word after it as their second; never null. */
        Pattern[] startingWithNext(Token[] tokens, int from) {
            if (from + 1 >= tokens.length) {
                return NO_PATTERNS;
            }
            IntMap<Pattern[]> next = byFirstTwoWords.get(tokens[from].id());
            Pattern[] found = next == null ? null : next.get(tokens[from + 1].id());
            return found == null ? NO_PATTERNS : found;
        }
    }

    /** Turns phrases into patterns, expanding dictionary words and resolving classes; collects every problem. */
    static final class Compiler {
        private final Lexicon lexicon;
        private final Morphology morphology;
        private final Map<String, WordClass> classes = new HashMap<>();
        private final Set<String> compiling = new LinkedHashSet<>();
        private final Set<String> problems = new LinkedHashSet<>();
        /** The number of every word a pattern names, and the words by number. */
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();
        /** The forms of each dictionary word numbered once, however many phrases use it. */
        private final Map<Set<String>, WordSet> formSets = new java.util.IdentityHashMap<>();
        /**
         * How a reader other than this one spells a word (the commitment reader keeps apostrophes and reads ñ as n),
         * or null for this one's: class entries are read again and dictionary forms respelt with it.
         */
        private final java.util.function.UnaryOperator<String> fold;
        private final Map<Set<String>, Set<String>> respelt = new java.util.IdentityHashMap<>();

        Compiler(Lexicon lexicon, Morphology morphology) {
            this(lexicon, morphology, null);
        }

        Compiler(Lexicon lexicon, Morphology morphology, java.util.function.UnaryOperator<String> fold) {
            this.lexicon = lexicon;
            this.morphology = morphology;
            this.fold = fold;
        }

        /** The words of the patterns, numbered: a word's number is its index. */
        List<String> words() {
            return words;
        }

        Patterns patterns(List<Phrase> phrases) {
            List<Pattern> out = new ArrayList<>();
            for (Phrase p : phrases) {
                if (p.hasExceptions()) {
                    problems.add(p.where() + ": \"" + p.text() + "\": an unless phrase takes no exceptions of its own;"
                            + " write -- unless: on the line of the phrase it cancels");
                    continue;
                }
                Pattern c = compile(p);
                if (c != null) {
                    out.add(c);
                }
            }
            return new Patterns(out);
        }

        /** The compiled phrase, or null (with a problem recorded) when it cannot be compiled. */
        Pattern compile(Phrase phrase) {
            List<String> elements = phrase.unanchored();
            int n = elements.size();
            byte[] how = new byte[n];
            Object[] what = new Object[n];
            for (int k = 0; k < n; k++) {
                String w = elements.get(k);
                if (w.equals("*")) {
                    how[k] = Pattern.ANY;
                } else if (Phrase.isRefusingGap(w)) {
                    how[k] = Pattern.REFUSING_GAP;
                    what[k] = refusingGap(w, phrase);
                    if (what[k] == null) {
                        return null;
                    }
                } else if (Phrase.isGap(w)) {
                    String[] range = Phrase.inside(w).split("-");
                    how[k] = Pattern.GAP;
                    what[k] = new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
                } else if (Phrase.isClass(w)) {
                    WordClass c = wordClass(Phrase.inside(w), phrase);
                    if (c == null) {
                        return null;
                    }
                    how[k] = Pattern.CLASS;
                    what[k] = c;
                } else if (Phrase.isLemma(w)) {
                    Set<String> forms = forms(Phrase.inside(w), phrase);
                    if (forms == null) {
                        return null;
                    }
                    how[k] = Pattern.WORDS;
                    what[k] = formSets.computeIfAbsent(forms, this::wordSet);
                } else if (w.length() > 1 && w.endsWith("*")) {
                    how[k] = Pattern.PREFIX;
                    what[k] = w.substring(0, w.length() - 1);
                } else {
                    how[k] = Pattern.WORDS;
                    // the phrase lists' "will" is also the "'ll" of "we'll" (see Contractions); not the commitment reader's
                    String ending = fold == null ? Contractions.endingOf(w) : null;
                    what[k] = ending == null ? wordSet(Set.of(w)) : wordSet(Set.of(w, ending));
                }
            }
            return new Pattern(how, what, phrase.startsSentence(), phrase.endsSentence());
        }

        /** A gap's range with the words and classes it refuses; null when one of its classes is not defined. */
        private RefusingGap refusingGap(String w, Phrase phrase) {
            String[] parts = Phrase.inside(w).split(" ");
            String[] range = parts[0].split("-");
            Set<String> words = new HashSet<>();
            List<WordClass> classes = new ArrayList<>();
            for (int p = 1; p < parts.length; p++) {
                String refused = parts[p].substring(1);
                if (Phrase.isClass(refused)) {
                    WordClass c = wordClass(Phrase.inside(refused), phrase);
                    if (c == null) {
                        return null;
                    }
                    classes.add(c);
                } else {
                    words.add(refused);
                    String ending = fold == null ? Contractions.endingOf(refused) : null;
                    if (ending != null) {
                        words.add(ending);
                    }
                }
            }
            return new RefusingGap(Integer.parseInt(range[0]), Integer.parseInt(range[1]), wordSet(words),
                    classes.toArray(new WordClass[0]));
        }

        /**
         * The set's words as numbers, a new word numbered next. The words are taken in their natural order, not the
         * set's: the dictionary's forms and a word with its contraction come in {@code Set.of}/{@code Set.copyOf}
         * sets, whose order is salted afresh in every JVM, and numbering them in that order made a stored finder's
         * bytes differ from one build to the next (the same findings, but not a reproducible build).
         */
        private WordSet wordSet(Set<String> set) {
            String[] sorted = set.toArray(new String[0]);
            java.util.Arrays.sort(sorted);
            int[] out = new int[sorted.length];
            int n = 0;
            for (String w : sorted) {
                Integer id = ids.get(w);
                if (id == null) {
                    id = words.size();
                    ids.put(w, id);
                    words.add(w);
                }
                out[n++] = id;
            }
            return new WordSet(out);
        }

        private Set<String> forms(String lemma, Phrase phrase) {
            if (morphology == null) {
                problems.add(phrase.where() + ": <" + lemma + "> needs a dictionary for this language, and none is on"
                        + " the class path; list the forms as plain words instead");
                return null;
            }
            Set<String> forms = morphology.forms(lemma);
            if (fold != null && !forms.isEmpty()) {
                forms = respelt.computeIfAbsent(forms, f -> {
                    Set<String> out = new HashSet<>();
                    f.forEach(w -> out.add(fold.apply(w)));
                    return out;
                });
            }
            if (forms.isEmpty()) {
                problems.add(phrase.where() + ": <" + lemma + "> " + (lemma.indexOf(':') < 0
                        ? "is not a word the " + morphology.name() + " dictionary knows; check the spelling (with its"
                        + " accents, in its dictionary form: <mentir>, not <miente>) or list its forms as plain words"
                        : "has no forms of those persons and forms in the " + morphology.name() + " dictionary: only verbs"
                        + " have persons and tenses (check the word as <" + lemma.substring(0, lemma.indexOf(':')) + ">)"
                        + ("en".equals(morphology.name()) ? "; an English verb has no future, conditional or"
                        + " subjunctive form of its own: write will <call:inf>, would <call:inf>" : "")));
                return null;
            }
            return forms;
        }

        WordClass wordClassNamed(String name) {
            return wordClass(name, new Phrase("{" + name + "}", java.util.List.of("{" + name + "}"), "?"));
        }

        private int classCounter;

        /** Most names a problem lists in full; past that, the nearest few, so a policy's hundreds do not bury it. */
        private static final int CLASSES_LISTED = 12;

        /**
         * The classes there are, for a problem naming one that is not: all of them when they are few, else the few
         * whose names are nearest to {@code name} (fewest letters to change), and how many there are.
         */
        static String knownClasses(String name, java.util.Collection<String> names) {
            if (names.isEmpty()) {
                return "the classes are: none (define one with a [class " + name + "] section)";
            }
            if (names.size() <= CLASSES_LISTED) {
                return "the classes are: " + String.join(", ", names);
            }
            List<String> nearest = names.stream()
                    .sorted(java.util.Comparator.comparingInt((String c) -> lettersToChange(name, c))
                            .thenComparing(java.util.Comparator.naturalOrder()))
                    .limit(5)
                    .toList();
            return "of its " + names.size() + " classes, the nearest names are: " + String.join(", ", nearest)
                    + " (a new class is defined with a [class " + name + "] section)";
        }

        /** How many letters to insert, delete or replace to turn one name into the other. */
        private static int lettersToChange(String a, String b) {
            int[] row = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                row[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                int diagonal = row[0];
                row[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int above = row[j];
                    row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                            diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                    diagonal = above;
                }
            }
            return row[b.length()];
        }

        private WordClass wordClass(String name, Phrase usedIn) {
            WordClass done = classes.get(name);
            if (done != null) {
                return done;
            }
            List<Phrase> entries = lexicon.classes().get(name);
            if (entries != null && fold != null) {
                // a line of alternatives is several entries of one text: read again once, it gives them all
                Set<String> read = new HashSet<>();
                entries = entries.stream().filter(e -> read.add(e.where() + "\n" + e.text()))
                        .flatMap(e -> Phrase.parseAll(e.text(), e.where(), fold).stream()).toList();
            }
            if (entries == null) {
                problems.add(usedIn.where() + ": {" + name + "} is not a word class of this list; "
                        + knownClasses(name, lexicon.classes().keySet()));
                return null;
            }
            if (!compiling.add(name)) {
                problems.add(usedIn.where() + ": the word class {" + name + "} refers to itself through "
                        + String.join(" → ", compiling));
                return null;
            }
            List<Pattern> members = new ArrayList<>();
            for (Phrase p : entries) {
                if (p.hasExceptions()) {
                    problems.add(p.where() + ": \"" + p.text() + "\": an entry of a word class takes no exceptions;"
                            + " write -- unless: on the phrases that use {" + name + "}, or in a [KIND unless] section");
                    continue;
                }
                Pattern c = compile(p);
                if (c != null) {
                    members.add(c);
                }
            }
            compiling.remove(name);
            WordClass c = new WordClass(members, classCounter++);
            classes.put(name, c);
            return c;
        }

        void failIfProblems() {
            if (!problems.isEmpty()) {
                throw new LexiconFormatException(List.copyOf(problems));
            }
        }
    }

    /**
     * Where each word class matched in one text, worked out once per class and word: a row per class, made when first
     * asked and kept for the next text. A slot holds the match's end (plus 2, so -1 for no match is positive) under
     * the stamp of the text it was worked out for; a slot of another text's stamp is not worked out yet, so nothing
     * is cleared between texts.
     */
    static final class Memo {
        static final long STAMP = 0xFFFF_FFFF_0000_0000L;
        private long[][] rows;
        long stamp;

        Memo(int classes) {
            this.rows = new long[classes][];
        }

        /** Starts a new text: every slot written before is now unknown. */
        void next() {
            stamp += 1L << 32;
            if (stamp == 0) {
                // after 2^32 texts the stamps come round again: forget the old slots for good
                rows = new long[rows.length][];
                stamp = 1L << 32;
            }
        }

        long[] row(int wordClass, int words) {
            long[] row = rows[wordClass];
            if (row == null || row.length < words) {
                row = rows[wordClass] = new long[Math.max(words, row == null ? 64 : row.length * 2)];
            }
            return row;
        }
    }

    /**
     * The entries of a word class: one-word entries as a set of words, the longer ones indexed by their first word
     * and again by their second, so a common first word ("you", "a") costs a lookup, not a loop over the class.
     */
    static final class WordClass {
        /** What the class has for one first word: all of it found with one lookup. */
        private record Starts(boolean single, IntMap<Pattern[]> bySecondWord, Anchored[] anchored, Pattern[] others) {
        }

        /**
         * The entries of a class that start with one lead (a plain word, null here, or a word class) and go on with
         * a word to look up: a word class or a gap second, so not indexed by their second word ({@code {LA} demora},
         * {@code la {0-2} culpa}). As {@link Lead} does for phrases, they are indexed by that anchor word, looked up
         * after the lead's match, so an entry is tried only where its anchor stands and not at every article.
         */
        private record Anchored(WordClass lead, IntMap<Pattern[]> byAnchor, int window) {
            static Anchored[] of(List<Pattern> patterns) {
                Map<WordClass, Map<Integer, List<Pattern>>> byLead = new java.util.LinkedHashMap<>();
                Map<WordClass, Integer> windows = new HashMap<>();
                for (Pattern p : patterns) {
                    WordClass lead = p.firstClass();
                    Map<Integer, List<Pattern>> anchors = byLead.computeIfAbsent(lead, k -> new HashMap<>());
                    for (int w : p.anchorWords().ids()) {
                        anchors.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
                    }
                    windows.merge(lead, p.anchorMaxGap(), Math::max);
                }
                List<Anchored> out = new ArrayList<>();
                byLead.forEach((lead, anchors) -> out.add(new Anchored(lead,
                        IntMap.of(anchors, list -> list.toArray(NO_PATTERNS)), windows.get(lead))));
                return out.toArray(new Anchored[0]);
            }
        }
        private static final Anchored[] NO_ANCHORED = new Anchored[0];

        private final IntMap<Starts> byFirstWord;
        private final Pattern[] unindexed;
        private final WordSet firstWords;
        private final int maxLength;

        /** Numbered within the lexicon, so one call can remember where each class matched. */
        final int id;

        WordClass(List<Pattern> members, int id) {
            this.id = id;
            Map<Integer, Map<Integer, List<Pattern>>> second = new HashMap<>();
            Map<Integer, List<Pattern>> first = new HashMap<>();
            List<Pattern> rest = new ArrayList<>();
            Set<Integer> starts = new HashSet<>();
            Set<Integer> single = new HashSet<>();
            int longest = 1;
            for (Pattern p : members) {
                longest = Math.max(longest, p.maxLength);
                WordSet firstOfP = p.firstWords();
                if (firstOfP == null) {
                    rest.add(p);
                    continue;
                }
                for (int w : firstOfP.ids()) {
                    starts.add(w);
                }
                if (p.isOneWord()) {
                    for (int w : firstOfP.ids()) {
                        single.add(w);
                    }
                    continue;
                }
                fileByFirstTwoWords(p, firstOfP, first, second);
            }
            Map<Integer, Starts> starting = new HashMap<>();
            Set<Integer> words = new HashSet<>(single);
            words.addAll(first.keySet());
            words.addAll(second.keySet());
            // the same entries filed under each first word of a leading class share their index
            Map<List<Pattern>, Anchored[]> sharedAnchors = new HashMap<>();
            for (int w : words) {
                Map<Integer, List<Pattern>> next = second.get(w);
                List<Pattern> anchored = new ArrayList<>();
                List<Pattern> others = new ArrayList<>();
                for (Pattern p : first.getOrDefault(w, List.of())) {
                    (p.anchorWords() != null ? anchored : others).add(p);
                }
                starting.put(w, new Starts(single.contains(w),
                        next == null ? null : IntMap.of(next, list -> list.toArray(NO_PATTERNS)),
                        anchored.isEmpty() ? NO_ANCHORED : sharedAnchors.computeIfAbsent(anchored, Anchored::of),
                        others.toArray(NO_PATTERNS)));
            }
            this.byFirstWord = IntMap.of(starting, x -> x);
            this.unindexed = rest.toArray(NO_PATTERNS);
            this.firstWords = rest.isEmpty() ? WordSet.of(starts) : null;
            this.maxLength = longest;
        }

        /** As stored ({@link Stored}). */
        WordClass(IntMap<Starts> byFirstWord, Pattern[] unindexed, WordSet firstWords, int maxLength, int id) {
            this.byFirstWord = byFirstWord;
            this.unindexed = unindexed;
            this.firstWords = firstWords;
            this.maxLength = maxLength;
            this.id = id;
        }

        /**
         * The longest end of an entry matching at {@code from}, or -1; remembered in {@code memo} when there is one,
         * since many phrases start with the same class.
         */
        int match(Token[] tokens, int from, int sentence, Memo memo) {
            if (from >= tokens.length || tokens[from].sentence() != sentence) {
                return -1;
            }
            if (memo == null) {
                return matchHere(tokens, from, sentence, null);
            }
            long[] row = memo.row(id, tokens.length);
            long known = row[from];
            if ((known & Memo.STAMP) == memo.stamp) {
                return (int) known - 2;
            }
            int end = matchHere(tokens, from, sentence, memo);
            row[from] = memo.stamp | (end + 2);
            return end;
        }

        private int matchHere(Token[] tokens, int from, int sentence, Memo memo) {
            Starts starts = byFirstWord.get(tokens[from].id());
            int best = -1;
            if (starts != null) {
                best = starts.single() ? from + 1 : -1;
                IntMap<Pattern[]> next = starts.bySecondWord();
                if (next != null && from + 1 < tokens.length && tokens[from + 1].sentence() == sentence) {
                    Pattern[] following = next.get(tokens[from + 1].id());
                    for (Pattern p : following == null ? NO_PATTERNS : following) {
                        if (p.mayStartAt(tokens, from)) {
                            best = Math.max(best, p.match(tokens, from + 2, 2, sentence, memo));
                        }
                    }
                }
                for (Anchored a : starts.anchored()) {
                    int leadEnd = a.lead() == null ? from + 1 : a.lead().match(tokens, from, sentence, memo);
                    if (leadEnd < 0) {
                        continue;
                    }
                    int last = Math.min(tokens.length - 1, leadEnd + a.window());
                    for (int at = leadEnd; at <= last && tokens[at].sentence() == sentence; at++) {
                        Pattern[] anchoredHere = a.byAnchor().get(tokens[at].id());
                        if (anchoredHere == null) {
                            continue;
                        }
                        int gap = at - leadEnd;
                        for (Pattern p : anchoredHere) {
                            if (gap >= p.anchorMinGap() && gap <= p.anchorMaxGap()) {
                                best = Math.max(best, p.match(tokens, from, 0, sentence, memo));
                            }
                        }
                    }
                }
                for (Pattern p : starts.others()) {
                    best = Math.max(best, p.match(tokens, from, 0, sentence, memo));
                }
            }
            for (Pattern p : unindexed) {
                best = Math.max(best, p.match(tokens, from, 0, sentence, memo));
            }
            return best;
        }
    }

    /**
     * A {@link Phrase} ready to match: each element a set of words (a plain word, or the forms of a dictionary word),
     * a prefix, any word, a gap or a word class, decided once here rather than at every comparison.
     */
    static final class Pattern {
        static final byte WORDS = 0;
        static final byte ANY = 1;
        static final byte PREFIX = 2;
        static final byte GAP = 3;
        static final byte CLASS = 4;
        static final byte REFUSING_GAP = 5;

        private final byte[] how;
        private final Object[] what;
        /** Written with {@code ^}: the match must start a sentence. */
        private final boolean startsSentence;
        /** Written with {@code $}: the match must end a sentence. */
        private final boolean endsSentence;
        final int maxLength;

        Pattern(byte[] how, Object[] what, boolean startsSentence, boolean endsSentence) {
            this.how = how;
            this.what = what;
            this.startsSentence = startsSentence;
            this.endsSentence = endsSentence;
            int length = 0;
            for (int k = 0; k < how.length; k++) {
                length += switch (how[k]) {
                    case GAP, REFUSING_GAP -> gapBound(k, 1);
                    case CLASS -> ((WordClass) what[k]).maxLength;
                    default -> 1;
                };
            }
            this.maxLength = length;
        }

        /** The words a match can start with, or null when it can start with any word (a prefix). */
        WordSet firstWords() {
            return switch (how[0]) {
                case WORDS -> (WordSet) what[0];
                case CLASS -> ((WordClass) what[0]).firstWords;
                default -> null;
            };
        }

        /** A single plain word or dictionary word: matching it is a set lookup. */
        boolean isOneWord() {
            return how.length == 1 && how[0] == WORDS && !startsSentence && !endsSentence;
        }

        /** Whether a match may start at {@code from}: anywhere, or for {@code ^} only at a sentence's first word. */
        boolean mayStartAt(Token[] tokens, int from) {
            return !startsSentence || from == 0 || from >= tokens.length || tokens[from - 1].sentence() != tokens[from].sentence();
        }

        /** The words that must follow the first, when the second element is a word or a dictionary word. */
        WordSet secondWords() {
            return how.length > 1 && how[0] == WORDS && how[1] == WORDS ? (WordSet) what[1] : null;
        }

        /** The word class the pattern starts with, or null. */
        WordClass firstClass() {
            return how[0] == CLASS ? (WordClass) what[0] : null;
        }

        /** The prefix the pattern starts with ({@code lmao*}), or null. */
        String firstPrefix() {
            return how[0] == PREFIX ? (String) what[0] : null;
        }

        /**
         * The words one of which must stand right after the first element's match, or after the gap that follows
         * it (see {@link #anchorMinGap()}); null when there is no such word to look up (any word may follow, a
         * prefix, a class that may start with any word, or the pattern is one element long).
         */
        WordSet anchorWords() {
            if (how[0] != WORDS && how[0] != CLASS) {
                return null;
            }
            int k = how.length > 1 && (how[1] == GAP || how[1] == REFUSING_GAP) ? 2 : 1;
            if (k >= how.length) {
                return null;
            }
            return switch (how[k]) {
                case WORDS -> (WordSet) what[k];
                case CLASS -> ((WordClass) what[k]).firstWords;
                default -> null;
            };
        }

        /** The fewest words between the first element's match and the anchor: the gap's least, or 0. */
        int anchorMinGap() {
            return how.length > 2 ? gapBound(1, 0) : 0;
        }

        /** The most words between the first element's match and the anchor: the gap's most, or 0. */
        int anchorMaxGap() {
            return how.length > 2 ? gapBound(1, 1) : 0;
        }

        /** The least ({@code bound} 0) or most (1) words of element {@code k} when it is a gap of either kind, else 0. */
        private int gapBound(int k, int bound) {
            return switch (how[k]) {
                case GAP -> ((int[]) what[k])[bound];
                case REFUSING_GAP -> bound == 0 ? ((RefusingGap) what[k]).min() : ((RefusingGap) what[k]).max();
                default -> 0;
            };
        }

        /**
         * The words the word after the first element's match must be, when the first element is a word or a word
         * class: those of the second element when it is a word, or those a word class there can start with; null
         * when any word may follow.
         */
        WordSet wordsAfterFirst() {
            if (how.length < 2 || (how[0] != WORDS && how[0] != CLASS)) {
                return null;
            }
            return switch (how[1]) {
                case WORDS -> (WordSet) what[1];
                case CLASS -> ((WordClass) what[1]).firstWords;
                default -> null;
            };
        }

        /** As {@link #match(Token[], int)}, knowing that a plain first word matches the word at {@code from}. */
        int matchAfterFirst(Token[] tokens, int from) {
            return matchAfterFirst(tokens, from, null);
        }

        /** As {@link #matchAfterFirst(Token[], int)}, remembering class matches in {@code memo}. */
        int matchAfterFirst(Token[] tokens, int from, Memo memo) {
            if (!mayStartAt(tokens, from)) {
                return -1;
            }
            return how[0] == WORDS ? match(tokens, from + 1, 1, tokens[from].sentence(), memo)
                    : match(tokens, from, 0, tokens[from].sentence(), memo);
        }

        /** The index after the last matched token (the longest match), or -1. */
        int match(Token[] tokens, int from) {
            return match(tokens, from, null);
        }

        /** As {@link #match(Token[], int)}, remembering class matches in {@code memo}. */
        int match(Token[] tokens, int from, Memo memo) {
            return from < tokens.length ? match(tokens, from, 0, tokens[from].sentence(), memo) : -1;
        }

        int match(Token[] tokens, int pos, int k, int sentence, Memo memo) {
            if (k == how.length) {
                return endsSentence && pos < tokens.length && tokens[pos].sentence() == sentence ? -1 : pos;
            }
            if (k == 0 && !mayStartAt(tokens, pos)) {
                return -1;
            }
            byte kind = how[k];
            if (kind == GAP) {
                int[] range = (int[]) what[k];
                int best = -1;
                for (int g = range[0]; g <= range[1]; g++) {
                    int p = pos + g;
                    if (p >= tokens.length || tokens[p].sentence() != sentence) {
                        break;
                    }
                    best = Math.max(best, match(tokens, p, k + 1, sentence, memo));
                }
                return best;
            }
            if (kind == REFUSING_GAP) {
                RefusingGap gap = (RefusingGap) what[k];
                int best = -1;
                for (int g = 0; g <= gap.max(); g++) {
                    int p = pos + g;
                    if (p >= tokens.length || tokens[p].sentence() != sentence) {
                        break;
                    }
                    if (g >= gap.min()) {
                        best = Math.max(best, match(tokens, p, k + 1, sentence, memo));
                    }
                    if (gap.refuses(tokens, p, sentence, memo)) {
                        break;
                    }
                }
                return best;
            }
            if (kind == CLASS) {
                int end = ((WordClass) what[k]).match(tokens, pos, sentence, memo);
                return end < 0 ? -1 : match(tokens, end, k + 1, sentence, memo);
            }
            if (pos >= tokens.length) {
                return -1;
            }
            Token t = tokens[pos];
            if (t.sentence() != sentence) {
                return -1;
            }
            boolean matches = switch (kind) {
                case ANY -> true;
                case PREFIX -> t.startsWith((String) what[k]);
                default -> ((WordSet) what[k]).contains(t.id());
            };
            return matches ? match(tokens, pos + 1, k + 1, sentence, memo) : -1;
        }
    }

    /**
     * A gap none of whose words is one of {@code words} or starts an entry of one of {@code classes}
     * ({@code {0-3 -NEGATION -but}}).
     */
    record RefusingGap(int min, int max, WordSet words, WordClass[] classes) {
        boolean refuses(Token[] tokens, int at, int sentence, Memo memo) {
            if (words.contains(tokens[at].id())) {
                return true;
            }
            for (WordClass c : classes) {
                if (c.match(tokens, at, sentence, memo) > at) {
                    return true;
                }
            }
            return false;
        }
    }

    /** For tests: the distinct words a compiled lexicon can start a match with. */
    Set<String> indexedWords() {
        Set<String> out = new HashSet<>();
        for (int w = 0; w < byFirstWord.length; w++) {
            if (byFirstWord[w] != null) {
                out.add(words[w]);
            }
        }
        return out;
    }

    /** Word numbers, hashed: the forms of a dictionary word are tested with a probe or two. */
    static final class WordSet {
        private static final WordSet EMPTY = new WordSet(new int[0]);

        private final int[] ids;
        private final int[] table;
        private final int mask;

        WordSet(int[] ids) {
            this.ids = ids;
            int size = Integer.highestOneBit(Math.max(1, ids.length) * 2) * 2;
            this.table = new int[ids.length <= 1 ? 0 : size];
            this.mask = size - 1;
            Arrays.fill(table, -1);
            if (ids.length > 1) {
                for (int id : ids) {
                    int h = mix(id) & mask;
                    while (table[h] >= 0 && table[h] != id) {
                        h = (h + 1) & mask;
                    }
                    table[h] = id;
                }
            }
        }

        /** As stored ({@link Stored}). */
        WordSet(int[] ids, int[] table, int mask) {
            this.ids = ids;
            this.table = table;
            this.mask = mask;
        }

        static WordSet of(Set<Integer> ids) {
            return ids.isEmpty() ? EMPTY : new WordSet(ids.stream().mapToInt(Integer::intValue).toArray());
        }

        boolean contains(int id) {
            if (id < 0 || ids.length == 0) {
                return false;
            }
            if (ids.length == 1) {
                return ids[0] == id;
            }
            for (int h = mix(id) & mask; ; h = (h + 1) & mask) {
                int v = table[h];
                if (v == id) {
                    return true;
                }
                if (v < 0) {
                    return false;
                }
            }
        }

        int[] ids() {
            return ids;
        }

        static int mix(int id) {
            int h = id * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** A map from word numbers to values, hashed like {@link WordSet}; built once, then only read. */
    static final class IntMap<V> {
        private static final IntMap<?> EMPTY = new IntMap<>(Map.of(), v -> v);

        private final int[] keys;
        private final Object[] values;
        private final int mask;

        private <T> IntMap(Map<Integer, T> from, java.util.function.Function<T, V> value) {
            int size = from.isEmpty() ? 0 : Integer.highestOneBit(from.size() * 2) * 2;
            this.keys = new int[size];
            this.values = new Object[size];
            this.mask = size - 1;
            Arrays.fill(keys, -1);
            from.forEach((key, v) -> {
                int h = WordSet.mix(key) & mask;
                while (keys[h] >= 0) {
                    h = (h + 1) & mask;
                }
                keys[h] = key;
                values[h] = value.apply(v);
            });
        }

        /** As stored ({@link Stored}). */
        IntMap(int[] keys, Object[] values, int mask) {
            this.keys = keys;
            this.values = values;
            this.mask = mask;
        }

        @SuppressWarnings("unchecked")
        static <T, V> IntMap<V> of(Map<Integer, T> from, java.util.function.Function<T, V> value) {
            return from.isEmpty() ? (IntMap<V>) EMPTY : new IntMap<>(from, value);
        }

        boolean isEmpty() {
            return keys.length == 0;
        }

        @SuppressWarnings("unchecked")
        V get(int key) {
            if (key < 0 || keys.length == 0) {
                return null;
            }
            for (int h = WordSet.mix(key) & mask; ; h = (h + 1) & mask) {
                int k = keys[h];
                if (k == key) {
                    return (V) values[h];
                }
                if (k < 0) {
                    return null;
                }
            }
        }
    }

    /**
     * A finder's index written out as it is in memory and read back without building it again ({@link FinderStore}):
     * every object once, after the objects it refers to, each referred to by its number, and an object written alike
     * to one before it shared with that one (the forms of one word lead to the same entries); the hash tables with
     * their slots where they are, so that reading fills no map and hashes only the small sets of words. Numbers are
     * written in as few bytes as they need (seven bits a byte). Read, the finder is the one written: the same words
     * by the same numbers, the same entries in the same order in every table, so it finds exactly the same.
     */
    static final class Stored {
        private static final byte INTS = 1;
        private static final byte WORD_SET = 2;
        private static final byte STRING = 3;
        private static final byte PATTERN = 4;
        private static final byte REFUSING_GAP = 5;
        private static final byte WORD_CLASS = 6;
        private static final byte STARTS = 7;
        private static final byte ANCHORED = 8;
        private static final byte INT_MAP = 9;
        private static final byte ARRAY = 10;
        private static final byte ENTRY = 11;
        private static final byte KIND = 12;
        private static final byte PATTERNS = 13;
        private static final byte LEAD = 14;
        private static final byte CANDIDATES = 15;
        private static final byte BY_PREFIX = 16;
        private static final byte MATCHER_ENTRY = 17;
        private static final byte MATCHER_GROUP = 18;
        /** The element types of the arrays written, by number. */
        private static final Class<?>[] ARRAYS = {Pattern.class, Entry.class, WordClass.Anchored.class, Lead.class,
            WordClass.class, Candidates.class, Kind.class, PhraseMatcher.Entry.class};

        private Stored() {
        }

        /** Writes the finder's index; its word table is made again from the words when it is read. */
        static void write(PhraseFinder f, java.io.DataOutputStream dest) throws java.io.IOException {
            Writer w = new Writer();
            int kinds = w.ref(f.kinds);
            int[] firsts = new int[f.byFirstWord.length];
            int present = 0;
            for (int k = 0; k < firsts.length; k++) {
                firsts[k] = w.ref(f.byFirstWord[k]);
                present += firsts[k] >= 0 ? 1 : 0;
            }
            int byPrefix = w.ref(f.byPrefix);
            int reported = w.ref(f.reportedSpeech);
            Bytes out = new Bytes();
            words(out, f.words, f.wordIds.placed());
            out.var(w.count);
            w.records.writeTo(out);
            out.var(kinds);
            out.var(present);
            for (int k = 0, last = 0; k < firsts.length; k++) {
                if (firsts[k] >= 0) {
                    out.var(k - last);
                    out.var(firsts[k]);
                    last = k;
                }
            }
            out.var(byPrefix);
            out.var(f.nothingToFind ? 1 : 0);
            out.var(reported);
            out.var(f.classCount);
            // the words a mask may hide, each length's sorted (which one a mask is read as does not depend on order)
            Map<Integer, List<String>> masks = new java.util.TreeMap<>(f.wordIds.maskWords());
            out.var(masks.size());
            for (Map.Entry<Integer, List<String>> length : masks.entrySet()) {
                String[] sorted = length.getValue().stream().sorted().toArray(String[]::new);
                out.var(length.getKey());
                strings(out, sorted);
            }
            out.writeTo(dest);
        }

        /**
         * The finder written by {@link #write} from {@code bytes[at, end)}, its word table made with {@code spellings}
         * (those of the lexicon it was built from) and the words masks may hide as they were written: no lexicon needed.
         *
         * @throws RuntimeException when the bytes are not such a finder (the caller then builds it)
         */
        static PhraseFinder read(byte[] bytes, int at, int end, Spellings spellings) {
            Reader in = new Reader(bytes, at, end);
            String[] words = in.words();
            int[] placed = in.placed(words.length);
            in.objects(in.var());
            Kind[] kinds = (Kind[]) in.ref();
            Candidates[] byFirstWord = new Candidates[words.length];
            for (int k = in.var(), word = 0; k > 0; k--) {
                word += in.var();
                byFirstWord[word] = (Candidates) in.ref();
            }
            ByPrefix byPrefix = (ByPrefix) in.ref();
            boolean nothingToFind = in.var() != 0;
            WordClass reported = (WordClass) in.ref();
            int classCount = in.var();
            Map<Integer, List<String>> masks = new HashMap<>();
            for (int k = in.var(); k > 0; k--) {
                int length = in.var();
                masks.put(length, List.of(in.words()));
            }
            if (kinds == null || byPrefix == null || in.remaining() != 0) {
                throw new IllegalArgumentException("not a whole stored finder");
            }
            return new PhraseFinder(kinds, byFirstWord, byPrefix,
                    new WordTable(java.util.Arrays.asList(words), placed, spellings, masks), words, nothingToFind,
                    reported, classCount);
        }

        /**
         * Writes a {@link PhraseMatcher}'s index as a finder's is written ({@link PhraseMatcher#write}): its word table's
         * words and layout, its objects, then each list's groups by first word, its phrases that may start anywhere and
         * its number of lines.
         */
        static void write(PhraseMatcher m, java.io.DataOutputStream dest) throws java.io.IOException {
            Writer w = new Writer();
            int lists = m.sizes.length;
            int[] byFirst = new int[lists];
            int[] unindexed = new int[lists];
            for (int list = 0; list < lists; list++) {
                byFirst[list] = w.ref(m.byFirstWord.get(list));
                unindexed[list] = w.ref(m.unindexed.get(list));
            }
            Bytes out = new Bytes();
            words(out, m.wordIds.words(), m.wordIds.placed());
            out.var(w.count);
            w.records.writeTo(out);
            out.var(lists);
            for (int list = 0; list < lists; list++) {
                out.var(byFirst[list]);
                out.var(unindexed[list]);
                out.var(m.sizes[list]);
            }
            out.writeTo(dest);
        }

        /**
         * The matcher written by {@link #write(PhraseMatcher, java.io.DataOutputStream)} from {@code bytes[at, end)}.
         *
         * @throws RuntimeException when the bytes are not such a matcher (the caller then compiles it)
         */
        @SuppressWarnings("unchecked")
        static PhraseMatcher readMatcher(byte[] bytes, int at, int end) {
            Reader in = new Reader(bytes, at, end);
            String[] words = in.words();
            int[] placed = in.placed(words.length);
            in.objects(in.var());
            int lists = in.var();
            List<IntMap<PhraseMatcher.Group>> byFirst = new ArrayList<>(lists);
            List<PhraseMatcher.Entry[]> unindexed = new ArrayList<>(lists);
            int[] sizes = new int[lists];
            for (int list = 0; list < lists; list++) {
                IntMap<PhraseMatcher.Group> first = (IntMap<PhraseMatcher.Group>) in.ref();
                PhraseMatcher.Entry[] rest = (PhraseMatcher.Entry[]) in.ref();
                sizes[list] = in.var();
                if (first == null || rest == null) {
                    throw new IllegalArgumentException("not a whole stored matcher");
                }
                byFirst.add(first);
                unindexed.add(rest);
            }
            if (in.remaining() != 0) {
                throw new IllegalArgumentException("not a whole stored matcher");
            }
            return new PhraseMatcher(byFirst, unindexed, new WordTable(Arrays.asList(words), placed), sizes);
        }

        /**
         * A word table's words (how many, each one's length, their letters run together in UTF-8) and its layout (each
         * filled slot by the gap since the last, and the word in it).
         */
        private static void words(Bytes out, String[] words, int[] placed) {
            strings(out, words);
            out.var(placed.length);
            for (int h = 0, last = -1; h < placed.length; h++) {
                if (placed[h] >= 0) {
                    out.var(h - last - 1);
                    out.var(placed[h]);
                    last = h;
                }
            }
        }

        /** Strings: how many, each one's length, their letters run together in UTF-8 ({@link Reader#words}). */
        private static void strings(Bytes out, String[] words) {
            out.var(words.length);
            for (String word : words) {
                out.var(word.length());
            }
            byte[] letters = String.join("", words).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.var(letters.length);
            out.write(letters, 0, letters.length);
        }

        /** Bytes being written, numbers in seven bits a byte: {@code v + 1}, so that -1 (nothing) is one byte. */
        private static final class Bytes extends java.io.ByteArrayOutputStream {
            void var(int v) {
                if (v < -1) {
                    throw new IllegalArgumentException("no stored form for " + v);
                }
                long u = v + 1L;
                while (u >= 0x80) {
                    write((int) (u & 0x7F) | 0x80);
                    u >>>= 7;
                }
                write((int) u);
            }

            void longs(long[] values) {
                var(values.length);
                for (long x : values) {
                    for (int s = 56; s >= 0; s -= 8) {
                        write((int) (x >>> s) & 0xFF);
                    }
                }
            }

            void ints(int[] values) {
                var(values.length);
                for (int v : values) {
                    var(v);
                }
            }

            byte[] bytes() {
                return buf;
            }
        }

        private static final class Writer {
            /** Each record, whole, in the order they are numbered. */
            final Bytes records = new Bytes();
            final Map<Object, Integer> numbers = new java.util.IdentityHashMap<>();
            /** Each record written, by its bytes: an object written alike is the same, and shares its number. */
            final Map<java.nio.ByteBuffer, Integer> written = new HashMap<>();
            int count;

            /** The object's number, written first (after what it refers to) if it was not yet; -1 for null. */
            int ref(Object o) {
                if (o == null) {
                    return -1;
                }
                Integer known = numbers.get(o);
                if (known != null) {
                    return known;
                }
                Bytes out = record(o);
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(out.toByteArray());
                Integer same = written.get(bytes);
                if (same == null) {
                    same = count++;
                    records.write(bytes.array(), 0, bytes.capacity());
                    written.put(bytes, same);
                }
                numbers.put(o, same);
                return same;
            }

            /** The object's record; what it refers to written (numbered) first. */
            private Bytes record(Object o) {
                Bytes out = new Bytes();
                if (o instanceof int[] ints) {
                    out.write(INTS);
                    out.ints(ints);
                } else if (o instanceof WordSet s) {
                    out.write(WORD_SET);
                    out.ints(s.ids);
                } else if (o instanceof String text) {
                    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.write(STRING);
                    out.var(utf8.length);
                    out.write(utf8, 0, utf8.length);
                } else if (o instanceof Pattern p) {
                    int[] what = new int[p.what.length];
                    for (int k = 0; k < what.length; k++) {
                        what[k] = ref(p.what[k]);
                    }
                    out.write(PATTERN);
                    out.var(p.how.length);
                    out.write(p.how, 0, p.how.length);
                    for (int r : what) {
                        out.var(r);
                    }
                    out.var((p.startsSentence ? 1 : 0) | (p.endsSentence ? 2 : 0));
                } else if (o instanceof RefusingGap g) {
                    int words = ref(g.words());
                    int classes = ref(g.classes());
                    out.write(REFUSING_GAP);
                    out.var(g.min());
                    out.var(g.max());
                    out.var(words);
                    out.var(classes);
                } else if (o instanceof WordClass c) {
                    int byFirstWord = ref(c.byFirstWord);
                    int unindexed = ref(c.unindexed);
                    int firstWords = ref(c.firstWords);
                    out.write(WORD_CLASS);
                    out.var(byFirstWord);
                    out.var(unindexed);
                    out.var(firstWords);
                    out.var(c.maxLength);
                    out.var(c.id);
                } else if (o instanceof WordClass.Starts st) {
                    int bySecond = ref(st.bySecondWord());
                    int anchored = ref(st.anchored());
                    int others = ref(st.others());
                    out.write(STARTS);
                    out.var(st.single() ? 1 : 0);
                    out.var(bySecond);
                    out.var(anchored);
                    out.var(others);
                } else if (o instanceof WordClass.Anchored a) {
                    int lead = ref(a.lead());
                    int byAnchor = ref(a.byAnchor());
                    out.write(ANCHORED);
                    out.var(lead);
                    out.var(byAnchor);
                    out.var(a.window());
                } else if (o instanceof IntMap<?> m) {
                    int[] values = new int[m.values.length];
                    int filled = 0;
                    for (int k = 0; k < values.length; k++) {
                        values[k] = ref(m.values[k]);
                        filled += m.keys[k] >= 0 ? 1 : 0;
                    }
                    out.write(INT_MAP);
                    out.var(m.keys.length);
                    out.var(filled);
                    for (int k = 0, last = 0; k < values.length; k++) {
                        if (m.keys[k] >= 0) {
                            out.var(k - last);
                            out.var(m.keys[k]);
                            out.var(values[k]);
                            last = k;
                        }
                    }
                } else if (o instanceof Object[] array) {
                    int type = java.util.Arrays.asList(ARRAYS).indexOf(array.getClass().getComponentType());
                    if (type < 0) {
                        throw new IllegalArgumentException("no stored form for " + array.getClass());
                    }
                    int[] elements = new int[array.length];
                    for (int k = 0; k < elements.length; k++) {
                        elements[k] = ref(array[k]);
                    }
                    out.write(ARRAY);
                    out.write(type);
                    out.ints(elements);
                } else if (o instanceof Entry e) {
                    int kind = ref(e.kind());
                    int pattern = ref(e.pattern());
                    int unless = ref(e.unless());
                    int unlessAfter = ref(e.unlessAfter());
                    int followedBy = ref(e.unlessFollowedBy());
                    out.write(ENTRY);
                    out.var(kind);
                    out.var(pattern);
                    out.var(unless);
                    out.var(unlessAfter);
                    out.var(followedBy);
                    out.var(e.anchorMinGap());
                    out.var(e.anchorMaxGap());
                } else if (o instanceof Kind k) {
                    int name = ref(k.name());
                    int unlessAfter = ref(k.unlessAfter());
                    int followedBy = ref(k.unlessFollowedBy());
                    int unless = ref(k.unless());
                    out.write(KIND);
                    out.var(k.index());
                    out.var(name);
                    out.var(unlessAfter);
                    out.var(k.reach());
                    out.var(followedBy);
                    out.var(unless);
                } else if (o instanceof Patterns p) {
                    int byFirst = ref(p.byFirstWord);
                    int byTwo = ref(p.byFirstTwoWords);
                    int unindexed = ref(p.unindexed);
                    out.write(PATTERNS);
                    out.var(byFirst);
                    out.var(byTwo);
                    out.var(unindexed);
                    out.longs(p.firstWordBits);
                    out.var(p.empty ? 1 : 0);
                    out.var(p.maxLength);
                } else if (o instanceof Lead l) {
                    int wordClass = ref(l.wordClass);
                    int byAnchor = ref(l.byAnchor);
                    int others = ref(l.others);
                    out.write(LEAD);
                    out.var(wordClass);
                    out.var(byAnchor);
                    out.var(l.window);
                    out.var(others);
                } else if (o instanceof Candidates c) {
                    int leads = ref(c.leads);
                    out.write(CANDIDATES);
                    out.var(leads);
                } else if (o instanceof PhraseMatcher.Entry e) {
                    int pattern = ref(e.pattern());
                    int unless = ref(e.unless());
                    int unlessAfter = ref(e.unlessAfter());
                    int followedBy = ref(e.unlessFollowedBy());
                    out.write(MATCHER_ENTRY);
                    out.var(e.index());
                    out.var(pattern);
                    out.var(unless);
                    out.var(unlessAfter);
                    out.var(followedBy);
                } else if (o instanceof PhraseMatcher.Group g) {
                    int bySecond = ref(g.bySecondWord);
                    int others = ref(g.others);
                    out.write(MATCHER_GROUP);
                    out.var(bySecond);
                    out.var(others);
                } else if (o instanceof ByPrefix b) {
                    int byTwo = ref(b.byTwoLetters);
                    int rest = ref(b.rest);
                    out.write(BY_PREFIX);
                    out.var(byTwo);
                    out.var(rest);
                } else {
                    throw new IllegalArgumentException("no stored form for " + o.getClass());
                }
                return out;
            }
        }

        private static final class Reader {
            private final byte[] bytes;
            private int at;
            private final int end;
            private Object[] objects = new Object[0];
            private int made;

            Reader(byte[] bytes, int at, int end) {
                this.bytes = bytes;
                this.at = at;
                this.end = end;
            }

            int remaining() {
                return end - at;
            }

            /** Where the next {@code n} bytes start; they are then passed over. */
            int at(int n) {
                if (n < 0 || n > end - at) {
                    throw new IllegalArgumentException("a stored finder ends early");
                }
                int here = at;
                at += n;
                return here;
            }

            private int next() {
                if (at >= end) {
                    throw new IllegalArgumentException("a stored finder ends early");
                }
                return bytes[at++];
            }

            /** A number written by {@link Bytes#var}. */
            int var() {
                int b = next();
                if (b >= 0) {
                    return b - 1;
                }
                long u = b & 0x7F;
                for (int shift = 7; ; shift += 7) {
                    b = next();
                    u |= (long) (b & 0x7F) << shift;
                    if (b >= 0) {
                        break;
                    }
                    if (shift > 28) {
                        throw new IllegalArgumentException("not a stored number");
                    }
                }
                return (int) (u - 1);
            }

            /** The words written by {@link Stored#strings} (and first by {@link Stored#words}). */
            String[] words() {
                int n = var();
                int[] lengths = new int[n];
                for (int k = 0; k < n; k++) {
                    lengths[k] = var();
                }
                int size = var();
                String all = new String(bytes, at(size), size, java.nio.charset.StandardCharsets.UTF_8);
                String[] words = new String[n];
                for (int k = 0, from = 0; k < n; k++) {
                    words[k] = all.substring(from, from + lengths[k]);
                    from += lengths[k];
                }
                return words;
            }

            /** The layout of a table of {@code n} words written by {@link Stored#words}. */
            int[] placed(int n) {
                int[] placed = new int[var()];
                java.util.Arrays.fill(placed, -1);
                for (int k = 0, h = -1; k < n; k++) {
                    h += var() + 1;
                    placed[h] = var();
                }
                return placed;
            }

            /** Reads the {@code count} objects written. */
            void objects(int count) {
                objects = new Object[count];
                for (int k = 0; k < count; k++) {
                    objects[k] = read();
                    made++;
                }
            }

            /** An object read before the one being read (by its number); null for -1. */
            Object ref() {
                int number = var();
                if (number == -1) {
                    return null;
                }
                if (number < 0 || number >= made) {
                    throw new IllegalArgumentException("a stored object refers to one not yet read: " + number);
                }
                return objects[number];
            }

            private int[] ints() {
                int[] out = new int[var()];
                for (int k = 0; k < out.length; k++) {
                    out[k] = var();
                }
                return out;
            }

            @SuppressWarnings({"unchecked", "rawtypes"})
            private Object read() {
                int tag = next();
                switch (tag) {
                    case INTS:
                        return ints();
                    case WORD_SET: {
                        int[] ids = ints();
                        return ids.length == 0 ? WordSet.EMPTY : new WordSet(ids);
                    }
                    case STRING: {
                        int length = var();
                        return new String(bytes, at(length), length, java.nio.charset.StandardCharsets.UTF_8);
                    }
                    case PATTERN: {
                        int n = var();
                        int from = at(n);
                        byte[] how = java.util.Arrays.copyOfRange(bytes, from, from + n);
                        Object[] what = new Object[n];
                        for (int k = 0; k < n; k++) {
                            what[k] = ref();
                        }
                        int sentence = var();
                        return new Pattern(how, what, (sentence & 1) != 0, (sentence & 2) != 0);
                    }
                    case REFUSING_GAP:
                        return new RefusingGap(var(), var(), (WordSet) ref(), (WordClass[]) ref());
                    case WORD_CLASS:
                        return new WordClass((IntMap<WordClass.Starts>) ref(), (Pattern[]) ref(), (WordSet) ref(),
                                var(), var());
                    case STARTS:
                        return new WordClass.Starts(var() != 0, (IntMap<Pattern[]>) ref(),
                                (WordClass.Anchored[]) ref(), (Pattern[]) ref());
                    case ANCHORED:
                        return new WordClass.Anchored((WordClass) ref(), (IntMap<Pattern[]>) ref(), var());
                    case INT_MAP: {
                        int size = var();
                        int filled = var();
                        if (size == 0) {
                            return IntMap.EMPTY;
                        }
                        if (Integer.bitCount(size) != 1 || filled > size / 2 + 1) {
                            throw new IllegalArgumentException("not a stored map");
                        }
                        int[] keys = new int[size];
                        java.util.Arrays.fill(keys, -1);
                        Object[] values = new Object[size];
                        for (int k = 0, slot = 0; k < filled; k++) {
                            slot += var();
                            keys[slot] = var();
                            values[slot] = ref();
                        }
                        return new IntMap(keys, values, size - 1);
                    }
                    case ARRAY: {
                        int type = next();
                        int n = var();
                        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(ARRAYS[type], n);
                        for (int k = 0; k < n; k++) {
                            array[k] = ref();
                        }
                        return n > 0 ? array : empty(array);
                    }
                    case ENTRY:
                        return new Entry((Kind) ref(), (Pattern) ref(), (Patterns) ref(), (Patterns) ref(),
                                (Patterns) ref(), var(), var());
                    case KIND:
                        return new Kind(var(), (String) ref(), (Patterns) ref(), var(), (Patterns) ref(),
                                (Patterns) ref());
                    case PATTERNS: {
                        IntMap<Pattern[]> byFirst = (IntMap<Pattern[]>) ref();
                        IntMap<IntMap<Pattern[]>> byTwo = (IntMap<IntMap<Pattern[]>>) ref();
                        Pattern[] unindexed = (Pattern[]) ref();
                        long[] bits = new long[var()];
                        for (int k = 0; k < bits.length; k++) {
                            long x = 0;
                            for (int b = 0; b < 8; b++) {
                                x = x << 8 | (next() & 0xFF);
                            }
                            bits[k] = x;
                        }
                        return new Patterns(byFirst, byTwo, unindexed, bits, var() != 0, var());
                    }
                    case LEAD:
                        return new Lead((WordClass) ref(), (IntMap<Entry[]>) ref(), var(), (Entry[]) ref());
                    case CANDIDATES:
                        return new Candidates((Lead[]) ref());
                    case BY_PREFIX:
                        return new ByPrefix((IntMap<Entry[]>) ref(), (Entry[]) ref());
                    case MATCHER_ENTRY:
                        return new PhraseMatcher.Entry(var(), (Pattern) ref(), (Patterns) ref(), (Patterns) ref(),
                                (Patterns) ref());
                    case MATCHER_GROUP:
                        return new PhraseMatcher.Group((IntMap<PhraseMatcher.Entry[]>) ref(),
                                (PhraseMatcher.Entry[]) ref());
                    default:
                        throw new IllegalArgumentException("not a stored object: " + tag);
                }
            }

            /** The finder's own empty arrays, where it has one of the type. */
            private static Object[] empty(Object[] array) {
                Class<?> type = array.getClass().getComponentType();
                return type == Pattern.class ? NO_PATTERNS : type == Entry.class ? NONE
                        : type == Lead.class ? NO_LEADS : type == WordClass.Anchored.class ? WordClass.NO_ANCHORED
                        : type == PhraseMatcher.Entry.class ? PhraseMatcher.NONE : array;
            }
        }
    }
}
