package dev.sereno.engine;

/**
 * A rule failed while advising: it threw (any exception or error), kept firing past the per-call cap or looped past
 * the per-call step budget, ran past the call's deadline, or ran the JVM out of memory. Names the rule; the Advisor
 * stays usable for the next call.
 *
 * <p>The message says which rule failed, how, and the class of what it threw, never the thrown exception's own
 * message: that can quote the situation (a customer's words). The exception is kept as the cause for a host that
 * wants it behind a debug switch.
 */
public final class RuleFailureException extends RuntimeException {
    /** How the rule failed. */
    public enum Kind {
        /** the rule threw an exception or an error (a stack overflow included) */
        THREW,
        /** the rule kept firing past the firing cap, or a loop or recursion in it used up the call's step budget */
        LOOPED,
        /** the call ran past the deadline its Advisor was built with ({@link Advisor.Builder#deadline}) */
        TIMED_OUT,
        /** the JVM ran out of memory during the rule; a server may answer "unavailable" and go on */
        OUT_OF_MEMORY
    }

    private final String rule;
    private final Kind kind;
    private final String policy;

    public RuleFailureException(String rule, Kind kind, String message, Throwable cause) {
        this(rule, kind, null, message, cause);
    }

    /** @param policy the revision of the policy the rule belongs to */
    public RuleFailureException(String rule, Kind kind, String policy, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
        this.kind = kind;
        this.policy = policy;
    }

    /** The DRL rule name, or "unknown rule" when the engine did not say. */
    public String rule() {
        return rule;
    }

    public Kind kind() {
        return kind;
    }

    /** The revision of the policy the failing rule belongs to (as in {@link Advisor#policyRevision()}); may be null. */
    public String policy() {
        return policy;
    }
}
