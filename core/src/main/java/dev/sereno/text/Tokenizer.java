package dev.sereno.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words (letters, digits, inner apostrophes) and numbers the sentences they stand in. A word is
 * compared folded and without its apostrophes ({@link Folding#word}); its offsets are those of the original text.
 */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<Token> tokens(String original) {
        String folded = Folding.fold(original);
        List<Token> out = new ArrayList<>();
        int sentence = 0;
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
                out.add(new Token(word, start, i, sentence));
            } else {
                if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '¡' || c == '¿') {
                    sentence++;
                }
                i++;
            }
        }
        return out;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}
