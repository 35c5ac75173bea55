package dev.sereno.policy;

import java.time.Instant;

/**
 * A promise the agent's draft reply makes, as the rules see it: what is promised (the kind named by the policy's
 * commitment lists: CALL_BACK, SEND, REFUND, CONFIRM, REPLY, FIX…, or OTHER), the words that make it, and the time
 * the draft gives, resolved against the situation's {@code now} in its zone.
 *
 * @param due null when the draft gives no time ("le llamaremos", "we'll get back to you")
 */
public record DraftCommitment(String what, String span, int start, int end, Instant due) {

    public boolean timed() {
        return due != null;
    }

    /** The words as a {@link Finding} of kind {@code COMMITMENT}, for a warning about them. */
    public Finding finding() {
        return new Finding("COMMITMENT", span, start, end);
    }
}
