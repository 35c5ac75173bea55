package dev.sereno.engine;

import dev.sereno.advice.Advice;
import dev.sereno.engine.internal.Evaluator;
import dev.sereno.engine.internal.HostReaders;
import dev.sereno.engine.internal.Policy;
import dev.sereno.engine.internal.PolicyLoader;
import dev.sereno.engine.internal.PolicyWatcher;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import dev.sereno.situation.SituationValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
 *
 * <p>An Advisor on a policy folder can reload it: {@link #reload()} on demand, or automatically with
 * {@link Builder#reloadOnChange(PolicyListener)}. A new revision is swapped in atomically only when it passes
 * check; every call is answered entirely by one revision, named in {@link Advice#policy()}.
 */
public final class Advisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Advisor.class);
    /** Firings allowed per call before a rule is considered to loop. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;
    /** Time a host's draft reader is given per call unless the host says otherwise. */
    public static final long DEFAULT_READER_TIMEOUT_MS = 200;

    private final RuleSource source;
    private final PolicyParameters parameters;
    private final Boolean examplesReader;
    private final int maxFirings;
    private final java.time.Duration deadline;
    private final AdvisorListener listener;
    private final PolicyListener policyListener;
    private final SituationValidator validator = new SituationValidator();
    private final AtomicReference<Generation> current;
    private final Object reloading = new Object();
    private final PolicyWatcher watcher;
    private final HostReaders readers;

    /** One loaded revision and the calls using it; closed once replaced and idle. */
    private static final class Generation {
        final Evaluator evaluator;
        final AtomicInteger users = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile boolean retired;

        Generation(Evaluator evaluator) {
            this.evaluator = evaluator;
        }

        void release() {
            if (users.decrementAndGet() == 0 && retired) {
                closeIfIdle();
            }
        }

        void retire() {
            retired = true;
            closeIfIdle();
        }

        private void closeIfIdle() {
            if (users.get() == 0 && closed.compareAndSet(false, true)) {
                evaluator.policy().close();
            }
        }
    }

    private Advisor(Builder b) {
        this.source = b.rules;
        this.parameters = b.parameters;
        this.maxFirings = b.maxFirings;
        this.deadline = b.deadline;
        this.listener = b.listener;
        this.policyListener = b.policyListener;
        this.readers = b.readers.isEmpty() ? HostReaders.NONE : new HostReaders(b.readers);
        this.examplesReader = b.examplesReader;
        this.current = new AtomicReference<>(new Generation(load()));
        if (policyListener != null) {
            Path folder = source.origin().folder().orElseThrow(() -> new IllegalArgumentException(
                    "reloadOnChange needs rules from a folder (RuleSource.directory or defaultPolicyWith), not " + source));
            this.watcher = new PolicyWatcher(folder, this::reloadQuietly);
        } else {
            this.watcher = null;
        }
    }

    private Evaluator load() {
        long start = System.nanoTime();
        Policy policy = PolicyLoader.load(source.origin(), parameters, examplesReader);
        LOG.info("Sereno policy {} loaded from {}: {} rules in {} ms", policy.revision(), source,
                policy.rules().size(), (System.nanoTime() - start) / 1_000_000);
        return new Evaluator(policy, maxFirings, Evaluator.DEFAULT_MAX_STEPS, deadline, readers, examplesReader);
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
        if (listener != null) {
            notify(l -> l.beforeEvaluate(situation));
        }
        Generation g = acquire();
        try {
            validator.check(situation);
            Explanation explanation = g.evaluator.evaluate(situation);
            if (listener != null) {
                notify(l -> l.onSuccess(situation, explanation.advice()));
                notify(l -> l.onExplained(situation, explanation));
            }
            return explanation;
        } catch (InvalidSituationException e) {
            LOG.debug("situation rejected: {} problems", e.problems().size());
            notify(l -> l.onFailure(situation, e));
            throw e;
        } catch (RuleFailureException e) {
            LOG.warn("rule \"{}\" failed ({}) in policy {}", e.rule(), e.kind(), g.evaluator.policy().revision());
            notify(l -> l.onFailure(situation, e));
            throw e;
        } finally {
            g.release();
        }
    }

    private Generation acquire() {
        while (true) {
            Generation g = current.get();
            g.users.incrementAndGet();
            if (!g.retired) {
                return g;
            }
            g.release(); // replaced meanwhile: take the new one
        }
    }

    /**
     * Loads the policy again from its source and, if it passes check, swaps it in atomically; calls already
     * running finish on the revision they started with.
     *
     * @return the revision now serving
     * @throws RulesInvalidException when the new policy has problems; the previous revision goes on serving
     */
    public String reload() {
        synchronized (reloading) {
            String previous = policyRevision();
            Evaluator next = load();
            if (next.policy().revision().equals(previous)) {
                next.policy().close();
                return previous;
            }
            Generation old = current.getAndSet(new Generation(next));
            old.retire();
            LOG.info("Sereno policy {} replaced {}", next.policy().revision(), previous);
            return next.policy().revision();
        }
    }

    private void reloadQuietly() {
        String before = policyRevision();
        try {
            String now = reload();
            if (!now.equals(before) && policyListener != null) {
                policyListener.onReloaded(before, now);
            }
        } catch (RulesInvalidException e) {
            LOG.warn("policy change in {} rejected, still serving {}: {} problems", source, before, e.problems().size());
            e.problems().forEach(p -> LOG.warn("  {}", p));
            if (policyListener != null) {
                policyListener.onReloadFailed(before, e.problems());
            }
        }
    }

    /** Identifies the policy the advice comes from (a hash of its files); also in every {@link Advice}. */
    public String policyRevision() {
        return current.get().evaluator.policy().revision();
    }

    /** The loaded policy, for tools (rule lists, coverage). Internal API. */
    public Policy policy() {
        return current.get().evaluator.policy();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        current.get().retire();
        readers.close();
    }

    private void notify(Consumer<AdvisorListener> call) {
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
        private Boolean examplesReader;
        private int maxFirings = DEFAULT_MAX_FIRINGS;
        private java.time.Duration deadline;
        private AdvisorListener listener;
        private PolicyListener policyListener;
        private final List<HostReaders.Registered> readers = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a host's own reader of the draft (a tone or toxicity classifier), given {@code timeout} per call:
         * what it finds enters the rules as findings with its name as their source. A reader that throws or answers
         * late is left out of that call; the advice is given without it.
         */
        public Builder reader(DraftReader reader, Duration timeout) {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("a draft reader needs a positive timeout, not " + timeout);
            }
            readers.add(new HostReaders.Registered(reader, timeout));
            return this;
        }

        /** {@link #reader(DraftReader, Duration)} with {@value #DEFAULT_READER_TIMEOUT_MS} ms per call. */
        public Builder reader(DraftReader reader) {
            return reader(reader, Duration.ofMillis(DEFAULT_READER_TIMEOUT_MS));
        }

        /**
         * Whether the examples reader (docs/examples-reader.md) reads every draft, whatever the policy's
         * {@code examples-reader} parameter says (on in the bundled policy). Unset, the policy decides.
         */
        public Builder examplesReader(boolean on) {
            this.examplesReader = on;
            return this;
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

        /**
         * How long one call may take; none by default. A call past it ends in a {@link RuleFailureException} of kind
         * {@link RuleFailureException.Kind#TIMED_OUT} naming the rule, on the calling thread, with nothing left
         * running: the time is checked between rule firings and, in a policy compiled from a folder, at every turn of
         * a loop and every call in the rules' code (where loops are bounded anyway by a step budget per call).
         */
        public Builder deadline(java.time.Duration value) {
            Objects.requireNonNull(value, "deadline");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, was " + value);
            }
            this.deadline = value;
            return this;
        }

        public Builder listener(AdvisorListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Watch the policy folder and reload on change: a change is compiled in the background and swapped in only
         * when it passes check; otherwise the last good revision keeps serving and {@code value} and the log hear
         * the problems. Needs rules from a folder.
         */
        public Builder reloadOnChange(PolicyListener value) {
            this.policyListener = Objects.requireNonNull(value, "listener");
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
