package dev.sereno.situation;

/** Where the conversation happens. */
public enum Channel {
    PHONE, EMAIL, CHAT, IN_PERSON, SOCIAL
}
