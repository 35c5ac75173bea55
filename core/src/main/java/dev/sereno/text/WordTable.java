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
     * Each slot holds the hash of its word (high half), compared before its letters, and the word's number plus one
     * (low half; 0 for an empty slot): one read per probe.
     */
    private final long[] slots;
    private final int mask;

    /** The word at index i is numbered i. */
    WordTable(List<String> words) {
        this.words = new char[words.size()][];
        int size = Integer.highestOneBit(Math.max(1, words.size()) * 2) * 2;
        this.slots = new long[size];
        this.mask = size - 1;
        for (int id = 0; id < words.size(); id++) {
            String w = words.get(id);
            this.words[id] = w.toCharArray();
            int h = mix(w.hashCode()) & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = (long) w.hashCode() << 32 | (id + 1);
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
        for (int h = mix(hash) & mask; ; h = (h + 1) & mask) {
            long slot = slots[h];
            if (slot == 0) {
                return -1;
            }
            int id = (int) slot - 1;
            if ((int) (slot >>> 32) == hash && same(words[id], text, start, end, apostrophes)) {
                return id;
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
            long slot = slots[h];
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

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
