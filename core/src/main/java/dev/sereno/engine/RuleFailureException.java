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

    public RuleFailureException(String rule, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
        this.kind = kind;
    }

    /** The DRL rule name, or "unknown rule" when the engine did not say. */
    public String rule() {
        return rule;
    }

    public Kind kind() {
        return kind;
    }
}
