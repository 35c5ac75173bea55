package dev.sereno.advice;

import java.util.List;

/**
 * Something the agent did or is about to do that goes against the guidance.
 *
 * @param span  the words of the draft reply that caused it; always present on a BLOCKING warning
 * @param start where {@code span} starts in the draft reply, in UTF-16 units as Java and JavaScript count
 *              ({@code draftReply.substring(start, end)} equals {@code span}); -1 when there is no span
 * @param end   where {@code span} ends (exclusive); -1 when there is no span
 */
public record Warning(String code, Severity severity, List<String> guidance, String span, int start, int end,
                      String why, String rule) {
    public Warning {
        guidance = List.copyOf(guidance);
    }

    /** A warning whose span (if any) comes without offsets, as before offsets were part of the contract. */
    public Warning(String code, Severity severity, List<String> guidance, String span, String why, String rule) {
        this(code, severity, guidance, span, -1, -1, why, rule);
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }

    /** Whether {@link #start()} and {@link #end()} locate the span in the draft reply. */
    public boolean hasOffsets() {
        return span != null && start >= 0 && end >= start;
    }
}
