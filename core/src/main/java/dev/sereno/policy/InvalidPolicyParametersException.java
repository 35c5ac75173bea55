package dev.sereno.policy;

import dev.sereno.situation.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A {@code policy.properties} with unknown keys or values of the wrong kind; lists every problem. */
public final class InvalidPolicyParametersException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidPolicyParametersException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
