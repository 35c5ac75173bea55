package dev.sereno.examples.crm;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CRM hook: every reply an agent writes on a ticket is checked by Sereno before it is sent. A reply with a
 * BLOCKING warning (it calls the customer a liar, flatly contradicts them, shows contempt…) is held and the
 * warnings go back to the agent, with the span to rewrite; anything else is sent, and its cautions shown.
 *
 * <p>Two choices a host makes, made here explicitly:
 * <ul>
 *   <li>The clock is the host's: Sereno never reads it, so the service puts {@code now} in the situation. That is
 *       also what makes a promise that came due since the ticket was opened show up as overdue.</li>
 *   <li>A reply that goes out makes its promises ("le llamo mañana a las 10"): they come back in
 *       {@code advice.commitments()} with their time resolved in the customer's zone, and are registered on the ticket,
 *       so the next call is told when one went unkept (G36) and when to make the next contact (G37).</li>
 *   <li>A failing policy rule must not stop customer service: the reply is sent unchecked and the failure logged
 *       (rule name only). An invalid situation, on the other hand, is a bug in the CRM's mapping: it is thrown and
 *       nothing is sent.</li>
 * </ul>
 */
public final class TicketService {
    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

    private final Advisor advisor;
    private final ReplyChannel channel;
    private final Clock clock;

    /** @param advisor built once for the whole CRM and shared: it is thread-safe */
    public TicketService(Advisor advisor, ReplyChannel channel, Clock clock) {
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the agent's draft and sends it unless Sereno blocks it.
     *
     * @throws InvalidSituationException when the ticket does not map to a valid situation; nothing was sent
     */
    public ReplyOutcome reply(Ticket ticket, String draft) {
        Situation situation = ticket.context().toBuilder().now(clock.instant()).draftReply(draft).build();
        Advice advice;
        try {
            advice = advisor.advise(situation);
        } catch (RuleFailureException e) {
            LOG.warn("reply on a ticket sent unchecked: rule \"{}\" failed ({})", e.rule(), e.kind());
            channel.send(ticket.id(), draft);
            return ReplyOutcome.sentUnchecked(ticket);
        }
        if (advice.blocksDraft()) {
            return ReplyOutcome.held(advice, ticket);
        }
        channel.send(ticket.id(), draft);
        return ReplyOutcome.sent(advice, ticket.withPromisesFrom(advice.commitments(), situation.now()));
    }
}
