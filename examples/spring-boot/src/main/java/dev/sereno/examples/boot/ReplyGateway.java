package dev.sereno.examples.boot;

/** Where a reply goes once it may be sent: the CRM's mail, chat or messaging gateway. */
public interface ReplyGateway {
    void send(String ticket, String text);
}
