package dev.sereno.engine;

import dev.sereno.advice.Advice;
import dev.sereno.engine.internal.Evaluator;
import dev.sereno.engine.internal.Policy;
import dev.sereno.engine.internal.PolicyLoader;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import dev.sereno.situation.SituationValidator;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives advice on complaint situations according to a policy of DRL rules.
 *
 * <p>Build one and share it: an Advisor is thread-safe, and building it (loading or compiling the rules) is the
 * expensive part. {@link #advise} is pure: it never reads the wall clock ({@code now} comes from the situation),
 * and the same situation always gives the same advice in the same order.
 *
 * <pre>{@code
 * Advisor advisor = Advisor.withDefaultRules();
 * Advice advice = advisor.advise(situation);
 * if (advice.blocksDraft()) { ... }
 * }</pre>
 */
public final class Advisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Advisor.class);
    /** Firings allowed per call before a rule is considered to loop. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    private final Evaluator evaluator;
    private final SituationValidator validator = new SituationValidator();
    private final AdvisorListener listener;

    private Advisor(Builder b) {
        long start = System.nanoTime();
        Policy policy = PolicyLoader.load(b.rules.origin(), b.parameters);
        this.evaluator = new Evaluator(policy, b.maxFirings);
        this.listener = b.listener;
        LOG.info("Sereno policy {} loaded from {}: {} rules in {} ms", policy.revision(), b.rules,
                policy.rules().size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** An Advisor on the default policy (the sereno-rules jar must be on the class path). */
    public static Advisor withDefaultRules() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Advice for the situation.
     *
     * @throws InvalidSituationException listing every problem with the situation; no rule ran
     * @throws RuleFailureException      a rule threw or looped; the Advisor keeps serving later calls
     */
    public Advice advise(Situation situation) {
        return explain(situation).advice();
    }

    /**
     * Advice plus the names of the rules that fired for it: for audits, coverage reports and tests.
     *
     * @throws InvalidSituationException listing every problem with the situation; no rule ran
     * @throws RuleFailureException      a rule threw or looped; the Advisor keeps serving later calls
     */
    public Explanation explain(Situation situation) {
        notify(l -> l.beforeEvaluate(situation));
        try {
            validator.check(situation);
            Explanation explanation = evaluator.evaluate(situation);
            notify(l -> l.onSuccess(situation, explanation.advice()));
            notify(l -> l.onExplained(situation, explanation));
            return explanation;
        } catch (InvalidSituationException e) {
            LOG.debug("situation rejected: {} problems", e.problems().size());
            notify(l -> l.onFailure(situation, e));
            throw e;
        } catch (RuleFailureException e) {
            LOG.warn("rule \"{}\" failed ({}) in policy {}", e.rule(), e.kind(), policyRevision());
            notify(l -> l.onFailure(situation, e));
            throw e;
        }
    }

    /** Identifies the policy the advice comes from (a hash of its files); also in every {@link Advice}. */
    public String policyRevision() {
        return evaluator.policy().revision();
    }

    /** The loaded policy, for tools (rule lists, coverage). Internal API. */
    public Policy policy() {
        return evaluator.policy();
    }

    @Override
    public void close() {
        evaluator.policy().close();
    }

    private void notify(java.util.function.Consumer<AdvisorListener> call) {
        if (listener == null) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("advisor listener {} threw {}; ignored", listener.getClass().getName(), e.getClass().getName());
        }
    }

    /** Configures an Advisor; {@link #build()} fails fast with a message saying what is wrong. */
    public static final class Builder {
        private RuleSource rules = RuleSource.classpath();
        private PolicyParameters parameters;
        private int maxFirings = DEFAULT_MAX_FIRINGS;
        private AdvisorListener listener;

        private Builder() {
        }

        /** Where the policy comes from; the default policy on the class path when not set. */
        public Builder rules(RuleSource source) {
            this.rules = Objects.requireNonNull(source, "rules");
            return this;
        }

        /** Parameters that replace the policy's own {@code policy.properties}. */
        public Builder parameters(PolicyParameters value) {
            this.parameters = Objects.requireNonNull(value, "parameters");
            return this;
        }

        /** How many rule firings one call may take before it is stopped as a loop (default 10,000). */
        public Builder maxFiringsPerCall(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxFiringsPerCall must be 1 or more, was " + value);
            }
            this.maxFirings = value;
            return this;
        }

        public Builder listener(AdvisorListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * @throws RulesInvalidException when the policy does not load or compile, with every problem found
         */
        public Advisor build() {
            return new Advisor(this);
        }
    }
}
