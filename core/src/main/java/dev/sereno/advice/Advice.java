package dev.sereno.advice;

import java.util.List;
import java.util.stream.Stream;

/**
 * What Sereno advises for one situation. Every list is ordered most important first; every item names the
 * guidance and the rule behind it.
 *
 * @param complaint the complaint id the advice is about
 * @param policy      the revision of the policy that produced it
 * @param next        at most three lines of what to do now, most important first, each pointing at its full item
 * @param commitments the promises the draft reply makes, in the order they are written
 */
public record Advice(String complaint, Priority priority, EmotionReading emotion, String policy,
                     List<Recommendation> recommendations, List<Warning> warnings, List<Escalation> escalations,
                     List<FollowUp> followUps, List<Review> reviews, List<CaseRecord> records,
                     List<NextStep> next, List<Commitment> commitments) {

    public Advice {
        recommendations = List.copyOf(recommendations);
        warnings = List.copyOf(warnings);
        escalations = List.copyOf(escalations);
        followUps = List.copyOf(followUps);
        reviews = List.copyOf(reviews);
        records = List.copyOf(records);
        next = List.copyOf(next);
        commitments = List.copyOf(commitments);
    }

    /** Advice without next steps or commitments, as before they were part of the contract. */
    public Advice(String complaint, Priority priority, EmotionReading emotion, String policy,
                  List<Recommendation> recommendations, List<Warning> warnings, List<Escalation> escalations,
                  List<FollowUp> followUps, List<Review> reviews, List<CaseRecord> records) {
        this(complaint, priority, emotion, policy, recommendations, warnings, escalations, followUps, reviews, records,
                List.of(), List.of());
    }

    /** Whether the draft reply must not be sent as it is. */
    public boolean blocksDraft() {
        return warnings.stream().anyMatch(Warning::blocking);
    }

    /**
     * Every guidance id cited by the items the rules produced. {@code next} only repeats ids of those items, and a
     * commitment's ids say how the guidance reads a promise, not that a rule fired: neither is counted here.
     */
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
