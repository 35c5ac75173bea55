package dev.sereno.text;

/*
 * Frozen copy of the reader's Token as it was on main at 8a1d0ec (session 24), before class entries were indexed
 * differently: the reference ReaderIdentityTest compares the reader with. Not used by the library. Only the class
 * names were changed (Ref prefix).
 */

/**
 * A word of the text: where it stands in the original, which sentence it belongs to, which quotation (numbered from
 * 1 in order of appearance; 0 when the word is not between quotation marks), and its number among the words a
 * {@link RefPhraseFinder}'s patterns name (-1 when they name no such word). Its folded form is made only when asked for.
 */
final class RefToken {
    private final char[] folded;
    private final int start;
    private final int end;
    private final int sentence;
    private final int quote;
    private final int id;
    private String word;

    /** @param folded the whole text folded, which the word is a stretch of */
    RefToken(char[] folded, int start, int end, int sentence, int quote, int id) {
        this.folded = folded;
        this.start = start;
        this.end = end;
        this.sentence = sentence;
        this.quote = quote;
        this.id = id;
    }

    /** A word that stands for another: a part of a contraction ("we'll" is "we" then "will"), spelt as it stands for. */
    RefToken(String word, char[] folded, int start, int end, int sentence, int quote, int id) {
        this(folded, start, end, sentence, quote, id);
        this.word = word;
    }

    /** A word another reader has already spelt ({@code word}), matched as it is: its prefixes compare with it. */
    RefToken(String word, int start, int end, int sentence, int id) {
        this(null, start, end, sentence, 0, id);
        this.word = word;
    }

    /** The word folded and without its apostrophes. */
    String folded() {
        if (word == null) {
            StringBuilder b = new StringBuilder(end - start);
            for (int k = start; k < end; k++) {
                if (folded[k] != '\'' && folded[k] != '\u2019') {
                    b.append(folded[k]);
                }
            }
            word = b.toString();
        }
        return word;
    }

    /** Whether the folded word starts with {@code prefix}, without making a string of it when it has no apostrophe. */
    boolean startsWith(String prefix) {
        if (word != null) {
            return word.startsWith(prefix);
        }
        int n = prefix.length();
        if (n > end - start) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char c = folded[start + k];
            if (c == '\'' || c == '\u2019') {
                return folded().startsWith(prefix);
            }
            if (c != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first two letters of the folded word as one number ({@code RefPhraseFinder}'s index of prefixes), or -1 for a
     * word of one letter.
     */
    int firstTwoLetters() {
        if (word == null && end - start >= 2 && folded[start + 1] != '\'' && folded[start + 1] != '\u2019') {
            return (folded[start] << 16 | folded[start + 1]) & Integer.MAX_VALUE;
        }
        String w = folded();
        return w.length() < 2 ? -1 : (w.charAt(0) << 16 | w.charAt(1)) & Integer.MAX_VALUE;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int sentence() {
        return sentence;
    }

    int quote() {
        return quote;
    }

    int id() {
        return id;
    }
}
