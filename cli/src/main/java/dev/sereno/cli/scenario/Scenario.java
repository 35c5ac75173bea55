package dev.sereno.cli.scenario;

import dev.sereno.situation.Situation;
import java.util.List;

/**
 * One scenario of a policy's test suite: a situation and what its advice must say ({@link Expectations}). A
 * scenario whose file could not be read carries the problems instead.
 */
public record Scenario(String file, String name, Situation situation, Expectations expect, List<String> problems) {
    public Scenario {
        problems = List.copyOf(problems);
    }

    static Scenario unreadable(String file, List<String> problems) {
        return unreadable(file, file, problems);
    }

    static Scenario unreadable(String file, String name, List<String> problems) {
        return new Scenario(file, name, null, Expectations.NONE, problems);
    }

    boolean readable() {
        return problems.isEmpty();
    }
}
