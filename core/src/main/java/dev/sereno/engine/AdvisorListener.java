package dev.sereno.engine;

import dev.sereno.advice.Advice;
import dev.sereno.situation.Situation;

/**
 * Optional audit hook on an {@link Advisor}; every method does nothing unless overridden. Called on the thread that
 * calls {@code advise}; a listener that throws is logged and ignored, never breaking the advice.
 */
public interface AdvisorListener {
    default void beforeEvaluate(Situation situation) {
    }

    default void onSuccess(Situation situation, Advice advice) {
    }

    /**
     * Right after {@link #onSuccess}: the same advice with the names of the rules that fired for it, for audit
     * trails such as {@link dev.sereno.audit.DecisionLog}.
     */
    default void onExplained(Situation situation, Explanation explanation) {
    }

    /** After validation or evaluation failed with {@code error} (InvalidSituationException or RuleFailureException). */
    default void onFailure(Situation situation, RuntimeException error) {
    }
}
