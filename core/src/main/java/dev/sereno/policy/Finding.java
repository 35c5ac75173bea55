package dev.sereno.policy;

/**
 * Something found in the agent's draft reply: a phrase of a listed kind, or what a host's own reader reported.
 *
 * @param kind   the phrase list it matched, e.g. CALLS_CUSTOMER_LIAR, or the kind a host's reader reported
 * @param span   the words of the draft exactly as written
 * @param start  offset of the span in the draft (inclusive, UTF-16 units as Java and JavaScript count)
 * @param end    offset of the span in the draft (exclusive)
 * @param source who found it: {@code lexicon} for the policy's phrase lists, else the name of the host's reader
 */
public record Finding(String kind, String span, int start, int end, String source) {
    public Finding {
        source = source == null ? "lexicon" : source;
    }

    /** A finding of the policy's phrase lists. */
    public Finding(String kind, String span, int start, int end) {
        this(kind, span, start, end, "lexicon");
    }
}
