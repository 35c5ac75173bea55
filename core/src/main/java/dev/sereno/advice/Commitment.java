package dev.sereno.advice;

import java.time.Instant;
import java.util.List;

/**
 * A promise the draft reply makes ("le llamo mañana a las 10", "we'll get back to you"). A host registers it as a
 * promise, so that the next call can check it was kept (G36, G37).
 *
 * @param span     the words of the draft that make it
 * @param start    where {@code span} starts in the draft reply, in UTF-16 units ({@code draftReply.substring(start,
 *                 end)} equals {@code span})
 * @param end      where it ends (exclusive)
 * @param what     what is promised, as the policy's commitment lists name it ({@code CALL_BACK}, {@code SEND},
 *                 {@code REFUND}, {@code CONFIRM}, {@code REPLY}…), {@code OTHER} when it cannot be told
 * @param due      the time the draft gives, resolved against the situation's {@code now} in its zone; null when the
 *                 draft gives none
 * @param guidance G37 for every commitment; G32 as well when it has no time
 */
public record Commitment(String span, int start, int end, String what, Instant due, List<String> guidance) {
    public Commitment {
        guidance = List.copyOf(guidance);
    }

    public boolean timed() {
        return due != null;
    }
}
