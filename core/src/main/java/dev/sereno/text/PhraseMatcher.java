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
    private static final Entry[] NONE = new Entry[0];
    /** Words between a line's {@code -- unless-after:} phrase and its match, as a phrase list's default. */
    private static final int REACH = PhraseList.DEFAULT_WITHIN + 1;

    private record Entry(int index, Pattern pattern, Patterns unless, Patterns unlessAfter) {
        boolean excepted(Token[] tokens, int start, int end) {
            return unless != null && PhraseFinder.overlapped(unless, tokens, start, end)
                    || unlessAfter != null && PhraseFinder.cancelledBefore(unlessAfter, REACH, tokens, start);
        }
    }

    /** The phrases that may start with one word, by the word that must follow when one must. */
    private static final class Group {
        private final IntMap<Entry[]> bySecondWord;
        private final Entry[] others;

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

    private final IntMap<Group> byFirstWord;
    private final Entry[] unindexed;
    private final WordTable wordIds;
    private final int size;

    private PhraseMatcher(IntMap<Group> byFirstWord, Entry[] unindexed, WordTable wordIds, int size) {
        this.byFirstWord = byFirstWord;
        this.unindexed = unindexed;
        this.wordIds = wordIds;
        this.size = size;
    }

    /**
     * Compiles lines written in the pattern language.
     *
     * @param lines      each line as written, with where it was read ({@code file:line}), in order of preference:
     *                   of two matches as long, the earlier line's wins
     * @param lexicon    where {@code {CLASS}} entries are defined (its phrase lists are not used)
     * @param morphology the dictionary for {@code <word>}; null when the language has none
     * @param fold       how this reader spells a plain word, as it spells the words of a text
     * @throws LexiconFormatException with every line that cannot be read or compiled, each naming its file:line
     */
    public static PhraseMatcher compile(List<Line> lines, Lexicon lexicon, Morphology morphology,
                                        UnaryOperator<String> fold) {
        Compiler compiler = new Compiler(lexicon, morphology, fold);
        List<String> problems = new ArrayList<>();
        Map<Integer, List<Entry>> indexed = new HashMap<>();
        List<Entry> rest = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            Line line = lines.get(n);
            Phrase phrase;
            try {
                phrase = Lexicon.Builder.checked(Phrase.parse(line.text(), line.where(), fold));
            } catch (LexiconFormatException e) {
                problems.addAll(e.problems());
                continue;
            }
            Pattern pattern = compiler.compile(phrase);
            Patterns unless = phrase.unless().isEmpty() ? null : compiler.patterns(phrase.unless());
            Patterns unlessAfter = phrase.unlessAfter().isEmpty() ? null : compiler.patterns(phrase.unlessAfter());
            if (pattern == null) {
                continue;
            }
            Entry e = new Entry(n, pattern, unless, unlessAfter);
            WordSet first = pattern.firstWords();
            if (first == null) {
                rest.add(e);
            } else {
                for (int w : first.ids()) {
                    indexed.computeIfAbsent(w, k -> new ArrayList<>()).add(e);
                }
            }
        }
        try {
            compiler.failIfProblems();
        } catch (LexiconFormatException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new LexiconFormatException(problems);
        }
        Map<List<Entry>, Group> shared = new HashMap<>();
        IntMap<Group> byFirst = IntMap.of(indexed, entries -> shared.computeIfAbsent(entries, Group::new));
        return new PhraseMatcher(byFirst, rest.toArray(NONE), new WordTable(compiler.words()), lines.size());
    }

    /**
     * One line of a list to compile.
     *
     * @param text  the line as written
     * @param where {@code file:line}, for error messages
     */
    public record Line(String text, String where) {
    }

    /** How many phrases were compiled. */
    public int size() {
        return size;
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
     * The longest phrase matching from word {@code at}, the earliest in the list of those as long, or null; a
     * match one of the line's exceptions cancels does not count.
     */
    public Match longest(Text text, int at) {
        Token[] tokens = text.tokens;
        int bestEnd = -1;
        int bestIndex = Integer.MAX_VALUE;
        Group group = byFirstWord.get(tokens[at].id());
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
