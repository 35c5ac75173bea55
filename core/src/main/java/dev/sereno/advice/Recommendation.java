package dev.sereno.advice;

import dev.sereno.situation.Stage;
import java.util.List;

/**
 * Something the agent should do.
 *
 * @param action   stable code of the action, e.g. OFFER_PROOF_AND_VERIFY
 * @param phase    the stage of the conversation it belongs to
 * @param say      a suggested phrasing to adapt, never to read verbatim (G48)
 * @param why      the reason, from the guidance
 * @param guidance ids in guidance.md behind it
 * @param rule     the DRL rule that produced it
 */
public record Recommendation(String action, Stage phase, List<String> guidance, String say, String why, String rule) {
    public Recommendation {
        guidance = List.copyOf(guidance);
    }
}
