package dev.sereno.examples.crm;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import java.util.List;

/**
 * What happened to an agent's reply.
 *
 * @param sent     whether it went out through the channel
 * @param checked  whether Sereno checked it (false only when a policy rule failed, see {@link TicketService})
 * @param warnings what to show the agent, most important first: the BLOCKING ones to fix when it was held, the
 *                 cautions to keep in mind when it was sent
 * @param advice   the whole advice, for the agent's side panel; null when unchecked
 * @param ticket   the ticket after the reply: when it was sent, with the promises the reply made registered, so the
 *                 next call checks they were kept (G36, G37)
 */
public record ReplyOutcome(boolean sent, boolean checked, List<Warning> warnings, Advice advice, Ticket ticket) {
    public ReplyOutcome {
        warnings = List.copyOf(warnings);
    }

    static ReplyOutcome sent(Advice advice, Ticket ticket) {
        return new ReplyOutcome(true, true, advice.warnings(), advice, ticket);
    }

    static ReplyOutcome held(Advice advice, Ticket ticket) {
        return new ReplyOutcome(false, true, advice.warnings(), advice, ticket);
    }

    static ReplyOutcome sentUnchecked(Ticket ticket) {
        return new ReplyOutcome(true, false, List.of(), null, ticket);
    }
}
