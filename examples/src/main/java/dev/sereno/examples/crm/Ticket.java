package dev.sereno.examples.crm;

import dev.sereno.situation.Situation;
import java.util.Objects;

/**
 * A complaint ticket as the CRM holds it: its id and what the CRM knows about the case, already mapped to a
 * Sereno situation. The moment ({@code now}) and the draft are filled in when a reply is about to go out.
 */
public record Ticket(String id, Situation context) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(context, "context");
    }
}
