package dev.sereno.situation;

/** Where the conversation is. */
public enum Stage {
    OPENING, VENTING, LISTENING, RESOLVING, CLOSING, RESOLVED, REJECTED
}
