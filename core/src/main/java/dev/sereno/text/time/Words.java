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
                int apostrophe = text.indexOf('\'');
                String[] read = apostrophe > 0 || text.equals("shall") ? contraction(text) : null;
                if (read != null) {
                    // "we'll": "we" over "we", "will" over "'ll"; "won't": "will" then "not", both over the word
                    int cut = read[0].equals("will") ? i : start + apostrophe;
                    out.add(new Word(read[0], start, cut, sentence, clause));
                    if (read.length > 1) {
                        out.add(new Word(read[1], read[0].equals("will") ? start : cut, i, sentence, clause));
                    }
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

    /**
     * The words an English contraction or "shall" stands for, as the commitment lists are read too
     * ({@link #spelt}): "we'll" is "we will", "won't" "will not", "shall" "will", "you're" "you are", "i'm"
     * "i am", "they've" "they have", "we'd" "we would"; null for any other word. So a list line written
     * "we will call you" or "we'll call you" matches "We'll call you", "We will call you" and "We shall call you".
     * The "'s" of "it's" is left as written (is, has or a possessive), and so are "ill", "well" and "were": they are
     * words of their own.
     */
    static String[] contraction(String word) {
        if (word.equals("shall")) {
            return new String[] {"will"};
        }
        if (word.equals("won't") || word.equals("shan't")) {
            return new String[] {"will", "not"};
        }
        int apostrophe = word.indexOf('\'');
        if (apostrophe <= 0 || word.indexOf('\'', apostrophe + 1) >= 0) {
            return null;
        }
        String base = word.substring(0, apostrophe);
        String ending = switch (word.substring(apostrophe + 1)) {
            case "ll" -> "will";
            case "re" -> "are";
            case "ve" -> "have";
            case "d" -> "would";
            case "m" -> base.equals("i") ? "am" : null;
            default -> null;
        };
        return ending == null ? null : new String[] {base, ending};
    }

    /**
     * A line of a commitment list spelt as {@link #of} reads a draft: each contraction, and "shall", as the words it
     * stands for (see {@link #contraction}); the rest as written.
     */
    static String spelt(String line) {
        if (line.indexOf('\'') < 0 && line.indexOf('\u2019') < 0 && !line.toLowerCase(java.util.Locale.ROOT).contains("shall")) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (String token : line.split(" ", -1)) {
            String[] read = contraction(fold(token));
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(read == null ? token : String.join(" ", read));
        }
        return out.toString();
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
