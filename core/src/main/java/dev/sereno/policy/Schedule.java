package dev.sereno.policy;

import java.time.Instant;
import java.util.List;

/** Inserted by a rule: a follow-up {@code code} due at {@code due}. */
public record Schedule(String code, Instant due, List<Object> args) {
    public Schedule {
        args = List.copyOf(args);
    }

    public Schedule(String code, Instant due, Object... args) {
        this(code, due, Args.of(args));
    }
}
