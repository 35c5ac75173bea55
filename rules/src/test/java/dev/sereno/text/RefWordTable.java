package dev.sereno.text;

/*
 * Frozen copy of the draft reader's WordTable as it was on main at c22dd53 (session 22), before the reader was
 * made faster: the reference ReaderIdentityTest compares the reader with, finding for finding. Not used by the
 * library. Only the class names were changed (Ref prefix). When the reader's behaviour is changed on purpose, change
 * the reference the same way (or replace it with a newer copy) in the same commit.
 */

import java.util.Arrays;
import java.util.List;

/**
 * The words a {@link RefPhraseFinder}'s patterns name, numbered: a word of a text is looked up straight from the folded
 * characters, without making a string of it first. Immutable.
 */
final class RefWordTable {
    static final RefWordTable EMPTY = new RefWordTable(List.of());

    private final char[][] words;
    private final int[] slots;
    /** The hash of the word in each slot, compared before its letters. */
    private final int[] hashes;
    private final int mask;

    /** The word at index i is numbered i. */
    RefWordTable(List<String> words) {
        this.words = new char[words.size()][];
        int size = Integer.highestOneBit(Math.max(1, words.size()) * 2) * 2;
        this.slots = new int[size];
        this.hashes = new int[size];
        this.mask = size - 1;
        Arrays.fill(slots, -1);
        for (int id = 0; id < words.size(); id++) {
            String w = words.get(id);
            this.words[id] = w.toCharArray();
            int h = mix(w.hashCode()) & mask;
            while (slots[h] >= 0) {
                h = (h + 1) & mask;
            }
            slots[h] = id;
            hashes[h] = w.hashCode();
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
            int id = slots[h];
            if (id < 0) {
                return -1;
            }
            if (hashes[h] == hash && same(words[id], text, start, end, apostrophes)) {
                return id;
            }
        }
    }

    /** The number of the word spelt exactly so, or -1. */
    int id(String word) {
        char[] chars = word.toCharArray();
        return id(chars, 0, chars.length, word.hashCode(), false);
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
