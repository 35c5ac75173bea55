package dev.sereno.text;

/** A phrase-list file that cannot be read; the message starts with {@code file:line:}. */
public final class LexiconFormatException extends RuntimeException {
    public LexiconFormatException(String message) {
        super(message);
    }
}
