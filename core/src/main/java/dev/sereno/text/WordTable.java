package dev.sereno.text;

import java.util.List;

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

    /** The word at index i is numbered i. */
    WordTable(List<String> words) {
        this.words = new char[words.size()][];
        int size = Integer.highestOneBit(Math.max(1, words.size()) * 2) * 2;
        this.slots = new long[2 * size];
        this.mask = size - 1;
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

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
