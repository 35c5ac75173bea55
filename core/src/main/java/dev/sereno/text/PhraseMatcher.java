package dev.sereno.text;

import dev.sereno.text.PhraseFinder.Compiler;
import dev.sereno.text.PhraseFinder.IntMap;
import dev.sereno.text.PhraseFinder.Pattern;
import dev.sereno.text.PhraseFinder.Patterns;
import dev.sereno.text.PhraseFinder.WordSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Phrases written in the phrase lists' pattern language ({@code <lemma>}, {@code {CLASS}}, {@code *}, prefixes, gaps,
 * {@code ^}/{@code $}, a line's own {@code -- unless:} exceptions), compiled by the same compiler for a reader that
 * spells and splits words its own way (the commitment reader), and asked for the longest phrase at a word. Phrases
 * are indexed by their first word and the word after it, so the cost of a question does not grow with the list.
 * Internal API. Immutable and thread-safe once built.
 */
public final class PhraseMatcher {
    static final Entry[] NONE = new Entry[0];
    /** Words between a line's {@code -- unless-after:} phrase and its match, as a phrase list's default. */
    private static final int REACH = PhraseList.DEFAULT_WITHIN + 1;

    record Entry(int index, Pattern pattern, Patterns unless, Patterns unlessAfter, Patterns unlessFollowedBy) {
        boolean excepted(Token[] tokens, int start, int end) {
            return unless != null && PhraseFinder.overlapped(unless, tokens, start, end)
                    || unlessAfter != null && PhraseFinder.cancelledBefore(unlessAfter, REACH, tokens, start)
                    || unlessFollowedBy != null && PhraseFinder.followedBy(unlessFollowedBy, tokens, end, null);
        }
    }

    /** The phrases that may start with one word, by the word that must follow when one must. */
    static final class Group {
        final IntMap<Entry[]> bySecondWord;
        final Entry[] others;

        /** As stored ({@link PhraseFinder.Stored}). */
        Group(IntMap<Entry[]> bySecondWord, Entry[] others) {
            this.bySecondWord = bySecondWord;
            this.others = others;
        }

        Group(List<Entry> entries) {
            Map<Integer, List<Entry>> second = new HashMap<>();
            List<Entry> rest = new ArrayList<>();
            for (Entry e : entries) {
                WordSet next = e.pattern().firstClass() == null ? e.pattern().wordsAfterFirst() : null;
                if (next == null) {
                    rest.add(e);
                } else {
                    for (int w : next.ids()) {
                        second.computeIfAbsent(w, k -> new ArrayList<>()).add(e);
                    }
                }
            }
            this.bySecondWord = IntMap.of(second, list -> list.toArray(NONE));
            this.others = rest.toArray(NONE);
        }
    }

    /** A text's words as this matcher numbers them; made once per text with {@link #text}. */
    public static final class Text {
        private final Token[] tokens;

        private Text(Token[] tokens) {
            this.tokens = tokens;
        }

        public int size() {
            return tokens.length;
        }
    }

    /**
     * A phrase found: its index in the list given to {@link #compile} and the word after its last.
     *
     * @param index the phrase's position in the list compiled
     * @param end   the index of the word after the match
     */
    public record Match(int index, int end) {
    }

    /** By list: its phrases by their first word. */
    final List<IntMap<Group>> byFirstWord;
    /** By list: its phrases that may start with any word. */
    final List<Entry[]> unindexed;
    final WordTable wordIds;
    final int[] sizes;

    PhraseMatcher(List<IntMap<Group>> byFirstWord, List<Entry[]> unindexed, WordTable wordIds, int[] sizes) {
        this.byFirstWord = byFirstWord;
        this.unindexed = unindexed;
        this.wordIds = wordIds;
        this.sizes = sizes;
    }

    /**
     * Compiles lines written in the pattern language, as one list or several that share the words of a text: each
     * list is asked on its own ({@link #longest(Text, int, int)}), a text's words are numbered once for all.
     *
     * @param lists      the lists, each line as written with where it was read ({@code file:line}), in order of
     *                   preference: of two matches as long, the earlier line's wins
     * @param lexicon    where {@code {CLASS}} entries are defined (its phrase lists are not used)
     * @param morphology the dictionary for {@code <word>}; null when the language has none
     * @param fold       how this reader spells a plain word, as it spells the words of a text
     * @throws LexiconFormatException with every line that cannot be read or compiled, each naming its file:line
     */
    public static PhraseMatcher compile(List<List<Line>> lists, Lexicon lexicon, Morphology morphology,
                                        UnaryOperator<String> fold) {
        Compiler compiler = new Compiler(lexicon, morphology, fold);
        List<String> problems = new ArrayList<>();
        List<Map<Integer, List<Entry>>> indexed = new ArrayList<>();
        List<Entry[]> unindexed = new ArrayList<>();
        int[] sizes = new int[lists.size()];
        for (int list = 0; list < lists.size(); list++) {
            List<Line> lines = lists.get(list);
            Map<Integer, List<Entry>> byFirst = new HashMap<>();
            List<Entry> rest = new ArrayList<>();
            for (int n = 0; n < lines.size(); n++) {
                Line line = lines.get(n);
                List<Phrase> phrases;
                try {
                    phrases = Phrase.parseAll(line.text(), line.where(), fold);
                    phrases.forEach(Lexicon.Builder::checked);
                } catch (LexiconFormatException e) {
                    problems.addAll(e.problems());
                    continue;
                }
                for (Phrase phrase : phrases) {
                    Pattern pattern = compiler.compile(phrase);
                    Patterns unless = phrase.unless().isEmpty() ? null : compiler.patterns(phrase.unless());
                    Patterns unlessAfter = phrase.unlessAfter().isEmpty() ? null
                            : compiler.patterns(phrase.unlessAfter());
                    Patterns followedBy = phrase.unlessFollowedBy().isEmpty() ? null
                            : compiler.patterns(phrase.unlessFollowedBy());
                    if (pattern == null) {
                        continue;
                    }
                    PhraseFinder.fileByFirstWord(pattern, new Entry(n, pattern, unless, unlessAfter, followedBy),
                            byFirst, rest);
                }
            }
            indexed.add(byFirst);
            unindexed.add(rest.toArray(NONE));
            sizes[list] = lines.size();
        }
        try {
            compiler.failIfProblems();
        } catch (LexiconFormatException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new LexiconFormatException(problems);
        }
        List<IntMap<Group>> byFirst = new ArrayList<>();
        for (Map<Integer, List<Entry>> one : indexed) {
            Map<List<Entry>, Group> shared = new HashMap<>();
            byFirst.add(IntMap.of(one, entries -> shared.computeIfAbsent(entries, Group::new)));
        }
        return new PhraseMatcher(byFirst, unindexed, new WordTable(compiler.words()), sizes);
    }

    /**
     * Writes this matcher's index as it is in memory, to be read back by {@link #read} without compiling the lines
     * again (the commitment lists stored at build time). Internal API.
     */
    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        PhraseFinder.Stored.write(this, out);
    }

    /**
     * The matcher {@link #write} wrote into {@code bytes[at, end)}: the same words by the same numbers, the same
     * phrases in the same order in every table, so it matches exactly what the written one matched. Internal API.
     *
     * @throws RuntimeException when the bytes are not such a matcher
     */
    public static PhraseMatcher read(byte[] bytes, int at, int end) {
        return PhraseFinder.Stored.readMatcher(bytes, at, end);
    }

    /**
     * One line of a list to compile.
     *
     * @param text  the line as written
     * @param where {@code file:line}, for error messages
     */
    public record Line(String text, String where) {
    }

    /** How many lines list {@code list} has. */
    public int size(int list) {
        return sizes[list];
    }

    /**
     * A text's words, each already spelt by {@code fold} and numbered here.
     *
     * @param words     the words, spelt as the matcher's {@code fold} spells
     * @param starts    where each starts in the text
     * @param ends      where each ends
     * @param sentences the sentence each stands in, numbered in order
     */
    public Text text(String[] words, int[] starts, int[] ends, int[] sentences) {
        Token[] tokens = new Token[words.length];
        for (int k = 0; k < words.length; k++) {
            tokens[k] = new Token(words[k], starts[k], ends[k], sentences[k], wordIds.id(words[k]));
        }
        return new Text(tokens);
    }

    /**
     * The longest phrase of list {@code list} matching from word {@code at}, the earliest in the list of those as
     * long, or null; a match one of the line's exceptions cancels does not count.
     */
    public Match longest(Text text, int at, int list) {
        Token[] tokens = text.tokens;
        int bestEnd = -1;
        int bestIndex = Integer.MAX_VALUE;
        Entry[] unindexed = this.unindexed.get(list);
        Group group = byFirstWord.get(list).get(tokens[at].id());
        for (int pass = 0; pass < 3; pass++) {
            Entry[] entries;
            if (pass == 2) {
                entries = unindexed;
            } else if (group == null) {
                continue;
            } else if (pass == 1) {
                entries = group.others;
            } else {
                Entry[] next = at + 1 < tokens.length ? group.bySecondWord.get(tokens[at + 1].id()) : null;
                entries = next == null ? NONE : next;
            }
            for (Entry e : entries) {
                if (e.pattern().maxLength < bestEnd - at || e.pattern().maxLength == bestEnd - at && e.index() > bestIndex) {
                    continue;
                }
                int end = e.pattern().match(tokens, at);
                if (end < 0 || end < bestEnd || end == bestEnd && e.index() > bestIndex) {
                    continue;
                }
                if (e.excepted(tokens, at, end)) {
                    continue;
                }
                bestEnd = end;
                bestIndex = e.index();
            }
        }
        return bestEnd < 0 ? null : new Match(bestIndex, bestEnd);
    }
}
