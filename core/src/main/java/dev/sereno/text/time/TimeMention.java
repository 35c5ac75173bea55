package dev.sereno.text.time;

import java.time.Instant;

/**
 * A time written in a text ("mañana a las 10", "by noon", "en 48 horas"), resolved to an instant.
 *
 * @param start where it starts in the text (UTF-16 offset)
 * @param end   where it ends (exclusive)
 * @param due   the latest moment it names
 */
public record TimeMention(int start, int end, Instant due) {
}
