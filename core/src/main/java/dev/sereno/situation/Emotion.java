package dev.sereno.situation;

/** How the customer feels, in rising intensity. */
public enum Emotion {
    CALM, UPSET, ANGRY, FURIOUS;

    /** UPSET or worse. */
    public boolean atLeastUpset() {
        return this.compareTo(UPSET) >= 0;
    }

    /** ANGRY or FURIOUS: the situations the anger-handling guidance is about. */
    public boolean angry() {
        return this.compareTo(ANGRY) >= 0;
    }
}
