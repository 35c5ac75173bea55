package dev.sereno.situation;

/** FACT is checkable against records (dates, amounts, signatures); PERCEPTION is a valuation (slow, rude, poor) on which the customer is right (G21). */
public enum ClaimKind {
    FACT, PERCEPTION
}
