package dev.sereno.situation;

/** Why the customer is dissatisfied, in rising gravity (G45); OTHER when not classified. */
public enum Cause {
    PRODUCT_DEFECT, SERVICE_QUALITY, MISTREATMENT, IGNORED_COMPLAINT, OTHER
}
