package dev.sereno.advice;

/** Who to go to for support (never to accuse anyone: G27, G39). */
public enum EscalationTarget {
    SUPERVISOR, MANAGER
}
