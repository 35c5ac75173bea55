package dev.sereno.text;

import java.util.Arrays;

/**
 * Where a text quotes someone («…», “…”, „…“, ‘…’, and straight "…" or '…' opened before a word and closed later),
 * read as the {@link Tokenizer} reads them: an apostrophe inside a word ("we'll") neither opens nor closes one.
 */
public final class Quotations {
    private static final int[] NONE = new int[0];

    private Quotations() {
    }

    /**
     * The quotations of {@code text} that are closed, as pairs of offsets {@code [start, end)} in a flat array
     * ({@code start} at the opening mark, {@code end} after the closing one), in order; empty when there is none.
     */
    public static int[] of(String text) {
        char[] folded = Folding.foldToChars(text);
        int[] out = NONE;
        int count = 0;
        int open = -1;
        char closer = 0;
        for (int i = 0; i < folded.length; i++) {
            char c = folded[i];
            if (Character.isLetterOrDigit(c) || inWord(folded, i)) {
                continue;
            }
            if (open >= 0 && c == closer) {
                if (count + 2 > out.length) {
                    out = Arrays.copyOf(out, Math.max(4, out.length * 2));
                }
                out[count++] = open;
                out[count++] = i + 1;
                open = -1;
            } else if (open < 0 && opens(folded, i)) {
                open = i;
                closer = closerOf(c);
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** Whether {@code [start, end)} lies inside one of the {@code quotations} ({@link #of}). */
    public static boolean inside(int[] quotations, int start, int end) {
        for (int k = 0; k < quotations.length; k += 2) {
            if (quotations[k] < start && end <= quotations[k + 1]) {
                return true;
            }
        }
        return false;
    }

    /** A quotation mark that opens: a straight one only before a word, so a stray one opens nothing. */
    static boolean opens(char[] text, int i) {
        char c = text[i];
        if (c == '\u00ab' || c == '\u201c' || c == '\u201e' || c == '\u2018') {
            return true;
        }
        if (c == '"' || c == '\'') {
            boolean wordFollows = i + 1 < text.length && Character.isLetterOrDigit(text[i + 1]);
            return wordFollows && closedLater(text, c, i + 1);
        }
        return false;
    }

    static char closerOf(char opener) {
        return switch (opener) {
            case '\u00ab' -> '\u00bb';
            case '\u201c', '\u201e' -> '\u201d';
            case '\u2018' -> '\u2019';
            default -> opener;
        };
    }

    /** An apostrophe between two letters or digits belongs to its word ("we'll", "l'eau"). */
    private static boolean inWord(char[] text, int i) {
        char c = text[i];
        return (c == '\'' || c == '\u2019') && i > 0 && i + 1 < text.length
                && Character.isLetterOrDigit(text[i - 1]) && Character.isLetterOrDigit(text[i + 1]);
    }

    private static boolean closedLater(char[] text, char c, int from) {
        for (int k = from; k < text.length; k++) {
            if (text[k] == c) {
                return true;
            }
        }
        return false;
    }
}
