package dev.sereno.examples.crm;

/** Where a reply goes once it may be sent: the CRM's mail, chat or messaging gateway. */
public interface ReplyChannel {
    void send(String ticketId, String text);
}
