package dev.sereno.situation;

/** What can be done for the customer. */
public enum Remedy {
    APOLOGY, EXPLANATION, REPLACE, REPAIR, CREDIT, REFUND, DISCOUNT
}
