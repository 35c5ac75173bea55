package dev.sereno.advice;

/** How urgently the complaint should be handled, derived from the rules' priority signals: the highest wins. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
