package dev.sereno.advice;

import java.util.List;

/**
 * Something the agent did or is about to do that goes against the guidance.
 *
 * @param span the words of the draft reply that caused it; always present on a BLOCKING warning
 */
public record Warning(String code, Severity severity, List<String> guidance, String span, String why, String rule) {
    public Warning {
        guidance = List.copyOf(guidance);
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }
}
