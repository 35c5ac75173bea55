package dev.sereno.text.time;

import java.util.List;

/** A commitment list that cannot be read; each problem names the file and line. */
public final class CommitmentListFormatException extends RuntimeException {
    private final List<String> problems;

    public CommitmentListFormatException(String message) {
        this(List.of(message));
    }

    public CommitmentListFormatException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
