package dev.sereno.examples.crm;

import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.time.Clock;

/**
 * Runs the CRM hook on one ticket: the agent's first draft is held, the rewrite goes out.
 * {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.sereno.examples.crm.CrmHookExample}
 */
public final class CrmHookExample {
    private CrmHookExample() {
    }

    static Ticket ticket() {
        Situation context = Situation.builder()
                .locale(Language.EN)
                .customer(Customer.of("C-1042"))
                .agent(Agent.of("A-7"))
                .complaint(Complaint.builder("K-2231").emotion(Emotion.ANGRY).stage(Stage.LISTENING)
                        .claim("The parcel never arrived").build())
                .evidence(new Evidence("E-1", "SIGNED_DELIVERY_RECEIPT", Stance.CONTRADICTS, true, "Signed on 18 Nov"))
                .build();
        return new Ticket("T-2231", context);
    }

    public static void main(String[] args) {
        ReplyChannel console = (ticketId, text) -> System.out.println("  → sent on " + ticketId + ": " + text);
        try (Advisor advisor = Advisor.withDefaultRules()) {
            TicketService tickets = new TicketService(advisor, console, Clock.systemUTC());
            for (String draft : new String[] {
                    "You're lying, the receipt is signed.",
                    "I understand how frustrating this is. Our records show a signed receipt; I'll send you a copy "
                            + "now, and if it wasn't you who signed, I'll open an investigation today."}) {
                System.out.println("Agent writes: " + draft);
                ReplyOutcome outcome = tickets.reply(ticket(), draft);
                if (!outcome.sent()) {
                    System.out.println("  ✖ held, rewrite it:");
                }
                for (Warning w : outcome.warnings()) {
                    System.out.println("    " + w.severity() + " " + w.code()
                            + (w.span() == null ? "" : " «" + w.span() + "»") + ": " + w.why());
                }
            }
        }
    }
}
