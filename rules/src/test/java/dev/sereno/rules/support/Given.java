package dev.sereno.rules.support;

import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** Situations for rule tests: a plain, calm complaint at a fixed moment, changed only where a test says. */
public final class Given {
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private Given() {
    }

    /** A calm individual customer's complaint at the opening stage; every other field at its default. */
    public static Situation.Builder situation() {
        return Situation.builder().now(NOW).locale(Language.ES)
                .customer(Customer.of("C-1"))
                .agent(Agent.of("A-7"))
                .complaint(Complaint.builder("K-1").build());
    }

    /** The plain situation with the complaint changed by {@code change}. */
    public static Situation complaint(UnaryOperator<Complaint.Builder> change) {
        return situation().complaint(change.apply(Complaint.builder("K-1")).build()).build();
    }

    /** The plain situation, in {@code language}, with this draft reply. */
    public static Situation draft(Language language, String draftReply) {
        return situation().locale(language).draftReply(draftReply).build();
    }

    public static Instant minutesAgo(long minutes) {
        return NOW.minusSeconds(minutes * 60);
    }

    public static Instant hoursFromNow(long hours) {
        return NOW.plusSeconds(hours * 3600);
    }
}
