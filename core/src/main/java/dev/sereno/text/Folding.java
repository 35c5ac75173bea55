package dev.sereno.text;

import java.text.Normalizer;

/**
 * Folds text for matching: lower case, accents removed (ñ stays ñ), one character out for each character in, so an offset in
 * the folded text is the same offset in the original and a match can be reported as the words the agent wrote.
 * Internal API: the time reader uses it too.
 */
public final class Folding {
    private static final char[] TABLE = new char[0x2000];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            TABLE[c] = foldSlow(c);
        }
    }

    private Folding() {
    }

    public static String fold(CharSequence text) {
        return new String(foldToChars(text));
    }

    static char[] foldToChars(CharSequence text) {
        // a string's characters copied at once, then folded in place
        char[] out = text instanceof String s ? s.toCharArray() : text.toString().toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            out[i] = c < TABLE.length ? TABLE[c] : Character.toLowerCase(c);
        }
        return out;
    }

    /**
     * One word as words are compared: folded, and without apostrophes, so "don't", "dont" and "don’t" are the same
     * word to a phrase and to the text.
     */
    static String word(CharSequence text) {
        String folded = fold(text);
        if (folded.indexOf('\'') < 0 && folded.indexOf('\u2019') < 0) {
            return folded;
        }
        return folded.replace("'", "").replace("\u2019", "");
    }

    private static char foldSlow(char c) {
        if (Character.isSurrogate(c)) {
            return c;
        }
        // ñ is a letter of its own, not an accented n: "año" is not "ano", "coño" is not "cono"
        if (c == '\u00f1' || c == '\u00d1') {
            return '\u00f1';
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
        return Character.toLowerCase(base);
    }
}
