package dev.sereno.text;

import java.util.List;

/** A phrase-list file that cannot be read or compiled; each problem starts with {@code file:line:}. */
public final class LexiconFormatException extends RuntimeException {
    private final List<String> problems;

    public LexiconFormatException(String message) {
        this(List.of(message));
    }

    public LexiconFormatException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
