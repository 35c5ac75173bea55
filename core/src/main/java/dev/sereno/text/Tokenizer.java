package dev.sereno.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words (letters, digits, inner apostrophes), numbers the sentences they stand in and the
 * quotations («…», “…”, "…", ‘…’, '…') they stand inside. A word is compared folded and without its apostrophes
 * ({@link Folding#word}); its offsets are those of the original text.
 */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<Token> tokens(String original) {
        String folded = Folding.fold(original);
        List<Token> out = new ArrayList<>();
        int sentence = 0;
        int quotes = 0;
        int quote = 0;
        char closer = 0;
        int i = 0;
        int n = folded.length();
        while (i < n) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(folded.charAt(i))
                        || (isApostrophe(folded.charAt(i)) && i + 1 < n && Character.isLetter(folded.charAt(i + 1))))) {
                    i++;
                }
                String word = folded.substring(start, i);
                if (word.indexOf('\'') >= 0 || word.indexOf('\u2019') >= 0) {
                    word = word.replace("'", "").replace("\u2019", "");
                }
                out.add(new Token(word, start, i, sentence, quote));
                continue;
            }
            if (quote != 0 && c == closer) {
                quote = 0;
                closer = 0;
            } else if (quote == 0 && opens(folded, i)) {
                quote = ++quotes;
                closer = closerOf(c);
            } else if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '¡' || c == '¿') {
                sentence++;
            }
            i++;
        }
        return out;
    }

    /** A quotation mark that opens: a straight one only before a word, so a stray one opens nothing. */
    private static boolean opens(String text, int i) {
        char c = text.charAt(i);
        if (c == '\u00ab' || c == '\u201c' || c == '\u201e' || c == '\u2018') {
            return true;
        }
        if (c == '"' || c == '\'') {
            boolean wordFollows = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
            return wordFollows && text.indexOf(c, i + 1) > 0;
        }
        return false;
    }

    private static char closerOf(char opener) {
        return switch (opener) {
            case '\u00ab' -> '\u00bb';
            case '\u201c', '\u201e' -> '\u201d';
            case '\u2018' -> '\u2019';
            default -> opener;
        };
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}
