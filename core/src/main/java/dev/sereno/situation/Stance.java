package dev.sereno.situation;

/** How a piece of evidence stands towards the customer's claim. */
public enum Stance {
    SUPPORTS, CONTRADICTS, NEUTRAL
}
