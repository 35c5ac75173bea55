package dev.sereno.cli;

import dev.sereno.engine.RuleFailureException;

/** One-line reasons for failures that are not the user's input. */
final class Failure {
    private Failure() {
    }

    static String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RuleFailureException r) {
                // its message names the rule, how it failed and the class thrown; never the exception's own message,
                // which can quote the situation (that one is printed only with --debug)
                return r.getMessage() == null ? "rule \"" + r.rule() + "\" failed: " + r.kind()
                        : r.getMessage().lines().findFirst().orElse(r.kind().name());
            }
        }
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
