package dev.sereno.policy;

/**
 * A phrase of a listed kind found in the agent's draft reply.
 *
 * @param kind  the phrase list it matched, e.g. CALLS_CUSTOMER_LIAR
 * @param span  the words of the draft exactly as written
 * @param start offset of the span in the draft (inclusive)
 * @param end   offset of the span in the draft (exclusive)
 */
public record Finding(String kind, String span, int start, int end) {
}
