package dev.sereno.examples.boot;

import java.time.Instant;
import java.util.List;

/**
 * A reply as the CRM posts it, in the CRM's own words and shape (not Sereno's): the ticket, the account, the agent,
 * the proof on file, and the draft the agent wants to send.
 */
public record CrmReply(Ticket ticket, Account account, AgentLogin agent, List<Proof> proof, String draft) {

    /** @param channel phone, email, chat, store or social; @param mood calm, upset, angry, furious, or absent */
    public record Ticket(String number, Instant openedAt, String channel, String language, String subject,
                         String customerSaid, String mood) {
    }

    /** @param kind person, business or corporate */
    public record Account(String number, String kind, Integer customerSinceYear) {
    }

    public record AgentLogin(String login, String displayName) {
    }

    /** A document on file about the claim, and whether it backs or contradicts what the customer says. */
    public record Proof(String id, String type, boolean contradictsCustomer, boolean checked, String note) {
    }
}
