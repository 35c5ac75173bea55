package dev.sereno.advice;

import java.time.Instant;
import java.util.List;

/** Something to do by a deadline: call back, check the fix worked, keep a promise. */
public record FollowUp(Instant due, String code, String what, List<String> guidance, String rule) {
    public FollowUp {
        guidance = List.copyOf(guidance);
    }
}
