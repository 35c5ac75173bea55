package dev.sereno.engine;

import dev.sereno.situation.Language;
import java.util.List;

/** The policy cannot be used: each problem reads {@code file:line:col: message} where the position is known. */
public final class RulesInvalidException extends RuntimeException {
    private final transient List<String> problems;
    private final transient List<String> spanish;

    public RulesInvalidException(String source, List<String> problems) {
        this(source, problems, problems);
    }

    /**
     * @param spanish the same problems in Spanish, in the same order; a problem without a translation is repeated
     *                as it is
     */
    public RulesInvalidException(String source, List<String> problems, List<String> spanish) {
        super(source + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.spanish = spanish.size() == problems.size() ? List.copyOf(spanish) : this.problems;
    }

    /** The problems, in English. */
    public List<String> problems() {
        return problems;
    }

    /** The problems in {@code language} where they have been translated; the others in English. */
    public List<String> problems(Language language) {
        return language == Language.ES ? spanish : problems;
    }
}
