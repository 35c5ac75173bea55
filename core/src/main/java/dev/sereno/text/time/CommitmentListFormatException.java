package dev.sereno.text.time;

/** A commitment list that cannot be read; the message names the file and line. */
public final class CommitmentListFormatException extends RuntimeException {
    public CommitmentListFormatException(String message) {
        super(message);
    }
}
