package dev.sereno.policy;

import dev.sereno.situation.Stage;
import java.util.List;

/** Inserted by a rule: recommend {@code action} to the agent, at {@code phase} of the conversation. */
public record Recommend(String action, Stage phase, List<Object> args) {
    public Recommend {
        args = List.copyOf(args);
    }

    public Recommend(String action, Stage phase, Object... args) {
        this(action, phase, Args.of(args));
    }
}
