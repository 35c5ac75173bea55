package dev.sereno.advice;

/** BLOCKING: do not send the draft as it is. CAUTION: worth a second look. */
public enum Severity {
    BLOCKING, CAUTION
}
