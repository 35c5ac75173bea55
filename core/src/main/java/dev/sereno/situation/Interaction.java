package dev.sereno.situation;

import java.time.Instant;

/** One of the agent's earlier interactions today: when it ended and how the customer felt. */
public record Interaction(Instant endedAt, Emotion emotion) {
}
