package dev.sereno.situation;

import java.util.List;
import java.util.stream.Collectors;

/** The situation cannot be advised on as it is. Carries every problem found, not just the first. */
public final class InvalidSituationException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidSituationException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid situation has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
