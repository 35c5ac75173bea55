package dev.sereno.engine.internal.verify;

/**
 * The work one call may do in policy code, checked by the calls {@link LoopBudget} puts at every backward jump,
 * method entry and exception handler of the classes a policy compiles to. Per thread: installed by the engine
 * around an evaluation (and around building a policy, whose constant expressions run then), absent otherwise.
 * Public only because instrumented classes live in their own class loader; policies cannot call it (it is not on
 * the {@link AllowList}). Internal API.
 */
public final class Budget {
    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    /** How many checks pass between two readings of the clock. */
    private static final int CLOCK_EVERY = 1024;
    private static final String RULE = "rule \"";

    private final long deadline;
    private final boolean timed;
    private long steps;
    private int untilClock = CLOCK_EVERY;
    private Exceeded tripped;
    /** The last rule whose code was entered: a function or a condition running out is reported against it. */
    private String lastRule;

    private Budget(long steps, long deadline, boolean timed) {
        this.steps = steps;
        this.deadline = deadline;
        this.timed = timed;
    }

    /**
     * Installs a budget on this thread until {@link #clear()}.
     *
     * @param maxSteps      checks allowed (loop iterations plus calls into policy code)
     * @param deadlineNanos a {@link System#nanoTime()} after which the work stops; ignored when {@code timed} is false
     */
    public static void install(long maxSteps, long deadlineNanos, boolean timed) {
        CURRENT.set(new Budget(maxSteps, deadlineNanos, timed));
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Whether the installed budget's deadline has passed; false when none is installed or it is untimed. */
    public static boolean pastDeadline() {
        Budget b = CURRENT.get();
        return b != null && b.timed && System.nanoTime() - b.deadline > 0;
    }

    /**
     * Called by instrumented policy code; throws {@link Exceeded} once the steps or the time are used up, and on
     * every later check of the same call (so that code catching it cannot go on).
     *
     * @param site the rule, function or type the code was compiled from, as {@code rule "name"}
     */
    public static void tick(String site) {
        Budget b = CURRENT.get();
        if (b == null) {
            return;
        }
        if (b.tripped != null) {
            throw b.tripped;
        }
        if (site.startsWith(RULE)) {
            b.lastRule = site;
        }
        if (--b.steps < 0) {
            b.tripped = new Exceeded(site, b.lastRule, false);
            throw b.tripped;
        }
        if (b.timed && --b.untilClock <= 0) {
            b.untilClock = CLOCK_EVERY;
            if (System.nanoTime() - b.deadline > 0) {
                b.tripped = new Exceeded(site, b.lastRule, true);
                throw b.tripped;
            }
        }
    }

    /**
     * Policy code ran out of budget. An {@link Error}, so that the engine's and the policy's own {@code catch
     * (Exception)} let it through; the verifier refuses policy code that catches Errors.
     */
    public static final class Exceeded extends Error {
        private static final long serialVersionUID = 1L;
        private final String site;
        private final String rule;
        private final boolean timedOut;

        Exceeded(String site, String lastRule, boolean timedOut) {
            super(timedOut ? "the call's deadline passed in " + site : "the call's step budget ran out in " + site, null,
                    false, false);
            this.site = site;
            this.rule = lastRule == null ? null : lastRule.substring(RULE.length(), lastRule.length() - 1);
            this.timedOut = timedOut;
        }

        /** The rule whose code ran last when the budget ran out (the site itself, or its caller); null if none. */
        public String rule() {
            return rule;
        }

        /** Where the budget ran out: {@code rule "name"}, {@code function name} or {@code type Name}. */
        public String site() {
            return site;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }
}
