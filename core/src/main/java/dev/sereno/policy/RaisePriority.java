package dev.sereno.policy;

import dev.sereno.advice.Priority;

/** Inserted by a rule: the complaint deserves at least {@code to}. The highest signal wins; none lowers it. */
public record RaisePriority(Priority to) {
}
