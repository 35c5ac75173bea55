package dev.sereno.advice;

import java.util.List;
import java.util.stream.Stream;

/**
 * What Sereno advises for one situation. Every list is ordered most important first; every item names the
 * guidance and the rule behind it.
 *
 * @param complaint the complaint id the advice is about
 * @param policy    the revision of the policy that produced it
 */
public record Advice(String complaint, Priority priority, EmotionReading emotion, String policy,
                     List<Recommendation> recommendations, List<Warning> warnings, List<Escalation> escalations,
                     List<FollowUp> followUps, List<Review> reviews, List<CaseRecord> records) {

    public Advice {
        recommendations = List.copyOf(recommendations);
        warnings = List.copyOf(warnings);
        escalations = List.copyOf(escalations);
        followUps = List.copyOf(followUps);
        reviews = List.copyOf(reviews);
        records = List.copyOf(records);
    }

    /** Whether the draft reply must not be sent as it is. */
    public boolean blocksDraft() {
        return warnings.stream().anyMatch(Warning::blocking);
    }

    /** Every guidance id cited anywhere in this advice. */
    public Stream<String> guidance() {
        return Stream.of(recommendations.stream().map(Recommendation::guidance),
                        warnings.stream().map(Warning::guidance),
                        escalations.stream().map(Escalation::guidance),
                        followUps.stream().map(FollowUp::guidance),
                        reviews.stream().map(Review::guidance),
                        records.stream().map(CaseRecord::guidance))
                .flatMap(s -> s).flatMap(List::stream).distinct();
    }
}
