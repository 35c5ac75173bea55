package dev.sereno.situation;

import java.util.Objects;

/**
 * A record or document about the claim.
 *
 * @param kind     what it is, in the host's own vocabulary (e.g. SIGNED_DELIVERY_RECEIPT)
 * @param verified whether someone has checked it; unverified evidence is a pending verification (G17, G20)
 */
public record Evidence(String id, String kind, Stance stance, boolean verified, String summary) {

    public Evidence {
        stance = Objects.requireNonNullElse(stance, Stance.NEUTRAL);
    }

    public boolean contradictsClaim() {
        return stance == Stance.CONTRADICTS;
    }

    public boolean supportsClaim() {
        return stance == Stance.SUPPORTS;
    }
}
