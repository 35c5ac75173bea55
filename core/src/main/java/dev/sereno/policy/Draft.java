package dev.sereno.policy;

/**
 * The agent's draft reply as the rules see it, present only when there is one: its size, for rules about curt or
 * over-long replies. The words themselves are matched through {@link Finding}s.
 *
 * @param words     how many words it has
 * @param sentences how many sentences (at least 1)
 */
public record Draft(int words, int sentences) {

    public static Draft of(String text) {
        int words = 0;
        int sentences = 0;
        boolean inWord = false;
        boolean sentenceHasWords = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                    sentenceHasWords = true;
                }
            } else {
                inWord = c == '\'' || c == '\u2019' ? inWord : false;
                if ((c == '.' || c == '!' || c == '?' || c == '\n') && sentenceHasWords) {
                    sentences++;
                    sentenceHasWords = false;
                }
            }
        }
        if (sentenceHasWords) {
            sentences++;
        }
        return new Draft(words, Math.max(sentences, 1));
    }
}
