package dev.sereno.situation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The complaint being handled and what is known about the conversation so far.
 *
 * @param claim          what the customer says happened
 * @param customerWords  the customer's own words, used to estimate emotion when {@code emotion} is absent
 * @param emotion        how the customer feels; null means "estimate it from customerWords"
 * @param raisedBefore   earlier contacts about the same problem that got no answer
 * @param requestedRemedy what the customer asks for; null when they have not said
 * @param amount         the money at stake in the claim, 0 when none or unknown
 */
public record Complaint(String id, Channel channel, Cause cause, String claim, ClaimKind claimKind,
                        String customerWords, Emotion emotion, boolean stillVenting, boolean agentInterrupted,
                        boolean causedByThisAgent, boolean causeEstablished, boolean paraphrased, boolean apologized,
                        boolean blocksCustomerBusiness, int raisedBefore, Remedy requestedRemedy, BigDecimal amount,
                        Instant openedAt, Stage stage) {

    public Complaint {
        channel = Objects.requireNonNullElse(channel, Channel.PHONE);
        cause = Objects.requireNonNullElse(cause, Cause.OTHER);
        claimKind = Objects.requireNonNullElse(claimKind, ClaimKind.FACT);
        amount = Objects.requireNonNullElse(amount, BigDecimal.ZERO);
        stage = Objects.requireNonNullElse(stage, Stage.OPENING);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.channel = channel; b.cause = cause; b.claim = claim; b.claimKind = claimKind; b.customerWords = customerWords;
        b.emotion = emotion; b.stillVenting = stillVenting; b.agentInterrupted = agentInterrupted;
        b.causedByThisAgent = causedByThisAgent; b.causeEstablished = causeEstablished; b.paraphrased = paraphrased;
        b.apologized = apologized; b.blocksCustomerBusiness = blocksCustomerBusiness; b.raisedBefore = raisedBefore;
        b.requestedRemedy = requestedRemedy; b.amount = amount; b.openedAt = openedAt; b.stage = stage;
        return b;
    }

    /** Builds a complaint field by field; unset fields take the contract's defaults. */
    public static final class Builder {
        private final String id;
        private Channel channel;
        private Cause cause;
        private String claim;
        private ClaimKind claimKind;
        private String customerWords;
        private Emotion emotion;
        private boolean stillVenting;
        private boolean agentInterrupted;
        private boolean causedByThisAgent;
        private boolean causeEstablished;
        private boolean paraphrased;
        private boolean apologized;
        private boolean blocksCustomerBusiness;
        private int raisedBefore;
        private Remedy requestedRemedy;
        private BigDecimal amount;
        private Instant openedAt;
        private Stage stage;

        private Builder(String id) {
            this.id = id;
        }

        public Builder channel(Channel v) { this.channel = v; return this; }
        public Builder cause(Cause v) { this.cause = v; return this; }
        public Builder claim(String v) { this.claim = v; return this; }
        public Builder claimKind(ClaimKind v) { this.claimKind = v; return this; }
        public Builder customerWords(String v) { this.customerWords = v; return this; }
        public Builder emotion(Emotion v) { this.emotion = v; return this; }
        public Builder stillVenting(boolean v) { this.stillVenting = v; return this; }
        public Builder agentInterrupted(boolean v) { this.agentInterrupted = v; return this; }
        public Builder causedByThisAgent(boolean v) { this.causedByThisAgent = v; return this; }
        public Builder causeEstablished(boolean v) { this.causeEstablished = v; return this; }
        public Builder paraphrased(boolean v) { this.paraphrased = v; return this; }
        public Builder apologized(boolean v) { this.apologized = v; return this; }
        public Builder blocksCustomerBusiness(boolean v) { this.blocksCustomerBusiness = v; return this; }
        public Builder raisedBefore(int v) { this.raisedBefore = v; return this; }
        public Builder requestedRemedy(Remedy v) { this.requestedRemedy = v; return this; }
        public Builder amount(BigDecimal v) { this.amount = v; return this; }
        public Builder openedAt(Instant v) { this.openedAt = v; return this; }
        public Builder stage(Stage v) { this.stage = v; return this; }

        public Complaint build() {
            return new Complaint(id, channel, cause, claim, claimKind, customerWords, emotion, stillVenting,
                    agentInterrupted, causedByThisAgent, causeEstablished, paraphrased, apologized,
                    blocksCustomerBusiness, raisedBefore, requestedRemedy, amount, openedAt, stage);
        }
    }
}
