package dev.sereno.cli.scenario;

import dev.sereno.situation.Situation;
import java.util.List;

/**
 * One scenario of a policy's test suite: a situation and the guidance ids its advice must cite ({@code present})
 * and must not cite ({@code absent}). A scenario whose file could not be read carries the problems instead.
 */
public record Scenario(String file, String name, Situation situation, List<String> present, List<String> absent,
                       List<String> problems) {
    public Scenario {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
        problems = List.copyOf(problems);
    }

    static Scenario unreadable(String file, List<String> problems) {
        return unreadable(file, file, problems);
    }

    static Scenario unreadable(String file, String name, List<String> problems) {
        return new Scenario(file, name, null, List.of(), List.of(), problems);
    }

    boolean readable() {
        return problems.isEmpty();
    }
}
