package dev.sereno.examples.boot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** The example's gateway: keeps what was sent, so a reader (and the test) can see which replies went out. */
@Component
public class Outbox implements ReplyGateway {
    /** A reply that went out. */
    public record Sent(String ticket, String text) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String ticket, String text) {
        sent.add(new Sent(ticket, text));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }
}
