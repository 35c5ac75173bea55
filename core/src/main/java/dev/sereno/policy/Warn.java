package dev.sereno.policy;

import dev.sereno.advice.Severity;
import java.util.List;

/**
 * Inserted by a rule: warn the agent. A warning about the draft reply carries the {@link Finding} that caused it;
 * a BLOCKING warning must carry one.
 */
public record Warn(String code, Severity severity, Finding finding, List<Object> args) {
    public Warn {
        args = List.copyOf(args);
        if (severity == Severity.BLOCKING && finding == null) {
            throw new IllegalArgumentException("a BLOCKING warning (" + code + ") must name the span of the draft that caused it");
        }
    }

    public Warn(String code, Severity severity, Finding finding, Object... args) {
        this(code, severity, finding, Args.of(args));
    }

    /** A caution not tied to words in the draft. */
    public Warn(String code, Object... args) {
        this(code, Severity.CAUTION, null, Args.of(args));
    }
}
