package dev.sereno.examples.boot;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Every reply is checked before it goes out: one that the advice blocks is held (the last held draft per ticket is
 * kept for the agent to rewrite), anything else is sent. The Advisor is the starter's shared bean.
 */
@Service
public class ReplyDesk {
    /** What became of a reply, with the warnings to fix (when held) or keep in mind (when sent), and the advice. */
    public record Outcome(String status, String ticket, List<Warning> toFix, Advice advice) {
        public static final String SENT = "SENT";
        public static final String HELD = "HELD";
    }

    private final Advisor advisor;
    private final CrmMapping mapping;
    private final ReplyGateway gateway;
    private final Map<String, String> held = new ConcurrentHashMap<>();

    public ReplyDesk(Advisor advisor, CrmMapping mapping, ReplyGateway gateway) {
        this.advisor = advisor;
        this.mapping = mapping;
        this.gateway = gateway;
    }

    public Outcome reply(CrmReply reply) {
        var situation = mapping.situation(reply);
        Advice advice = advisor.advise(situation);
        String ticket = situation.complaint().id();
        if (advice.blocksDraft()) {
            held.put(ticket, reply.draft());
            return new Outcome(Outcome.HELD, ticket, advice.warnings().stream().filter(Warning::blocking).toList(), advice);
        }
        held.remove(ticket);
        if (reply.draft() != null && !reply.draft().isBlank()) {
            gateway.send(ticket, reply.draft());
        }
        return new Outcome(Outcome.SENT, ticket, advice.warnings(), advice);
    }

    /** The draft held on a ticket, waiting for the agent's rewrite. */
    public Optional<String> held(String ticket) {
        return Optional.ofNullable(held.get(ticket));
    }
}
