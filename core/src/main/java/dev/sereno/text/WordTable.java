package dev.sereno.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words a {@link PhraseFinder}'s patterns name, numbered: a word of a text is looked up straight from the folded
 * characters, without making a string of it first. Immutable.
 */
final class WordTable {
    static final WordTable EMPTY = new WordTable(List.of());

    private final char[][] words;
    /**
     * Two longs a slot: the hash of its word (high half), compared before its letters, and the word's number plus one
     * (low half; 0 for an empty slot); then the word's letters packed ({@link #pack}), or {@link #LONG} when they do
     * not fit. A word of up to eight Latin letters is thus checked within the slot's cache line, without reading its
     * letters from elsewhere in the heap (the table holds every form of every dictionary word: 100,000 words whose
     * letters are seldom in the cache).
     */
    private final long[] slots;
    private final int mask;
    /** The letters of a word that does not fit in a long: compared in full. */
    private static final long LONG = -1;
    /** How the language's agents type ({@link Spellings}): the typed shorthand and what it stands for. */
    private final Map<String, String[]> shorthand;
    /** A bit per value of the shorthand's hashes' last ten bits: most words are ruled out by one bit. */
    private final long[] shorthandBits = new long[16];
    /** The shortest run of one letter read as that letter once; 0 when off. */
    private final int minRun;
    /** A mask character ({@code *}, {@code 1}…) to the letters it may hide ("*": any); empty when masks are not read. */
    private final Map<Character, String> maskLetters;
    /** The one-word entries of the masked classes, by length: the words a masked word may hide. */
    private final Map<Integer, List<String>> maskWords;
    /** The words a mask is read as when it fits one of them and others. */
    private final Set<String> preferred;

    /** The word at index i is numbered i. */
    WordTable(List<String> words) {
        this(words, Spellings.NONE, null, null);
    }

    /**
     * As {@link #WordTable(List)}, each word put in the slot {@code placed} gives it, as {@link #placed()} gave them: the
     * table a stored {@link PhraseMatcher} was written with.
     *
     * @throws IllegalArgumentException when {@code placed} is not a placing of these words
     */
    WordTable(List<String> words, int[] placed) {
        this(words, placed, Spellings.NONE, null, null);
    }

    /**
     * The word at index i is numbered i; the text's words are read with the lexicon's {@link Spellings}, masks
     * resolved against the one-word entries (with their dictionary forms) of the classes the spellings name.
     */
    WordTable(List<String> words, Lexicon lexicon, Morphology morphology) {
        this(words, null, lexicon.spellings(), lexicon, morphology);
    }

    /**
     * As {@link #WordTable(List, Lexicon, Morphology)}, each word put in the slot {@code placed} gives it (the number
     * of the word in each slot, -1 for none, as {@link #placed()} gave them), without looking for a free one: the
     * table is the one {@code placed} was taken from.
     *
     * @throws IllegalArgumentException when {@code placed} is not a placing of these words
     */
    WordTable(List<String> words, int[] placed, Lexicon lexicon, Morphology morphology) {
        this(words, placed, lexicon.spellings(), lexicon, morphology);
    }

    private WordTable(List<String> words, Spellings spellings, Lexicon lexicon, Morphology morphology) {
        this(words, null, spellings, lexicon, morphology);
    }

    private WordTable(List<String> words, int[] placed, Spellings spellings, Lexicon lexicon, Morphology morphology) {
        this(words, placed, spellings, lexicon == null ? Map.of() : maskIndex(spellings, lexicon, morphology));
    }

    /**
     * As {@link #WordTable(List, int[], Lexicon, Morphology)}, with the words masks may hide as {@link #maskWords()}
     * gave them: the table a stored {@link PhraseFinder} was written with, made without the lexicon it was compiled
     * from (whose making a start that reads stored lists and finders does without).
     *
     * @param placed    null to place the words afresh
     * @param spellings the spellings of the lexicon the table was made for
     * @throws IllegalArgumentException when {@code placed} is not a placing of these words
     */
    WordTable(List<String> words, int[] placed, Spellings spellings, Map<Integer, List<String>> maskWords) {
        this.shorthand = spellings.shorthand;
        for (String typed : shorthand.keySet()) {
            int h = typed.hashCode();
            shorthandBits[(h & 1023) >> 6] |= 1L << h;
        }
        this.minRun = spellings.minRun;
        this.maskWords = maskWords;
        this.maskLetters = maskWords.isEmpty() ? Map.of() : spellings.maskLetters;
        this.preferred = spellings.preferred;
        this.words = new char[words.size()][];
        int size = Integer.highestOneBit(Math.max(1, words.size()) * 2) * 2;
        this.slots = new long[2 * size];
        this.mask = size - 1;
        if (placed != null) {
            place(words, placed);
            return;
        }
        for (int id = 0; id < words.size(); id++) {
            String w = words.get(id);
            this.words[id] = w.toCharArray();
            int h = mix(w.hashCode()) & mask;
            while (slots[2 * h] != 0) {
                h = (h + 1) & mask;
            }
            slots[2 * h] = (long) w.hashCode() << 32 | (id + 1);
            slots[2 * h + 1] = pack(this.words[id], 0, this.words[id].length, false);
        }
    }

    /**
     * Fills the slots as {@link #placed()} gave them: word by word, each in its slot, so that a word's letters are read
     * where they were just made and only the slot is far away.
     */
    private void place(List<String> words, int[] placed) {
        if (placed.length != slots.length / 2) {
            throw new IllegalArgumentException("not a placing of " + words.size() + " words");
        }
        int[] slotOf = new int[words.size()];
        java.util.Arrays.fill(slotOf, -1);
        for (int h = 0; h < placed.length; h++) {
            int id = placed[h];
            if (id >= 0) {
                if (slotOf[id] >= 0) {
                    throw new IllegalArgumentException("a word placed twice: " + id);
                }
                slotOf[id] = h;
            }
        }
        for (int id = 0; id < slotOf.length; id++) {
            int h = slotOf[id];
            if (h < 0) {
                throw new IllegalArgumentException("a word not placed: " + id);
            }
            String word = words.get(id);
            char[] w = word.toCharArray();
            this.words[id] = w;
            slots[2 * h] = (long) word.hashCode() << 32 | (id + 1);
            slots[2 * h + 1] = pack(w, 0, w.length, false);
        }
    }

    /** The words, the word numbered i at index i: what a store writes to make this table again. */
    String[] words() {
        String[] out = new String[words.length];
        for (int id = 0; id < out.length; id++) {
            out[id] = new String(words[id]);
        }
        return out;
    }

    /** The number of the word in each slot, -1 for none: the table's layout, for {@link #WordTable(List, int[], Lexicon, Morphology)}. */
    int[] placed() {
        int[] out = new int[slots.length / 2];
        for (int h = 0; h < out.length; h++) {
            out[h] = (int) slots[2 * h] - 1;
        }
        return out;
    }

    /**
     * The number of the word in {@code text[start, end)} leaving out apostrophes, or -1; {@code hash} is its
     * {@link String#hashCode()} (without the apostrophes), worked out while it was read.
     */
    int id(char[] text, int start, int end, int hash, boolean apostrophes) {
        if (words.length == 0) {
            return -1;
        }
        long packed = Long.MIN_VALUE;
        for (int h = mix(hash) & mask; ; h = (h + 1) & mask) {
            long slot = slots[2 * h];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == hash) {
                if (packed == Long.MIN_VALUE) {
                    packed = pack(text, start, end, apostrophes);
                }
                long letters = slots[2 * h + 1];
                int id = (int) slot - 1;
                if (letters != LONG ? letters == packed : same(words[id], text, start, end, apostrophes)) {
                    return id;
                }
            }
        }
    }

    /** The number of the word spelt exactly so, or -1. */
    int id(String word) {
        if (words.length == 0) {
            return -1;
        }
        int hash = word.hashCode();
        for (int h = mix(hash) & mask; ; h = (h + 1) & mask) {
            long slot = slots[2 * h];
            if (slot == 0) {
                return -1;
            }
            int id = (int) slot - 1;
            if ((int) (slot >>> 32) == hash && same(words[id], word)) {
                return id;
            }
        }
    }

    private static boolean same(char[] word, String text) {
        if (word.length != text.length()) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (word[k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(char[] word, char[] text, int start, int end, boolean apostrophes) {
        if (!apostrophes) {
            if (word.length != end - start) {
                return false;
            }
            // words are short: a plain loop beats the vectorised comparison's set-up
            for (int k = 0; k < word.length; k++) {
                if (word[k] != text[start + k]) {
                    return false;
                }
            }
            return true;
        }
        int n = 0;
        for (int k = start; k < end; k++) {
            char c = text[k];
            if (c == '\'' || c == '\u2019') {
                continue;
            }
            if (n >= word.length || word[n++] != c) {
                return false;
            }
        }
        return n == word.length;
    }

    /**
     * The letters of {@code text[start, end)}, apostrophes left out when {@code apostrophes}, a byte each in one long
     * when there are one to eight and each is below U+0100 (none is U+0000, so no two words pack alike); else
     * {@link #LONG}.
     */
    private static long pack(char[] text, int start, int end, boolean apostrophes) {
        long out = 0;
        int n = 0;
        for (int k = start; k < end; k++) {
            char c = text[k];
            if (apostrophes && (c == '\'' || c == '\u2019')) {
                continue;
            }
            if (c == 0 || c > 0xFF || n == 8) {
                return LONG;
            }
            out = out << 8 | c;
            n++;
        }
        return n == 0 ? LONG : out;
    }

    /**
     * The words a mask may hide: each one-word entry of the masked classes, a {@code <word>} by its forms; a word
     * with a wildcard or a class of its own is left out. Built once, when the lists are compiled.
     */
    private static Map<Integer, List<String>> maskIndex(Spellings spellings, Lexicon lexicon, Morphology morphology) {
        if (spellings.maskLetters.isEmpty()) {
            return Map.of();
        }
        Set<String> all = new LinkedHashSet<>();
        for (String name : spellings.maskClasses) {
            for (Phrase p : lexicon.classes().getOrDefault(name, List.of())) {
                List<String> ws = p.unanchored();
                if (ws.size() != 1) {
                    continue;
                }
                String w = ws.get(0);
                if (Phrase.isLemma(w)) {
                    if (morphology != null) {
                        all.addAll(morphology.forms(Phrase.inside(w)));
                    }
                } else if (!Phrase.isClass(w) && w.indexOf('*') < 0) {
                    all.add(Folding.word(w));
                }
            }
        }
        Map<Integer, List<String>> out = new HashMap<>();
        for (String w : all) {
            out.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        }
        return out;
    }

    /** The words masks may hide, by length: what a store writes to make this table again without the lexicon. */
    Map<Integer, List<String>> maskWords() {
        return maskWords;
    }

    /** Whether the text's words are read for masks at all. */
    boolean readsMasks() {
        return !maskLetters.isEmpty();
    }

    /** Whether {@code c} may stand inside a masked word for a letter ({@code *}, {@code @}…; digits are letters). */
    boolean isMaskSign(char c) {
        return c != '\'' && !maskLetters.isEmpty() && maskLetters.containsKey(c);
    }

    /**
     * The one word of the masked classes that {@code text[start, end)} fits, each letter as written and each mask
     * character in place of a letter it may hide ("f*ck", "m1erda"); of several, the one the spellings prefer; null
     * when none fits, or several and none preferred, or the word has fewer than two letters of its own.
     */
    String unmask(char[] text, int start, int end) {
        List<String> candidates = maskWords.get(end - start);
        if (candidates == null) {
            return null;
        }
        int letters = 0;
        boolean masked = false;
        for (int k = start; k < end; k++) {
            char c = text[k];
            if (maskLetters.containsKey(c)) {
                masked = true;
            } else if (Character.isLetter(c)) {
                letters++;
            } else {
                return null;
            }
        }
        if (!masked || letters < 2) {
            return null;
        }
        String found = null;
        String preferred = null;
        boolean several = false;
        for (String w : candidates) {
            if (fits(w, text, start, end)) {
                several |= found != null && !found.equals(w);
                found = w;
                if (this.preferred.contains(w)) {
                    if (preferred != null && !preferred.equals(w)) {
                        return null;
                    }
                    preferred = w;
                }
            }
        }
        return several ? preferred : found;
    }

    private boolean fits(String word, char[] text, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text[k];
            char w = word.charAt(k - start);
            String hides = maskLetters.get(c);
            if (hides == null ? c != w : !Character.isLetter(w) || !hides.equals("*") && hides.indexOf(w) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The shortest run of one letter read once, or 0 when stretched letters are read as written. */
    int minRun() {
        return minRun;
    }

    /**
     * The word a stretched one stands for: each run of {@link #minRun} or more of one letter read once ("nooo" is
     * "no"), or twice when only that is a word of the lists ("cooool" is "cool" for a list naming "cool").
     */
    String unstretch(char[] text, int start, int end) {
        StringBuilder once = new StringBuilder(end - start);
        StringBuilder twice = new StringBuilder(end - start);
        int k = start;
        while (k < end) {
            char c = text[k];
            int r = k;
            while (r < end && text[r] == c) {
                r++;
            }
            int run = r - k;
            if (run >= minRun && Character.isLetter(c)) {
                once.append(c);
                twice.append(c).append(c);
            } else {
                for (int m = k; m < r; m++) {
                    if (c != '\'' && c != '\u2019') {
                        once.append(c);
                        twice.append(c);
                    }
                }
            }
            k = r;
        }
        String one = once.toString();
        String two = twice.toString();
        return id(one) < 0 && id(two) >= 0 ? two : one;
    }

    /** The words a typed shorthand stands for ("xq": "porque"), or null; {@code hash} is its String hash. */
    String[] shorthand(char[] text, int start, int end, int hash) {
        if (shorthand.isEmpty() || (shorthandBits[(hash & 1023) >> 6] & 1L << hash) == 0) {
            return null;
        }
        return shorthand.get(new String(text, start, end - start));
    }

    /** The words a typed shorthand stands for, or null. */
    String[] shorthand(String word) {
        return shorthand.isEmpty() ? null : shorthand.get(word);
    }

    boolean readsShorthand() {
        return !shorthand.isEmpty();
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
