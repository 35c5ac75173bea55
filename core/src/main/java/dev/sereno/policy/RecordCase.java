package dev.sereno.policy;

import dev.sereno.situation.Cause;

/** Inserted by a rule: record {@code kind} (e.g. ROOT_CAUSE) for the organisation's learning. */
public record RecordCase(String kind, Cause cause) {
}
