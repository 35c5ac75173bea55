package dev.sereno.examples.crm;

import dev.sereno.advice.Commitment;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Situation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * This ticket with the promises a sent reply made registered as promises of the agent: the words as what was
     * promised, its time as the due time (none when the reply gave none, which the rules then flag, G32).
     */
    public Ticket withPromisesFrom(List<Commitment> commitments, Instant sentAt) {
        if (commitments.isEmpty()) {
            return this;
        }
        List<Promise> promises = new ArrayList<>(context.promises());
        for (Commitment c : commitments) {
            promises.add(new Promise(id + "-P" + (promises.size() + 1), c.span(), context.agent().id(), sentAt, c.due(),
                    null));
        }
        return new Ticket(id, context.toBuilder().promises(promises).build());
    }
}
