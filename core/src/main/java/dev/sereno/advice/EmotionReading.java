package dev.sereno.advice;

import dev.sereno.situation.Emotion;

/** The emotion the advice was based on, and whether it was estimated from the customer's words. */
public record EmotionReading(Emotion level, boolean estimated) {
}
