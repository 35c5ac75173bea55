package dev.sereno.text.time;

import dev.sereno.text.Folding;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a text for reading times and commitments: folded (lower case, no accents, one character out for
 * each character in, so offsets are the original's), with the sentence and the clause each stands in. A clock
 * time ("10:30", "10.30", "17h", "3pm") is one word; "a.m." and "p.m." read as "am" and "pm".
 */
final class Words {
    /** One word: its folded text, where it stands in the original, its sentence and clause numbers. */
    record Word(String text, int start, int end, int sentence, int clause) {
    }

    /** The words of a text as parallel arrays, for a {@link dev.sereno.text.PhraseMatcher}. */
    record Spelt(String[] texts, int[] starts, int[] ends, int[] sentences) {
        static Spelt of(List<Word> words) {
            int n = words.size();
            String[] texts = new String[n];
            int[] starts = new int[n];
            int[] ends = new int[n];
            int[] sentences = new int[n];
            for (int k = 0; k < n; k++) {
                Word w = words.get(k);
                texts[k] = w.text();
                starts[k] = w.start();
                ends[k] = w.end();
                sentences[k] = w.sentence();
            }
            return new Spelt(texts, starts, ends, sentences);
        }
    }

    private Words() {
    }

    /** {@link Character#isLetterOrDigit(char)} for the characters of the European scripts, looked up. */
    private static final boolean[] LETTER_OR_DIGIT = new boolean[0x3000];

    static {
        for (char c = 0; c < LETTER_OR_DIGIT.length; c++) {
            LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
        }
    }

    /** Folded as the phrase lists fold ({@link Folding}), and besides "ñ" read as "n" and "’" as "'". */
    static String fold(CharSequence text) {
        String folded = Folding.fold(text);
        if (folded.indexOf('\u00f1') < 0 && folded.indexOf('\u2019') < 0) {
            return folded;
        }
        return folded.replace('\u00f1', 'n').replace('\u2019', '\'');
    }

    private static boolean isLetterOrDigit(char c) {
        return c < LETTER_OR_DIGIT.length ? LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c);
    }

    static List<Word> of(String original) {
        String f = fold(original);
        List<Word> out = new ArrayList<>();
        int sentence = 0;
        int clause = 0;
        int n = f.length();
        int i = 0;
        while (i < n) {
            char c = f.charAt(i);
            if (isLetterOrDigit(c)) {
                int start = i;
                while (i < n && partOfWord(f, i)) {
                    i++;
                }
                String text = f.substring(start, i);
                // "a.m." / "p.m.": one word "am" / "pm"
                if ((text.equals("a") || text.equals("p")) && i + 2 < n + 1 && f.startsWith(".m", i)) {
                    int end = i + 2 < n && f.charAt(i + 2) == '.' ? i + 3 : i + 2;
                    out.add(new Word(text + "m", start, i + 2, sentence, clause));
                    i = end;
                    continue;
                }
                out.add(new Word(text, start, i, sentence, clause));
            } else {
                if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '¡' || c == '¿') {
                    sentence++;
                    clause++;
                } else if (c == ',' || c == ':' || c == '(' || c == ')' || c == '—' || c == '–') {
                    clause++;
                }
                i++;
            }
        }
        return out;
    }

    /** Letters and digits, an apostrophe inside a word, and ':' or '.' between digits (a clock time). */
    private static boolean partOfWord(String f, int i) {
        char c = f.charAt(i);
        if (isLetterOrDigit(c)) {
            return true;
        }
        boolean between = i > 0 && i + 1 < f.length();
        if (c == '\'' && between && Character.isLetter(f.charAt(i - 1)) && Character.isLetter(f.charAt(i + 1))) {
            return true;
        }
        return (c == ':' || c == '.') && between && Character.isDigit(f.charAt(i - 1))
                && Character.isDigit(f.charAt(i + 1));
    }
}
