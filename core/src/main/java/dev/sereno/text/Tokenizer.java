package dev.sereno.text;

import java.util.Arrays;
import java.util.List;

/**
 * Splits text into words (letters, digits, inner apostrophes), numbers the sentences they stand in and the
 * quotations («…», “…”, "…", ‘…’, '…') they stand inside. A word is compared folded and without its apostrophes
 * ({@link Folding#word}); its offsets are those of the original text. An English contraction is the two words it
 * stands for ({@link Contractions}): "we'll" is "we" then "will", never "well". How the language's agents type
 * ({@link Spellings}, carried by the {@link WordTable}) is read too: a shorthand is the words it stands for ("xq" is
 * "porque", "gonna" is "going" then "to", each covering the typed word), a letter stretched for emphasis is read once
 * ("nooo" is "no"), a masked word is the one insult or profanity it fits ("f*ck", "m1erda"). A shorthand of one
 * letter typed in capitals is read only as a sentence's first word: "Modelo X", "tipo Q" and "Plan U" stay as written.
 */
final class Tokenizer {
    /** {@link Character#isLetterOrDigit(char)} for the characters of the European scripts, looked up. */
    private static final boolean[] LETTER_OR_DIGIT = new boolean[0x3000];

    static {
        for (char c = 0; c < LETTER_OR_DIGIT.length; c++) {
            LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
        }
    }

    private Tokenizer() {
    }

    static List<Token> tokens(String original) {
        return Arrays.asList(tokens(original, WordTable.EMPTY));
    }

    /** The words of the text, each numbered as in {@code words} (-1 for a word not there). */
    static Token[] tokens(String original, WordTable words) {
        char[] folded = Folding.foldToChars(original);
        // about one word in five characters or more: the array seldom has to grow
        Token[] out = new Token[Math.max(16, folded.length / 4)];
        int count = 0;
        int sentence = 0;
        int quotes = 0;
        int quote = 0;
        char closer = 0;
        int i = 0;
        int n = folded.length;
        while (i < n) {
            char c = folded[i];
            if (isLetterOrDigit(c)) {
                int start = i;
                boolean apostrophes = false;
                int hash = 0;
                // how agents type (Spellings): a letter stretched, a mask sign or a digit among letters
                int minRun = words.minRun();
                boolean masks = words.readsMasks();
                char previous = 0;
                int run = 0;
                boolean stretched = false;
                boolean digits = false;
                int sign = -1;
                int hashAtSign = 0;
                while (i < n) {
                    char d = folded[i];
                    if (isLetterOrDigit(d)) {
                        hash = 31 * hash + d;
                        if (d == previous) {
                            stretched |= ++run >= minRun && minRun > 0 && d > '9';
                        } else {
                            previous = d;
                            run = 1;
                        }
                        digits |= d >= '0' && d <= '9';
                        i++;
                    } else if (isApostrophe(d) && i + 1 < n && Character.isLetter(folded[i + 1])) {
                        apostrophes = true;
                        previous = 0;
                        i++;
                    } else if (masks && words.isMaskSign(d) && i + 1 < n
                            && (isLetterOrDigit(folded[i + 1]) || words.isMaskSign(folded[i + 1]))) {
                        if (sign < 0) {
                            sign = i;
                            hashAtSign = hash;
                        }
                        hash = 31 * hash + d;
                        previous = 0;
                        i++;
                    } else {
                        break;
                    }
                }
                if (count + 4 >= out.length) {
                    out = Arrays.copyOf(out, Math.max(16, count * 2));
                }
                if ((sign >= 0 || digits) && masks && !apostrophes) {
                    String hidden = words.unmask(folded, start, i);
                    if (hidden != null) {
                        out[count++] = new Token(hidden, folded, start, i, sentence, quote, words.id(hidden));
                        continue;
                    }
                    if (sign >= 0) {
                        // no word behind the signs: the word ends where they begin, as without masks
                        i = sign;
                        hash = hashAtSign;
                        stretched = stretched && hasRun(folded, start, i, minRun);
                    }
                }
                Contractions.Split split = apostrophes || Contractions.mayBeWithoutApostrophe(hash)
                        ? Contractions.split(new String(folded, start, i - start)) : null;
                if (split != null) {
                    int cut = start + split.cut();
                    out[count++] = new Token(split.first(), folded, start, cut, sentence, quote, words.id(split.first()));
                    out[count++] = new Token(split.second(), folded, cut, i, sentence, quote, words.id(split.second()));
                    continue;
                }
                int id = words.id(folded, start, i, hash, apostrophes);
                String[] read = null;
                if (!apostrophes && words.readsShorthand() && Spellings.readsHere(i - start, original.charAt(start),
                        count == 0 || out[count - 1].sentence() != sentence)) {
                    read = words.shorthand(folded, start, i, hash);
                }
                if (read == null && stretched && id < 0) {
                    String plain = words.unstretch(folded, start, i);
                    read = words.shorthand(plain);
                    if (read == null) {
                        out[count++] = new Token(plain, folded, start, i, sentence, quote, words.id(plain));
                        continue;
                    }
                }
                if (read != null) {
                    if (count + read.length >= out.length) {
                        out = Arrays.copyOf(out, count * 2 + read.length);
                    }
                    // each word it stands for covers the whole typed word, so a match reports what was typed
                    for (String w : read) {
                        out[count++] = new Token(w, folded, start, i, sentence, quote, words.id(w));
                    }
                    continue;
                }
                out[count++] = new Token(folded, start, i, sentence, quote, id);
                continue;
            }
            if (quote != 0 && c == closer) {
                quote = 0;
                closer = 0;
            } else if (quote == 0 && Quotations.opens(folded, i)) {
                quote = ++quotes;
                closer = Quotations.closerOf(c);
            } else if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '¡' || c == '¿') {
                sentence++;
            }
            i++;
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** Whether {@code text[start, end)} has a run of {@code min} or more of one letter. */
    private static boolean hasRun(char[] text, int start, int end, int min) {
        int run = 0;
        for (int k = start; k < end; k++) {
            run = k > start && text[k] == text[k - 1] ? run + 1 : 1;
            if (run >= min && Character.isLetter(text[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLetterOrDigit(char c) {
        return c < LETTER_OR_DIGIT.length ? LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}
