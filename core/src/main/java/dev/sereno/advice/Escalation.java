package dev.sereno.advice;

import java.util.List;

/** Go to someone with more authority, framed as seeking support. */
public record Escalation(EscalationTarget to, String code, List<String> guidance, String why, String say, String rule) {
    public Escalation {
        guidance = List.copyOf(guidance);
    }
}
