package dev.sereno.advice;

import java.util.List;

/** A question for management, decided on figures and never by the agent mid-conversation (G54). */
public record Review(String kind, List<String> guidance, String why, String rule) {
    public Review {
        guidance = List.copyOf(guidance);
    }
}
