package dev.sereno.examples;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import java.time.Instant;

/** The README's quick start: check an agent's draft reply before it goes out. */
public final class QuickStart {
    private QuickStart() {
    }

    public static Advice checkDraft(Advisor advisor, String draft) {
        Situation situation = Situation.builder()
                .now(Instant.parse("2026-11-23T10:00:00Z"))
                .locale(Language.EN)
                .customer(Customer.of("C-1"))
                .agent(Agent.of("A-7"))
                .complaint(Complaint.builder("K-1").emotion(Emotion.ANGRY).build())
                .draftReply(draft)
                .build();
        return advisor.advise(situation);
    }

    public static void main(String[] args) {
        try (Advisor advisor = Advisor.withDefaultRules()) {          // build once, share across threads
            Advice advice = checkDraft(advisor, "You're lying, we have the signed receipt.");
            if (advice.blocksDraft()) {
                advice.warnings().stream().filter(Warning::blocking)
                        .forEach(w -> System.out.println("Do not send: «" + w.span() + "» " + w.why()));
            }
            advice.recommendations().forEach(r -> System.out.println(r.action() + ": " + r.why()));
        }
    }
}
