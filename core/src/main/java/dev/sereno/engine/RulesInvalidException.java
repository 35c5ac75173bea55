package dev.sereno.engine;

import java.util.List;

/** The policy cannot be used: each problem reads {@code file:line:col: message} where the position is known. */
public final class RulesInvalidException extends RuntimeException {
    private final transient List<String> problems;

    public RulesInvalidException(String source, List<String> problems) {
        super(source + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
