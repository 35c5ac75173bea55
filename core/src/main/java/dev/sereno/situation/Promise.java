package dev.sereno.situation;

import java.time.Instant;

/**
 * Something promised to the customer.
 *
 * @param owner the agent id responsible; null when nobody owns it (a false expectation, G32)
 * @param dueAt null when no date was given (a false expectation, G32)
 * @param keptAt when it was kept; null while open
 */
public record Promise(String id, String what, String owner, Instant madeAt, Instant dueAt, Instant keptAt) {

    public boolean open() {
        return keptAt == null;
    }

    /** Open and past its due time at {@code now}. */
    public boolean overdueAt(Instant now) {
        return open() && dueAt != null && dueAt.isBefore(now);
    }
}
