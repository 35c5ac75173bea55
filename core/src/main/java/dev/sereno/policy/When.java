package dev.sereno.policy;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A moment as the agent should read it: a rule gives it as an argument and the message shows it in the customer's
 * zone, relative to now ("mañana, 10:00 hora de Madrid", "tomorrow, 10:00 Madrid time").
 */
public record When(Instant at, Instant now, ZoneId zone) {
}
