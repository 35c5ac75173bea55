package dev.sereno.policy;

import dev.sereno.situation.Emotion;

/** The customer's emotion as the rules see it: given in the situation, or estimated from their words. */
public record Feeling(Emotion level, boolean estimated) {

    public boolean calm() {
        return level == Emotion.CALM;
    }

    /** UPSET or worse. */
    public boolean upset() {
        return level.atLeastUpset();
    }

    /** ANGRY or FURIOUS. */
    public boolean angry() {
        return level.angry();
    }

    public boolean furious() {
        return level == Emotion.FURIOUS;
    }
}
