package dev.sereno.situation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything Sereno is told about one complaint at one moment. Immutable; build it with {@link #builder()}.
 *
 * @param now      the moment of the advice; Sereno never reads the wall clock
 * @param currency ISO code of the money amounts, EUR when absent
 * @param zone     the customer's time zone, UTC when absent: times written in the draft ("mañana a las 10") are read
 *                 in it, and due times are shown to the agent in it
 */
public record Situation(Instant now, Language locale, String currency, Customer customer, Agent agent,
                        Complaint complaint, List<Evidence> evidence, List<Promise> promises, List<Option> options,
                        String draftReply, ZoneId zone) {
    /** The zone of a situation that names none. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    public Situation {
        locale = Objects.requireNonNullElse(locale, Language.ES);
        currency = Objects.requireNonNullElse(currency, "EUR");
        zone = Objects.requireNonNullElse(zone, UTC);
        evidence = Lists.copy(evidence);
        promises = Lists.copy(promises);
        options = Lists.copy(options);
    }

    /** A situation in UTC, as before the time zone was part of the contract. */
    public Situation(Instant now, Language locale, String currency, Customer customer, Agent agent,
                     Complaint complaint, List<Evidence> evidence, List<Promise> promises, List<Option> options,
                     String draftReply) {
        this(now, locale, currency, customer, agent, complaint, evidence, promises, options, draftReply, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().now(now).locale(locale).currency(currency).customer(customer).agent(agent)
                .complaint(complaint).evidence(evidence).promises(promises).options(options).draftReply(draftReply).zone(zone);
    }

    /** Builds a situation; unset fields take the contract's defaults. */
    public static final class Builder {
        private Instant now;
        private Language locale;
        private String currency;
        private Customer customer;
        private Agent agent;
        private Complaint complaint;
        private List<Evidence> evidence;
        private List<Promise> promises;
        private List<Option> options;
        private String draftReply;
        private ZoneId zone;

        private Builder() {
        }

        public Builder now(Instant v) { this.now = v; return this; }
        public Builder locale(Language v) { this.locale = v; return this; }
        public Builder currency(String v) { this.currency = v; return this; }
        public Builder customer(Customer v) { this.customer = v; return this; }
        public Builder agent(Agent v) { this.agent = v; return this; }
        public Builder complaint(Complaint v) { this.complaint = v; return this; }
        public Builder evidence(List<Evidence> v) { this.evidence = v; return this; }
        public Builder evidence(Evidence... v) { this.evidence = List.of(v); return this; }
        public Builder promises(List<Promise> v) { this.promises = v; return this; }
        public Builder promises(Promise... v) { this.promises = List.of(v); return this; }
        public Builder options(List<Option> v) { this.options = v; return this; }
        public Builder options(Option... v) { this.options = List.of(v); return this; }
        public Builder draftReply(String v) { this.draftReply = v; return this; }
        public Builder zone(ZoneId v) { this.zone = v; return this; }

        public Situation build() {
            return new Situation(now, locale, currency, customer, agent, complaint, evidence, promises, options, draftReply, zone);
        }
    }
}
