package dev.sereno.examples.kafka;

import java.util.Objects;

/**
 * The topics of the advice stream.
 *
 * @param situations input: one situation per record (JSON, contract v1), keyed however the producer likes
 * @param advice     output: advice per situation, keyed by complaint id; also the re-advice of a complaint whose
 *                   promise became overdue. Suits a compacted topic: the last record is the current advice.
 * @param errors     output: situations that could not be advised, with their problems and where they were read
 */
public record AdviceTopics(String situations, String advice, String errors) {
    public AdviceTopics {
        Objects.requireNonNull(situations, "situations");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(errors, "errors");
    }

    public static AdviceTopics defaults() {
        return new AdviceTopics("sereno.situations", "sereno.advice", "sereno.situation-errors");
    }
}
