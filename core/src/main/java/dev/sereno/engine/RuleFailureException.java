package dev.sereno.engine;

/**
 * A rule failed while advising: it threw, or it kept firing past the per-call cap (a loop). Names the rule; the
 * Advisor stays usable for the next call.
 */
public final class RuleFailureException extends RuntimeException {
    /** How the rule failed. */
    public enum Kind { THREW, LOOPED }

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
