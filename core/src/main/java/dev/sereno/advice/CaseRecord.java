package dev.sereno.advice;

import dev.sereno.situation.Cause;
import java.util.List;

/** Something to record for the organisation's learning, e.g. the root cause of the complaint (G44, G45). */
public record CaseRecord(String kind, Cause cause, List<String> guidance, String rule) {
    public CaseRecord {
        guidance = List.copyOf(guidance);
    }
}
