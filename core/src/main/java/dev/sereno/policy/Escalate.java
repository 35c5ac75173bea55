package dev.sereno.policy;

import dev.sereno.advice.EscalationTarget;
import java.util.List;

/** Inserted by a rule: take the case to {@code to}, for support. */
public record Escalate(EscalationTarget to, String code, List<Object> args) {
    public Escalate {
        args = List.copyOf(args);
    }

    public Escalate(EscalationTarget to, String code, Object... args) {
        this(to, code, Args.of(args));
    }
}
