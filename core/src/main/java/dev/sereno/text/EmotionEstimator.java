package dev.sereno.text;

import dev.sereno.policy.Finding;
import dev.sereno.situation.Emotion;
import java.util.List;

/**
 * Estimates how the customer feels from their own words when the host does not say. Signals, each worth points:
 * intense words ({@code EMOTION_INTENSE} list, 3 each), mild ones ({@code EMOTION_MILD}, 1 each), "again / the third
 * time" ({@code EMOTION_REPEATED}, 2 each), exclamation marks (1, or 2 from three on) and shouting in capitals
 * (1 for one word, 3 when many words are). 7 points or more is FURIOUS, 4 ANGRY, 1 UPSET, none CALM.
 * A rough reading by design: a host that knows the emotion should send it.
 */
public final class EmotionEstimator {
    public static final String INTENSE = "EMOTION_INTENSE";
    public static final String MILD = "EMOTION_MILD";
    public static final String REPEATED = "EMOTION_REPEATED";

    private final PhraseFinder finder;

    public EmotionEstimator(PhraseFinder finder) {
        this.finder = finder;
    }

    public Emotion estimate(String words) {
        int score = score(words);
        if (score >= 7) {
            return Emotion.FURIOUS;
        }
        if (score >= 4) {
            return Emotion.ANGRY;
        }
        return score >= 1 ? Emotion.UPSET : Emotion.CALM;
    }

    int score(String words) {
        if (words == null || words.isBlank()) {
            return 0;
        }
        int score = 0;
        for (Finding f : finder.find(words)) {
            switch (f.kind()) {
                case INTENSE -> score += 3;
                case MILD -> score += 1;
                case REPEATED -> score += 2;
                default -> { }
            }
        }
        int exclamations = 0;
        for (int i = 0; i < words.length(); i++) {
            if (words.charAt(i) == '!') {
                exclamations++;
            }
        }
        score += exclamations >= 3 ? 2 : exclamations >= 1 ? 1 : 0;
        score += shouting(words);
        return score;
    }

    private static int shouting(String words) {
        List<Token> tokens = Tokenizer.tokens(words);
        int letters = 0;
        int shouted = 0;
        for (Token t : tokens) {
            if (t.end() - t.start() < 3 || !all(words, t, false)) {
                continue;
            }
            letters++;
            if (all(words, t, true)) {
                shouted++;
            }
        }
        if (shouted >= 2 && shouted * 10 >= letters * 3) {
            return 3;
        }
        return shouted >= 1 ? 1 : 0;
    }

    /** Whether every character of the token as written is a letter, or (notLower) is not a lower-case letter. */
    private static boolean all(String words, Token t, boolean notLower) {
        for (int i = t.start(); i < t.end(); i++) {
            char c = words.charAt(i);
            if (notLower ? Character.isLowerCase(c) : !Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }
}
