package dev.sereno.text;

/*
 * Frozen copy of the reader's Contractions as it was on main at 8a1d0ec (session 24), before class entries were indexed
 * differently: the reference ReaderIdentityTest compares the reader with. Not used by the library. Only the class
 * names were changed (Ref prefix).
 */

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * English contractions of a pronoun (or a modal) and a verb read as two words, in a draft and in a list line alike:
 * "we'll" is "we" and the ending "ll", which a list's "will" also matches; so {@code we will} matches "we will" and
 * "we'll", {@code we'll} matches "we'll" only, and "we'll" is never the word "well", "i'll" never "ill", "we're" never
 * "were", "it's" never "its". The endings: 'll (will), 're (are), 've (have), 'd (would, had), 'm (am), 's (is, has,
 * and the us of "let's"). Typed without the apostrophe, only the spellings that
 * are no other word are read so ("youre", "im", "thats"); "well", "ill", "were", "its", "lets" stay the words they
 * are. A possessive ("the customer's") stays one word, and so does a negation: "don't", "dont", "can't", "won't" are
 * one word each, apart from "do not", "cannot", "will not" (the lists' negations are written with them). Internal API.
 */
final class RefContractions {
    /**
     * A contraction split: its first word and its ending, and where the first ends in the written word (the ending
     * covers the rest), so a match reports the words the agent wrote.
     *
     * @param first  the first word, folded
     * @param second the ending without its apostrophe ("ll", "re", "ve", "d", "m", "s"), which a list's "will",
     *               "are", "have", "would"/"had", "am", "is"/"has"/"us" also match
     * @param cut    the number of characters of the written word the first word covers
     */
    record Split(String first, String second, int cut) {
    }

    /** Words whose "'s" is "is": "it's", "that's"; after any other word "'s" is a possessive. */
    private static final Set<String> IS_BASES = Set.of("it", "he", "she", "that", "there", "what", "who", "where",
            "here", "how", "when", "why", "everything", "nothing", "something", "someone", "somebody", "nobody",
            "everyone", "everybody", "this");
    /** Spellings without the apostrophe that are no other word, and how they split. */
    private static final Map<String, Split> WITHOUT_APOSTROPHE = new HashMap<>();
    /** The {@link String#hashCode()} of each of those, for the tokenizer to test a word before making a string of it. */
    private static final int[] HASHES;
    /** A bit per value of the hashes' last ten bits: most words are ruled out by one bit, without a search. */
    private static final long[] HASH_BITS = new long[16];

    static {
        String[][] pronouns = {
            {"youre", "you", "re"}, {"theyre", "they", "re"}, {"im", "i", "m"}, {"ive", "i", "ve"},
            {"youve", "you", "ve"}, {"weve", "we", "ve"}, {"theyve", "they", "ve"}, {"youll", "you", "ll"},
            {"theyll", "they", "ll"}, {"thats", "that", "s"}, {"whats", "what", "s"}, {"theres", "there", "s"},
            {"youd", "you", "d"}, {"theyd", "they", "d"}, {"wouldve", "would", "ve"},
            {"couldve", "could", "ve"}, {"shouldve", "should", "ve"},
        };
        for (String[] p : pronouns) {
            WITHOUT_APOSTROPHE.put(p[0], new Split(p[1], p[2], p[1].length()));
        }
        HASHES = WITHOUT_APOSTROPHE.keySet().stream().mapToInt(String::hashCode).sorted().toArray();
        for (int h : HASHES) {
            HASH_BITS[(h & 1023) >> 6] |= 1L << h;
        }
    }

    /**
     * The words a contracted ending stands for: a plain word of a list matches its contraction too ("will" matches
     * the "'ll" of "we'll"), while a contraction written in a list matches only a contraction.
     */
    private static final Map<String, String> ENDING_OF = Map.of("will", "ll", "are", "re", "have", "ve", "would", "d",
            "had", "d", "am", "m", "is", "s", "has", "s", "us", "s");

    private RefContractions() {
    }

    /**
     * Whether a word without apostrophes of this {@link String#hashCode()} may be a contraction: a quick test before
     * {@link #split(String)}.
     */
    static boolean mayBeWithoutApostrophe(int hash) {
        return (HASH_BITS[(hash & 1023) >> 6] & 1L << hash) != 0 && java.util.Arrays.binarySearch(HASHES, hash) >= 0;
    }

    /** The contracted ending a word of a list also matches ("ll" for "will"), or null. */
    static String endingOf(String word) {
        return ENDING_OF.get(word);
    }

    /**
     * The words a folded word stands for when it is a contraction ({@code we'll}, {@code don’t}, {@code dont}), or
     * null.
     */
    static Split split(String folded) {
        int apostrophe = -1;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '\'' || c == '\u2019') {
                if (apostrophe >= 0) {
                    return null;
                }
                apostrophe = i;
            }
        }
        if (apostrophe < 0) {
            return WITHOUT_APOSTROPHE.get(folded);
        }
        String base = folded.substring(0, apostrophe);
        String rest = folded.substring(apostrophe + 1);
        if (base.isEmpty() || rest.isEmpty()) {
            return null;
        }
        String second = switch (rest) {
            case "ll", "re", "ve", "d" -> rest;
            case "m" -> base.equals("i") ? rest : null;
            case "s" -> base.equals("let") || IS_BASES.contains(base) ? rest : null;
            default -> null;
        };
        return second == null ? null : new Split(base, second, base.length());
    }
}
