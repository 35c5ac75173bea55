package dev.sereno.engine.internal;

import dev.sereno.advice.Advice;
import dev.sereno.advice.EmotionReading;
import dev.sereno.advice.Priority;
import dev.sereno.engine.Explanation;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.engine.internal.verify.Budget;
import dev.sereno.policy.Draft;
import dev.sereno.policy.DraftCommitment;
import dev.sereno.policy.Feeling;
import dev.sereno.policy.Finding;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Option;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Language;
import dev.sereno.text.DraftLanguage;
import dev.sereno.text.ExampleModel;
import dev.sereno.text.PhraseFinder;
import dev.sereno.text.time.TimeResolver;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates one validated situation against one policy: derives the text facts, runs the rules on a pooled
 * session with a firing cap, and hands what they inserted to the {@link AdviceAssembler}. Internal API.
 */
public final class Evaluator {
    private static final Comparator<Evidence> EVIDENCE_ORDER = Comparator.comparing(Evidence::id);
    private static final Comparator<Promise> PROMISE_ORDER = Comparator.comparing(Promise::id);
    private static final Comparator<Option> OPTION_ORDER = Comparator.comparing((Option o) -> o.remedy().name())
            .thenComparing(Option::cost);

    /** Budget checks one call may pass in policy code (loop turns and calls): far beyond any sound policy. */
    public static final long DEFAULT_MAX_STEPS = 2_000_000L;

    private final Policy policy;
    private final int maxFirings;
    private final long maxSteps;
    private final long deadlineNanos;
    private final AdviceAssembler assembler;
    private final HostReaders readers;
    private final boolean examplesReader;

    public Evaluator(Policy policy, int maxFirings) {
        this(policy, maxFirings, DEFAULT_MAX_STEPS, null, HostReaders.NONE);
    }

    /**
     * @param maxSteps budget checks allowed per call in policy code compiled from a folder
     * @param deadline how long one call may take; null for no limit
     * @param readers  the host's own readers of the draft
     */
    public Evaluator(Policy policy, int maxFirings, long maxSteps, java.time.Duration deadline) {
        this(policy, maxFirings, maxSteps, deadline, HostReaders.NONE);
    }

    public Evaluator(Policy policy, int maxFirings, long maxSteps, java.time.Duration deadline, HostReaders readers) {
        this(policy, maxFirings, maxSteps, deadline, readers, null);
    }

    /**
     * @param examplesReader whether the examples reader reads drafts, whatever the policy's {@code examples-reader}
     *                       says; null for what it says
     */
    public Evaluator(Policy policy, int maxFirings, long maxSteps, java.time.Duration deadline, HostReaders readers,
                     Boolean examplesReader) {
        this.examplesReader = examplesReader != null ? examplesReader
                : policy.parameters() == null || policy.parameters().examplesReader();
        this.policy = policy;
        this.maxFirings = maxFirings;
        this.maxSteps = maxSteps;
        this.deadlineNanos = deadline == null ? 0 : Math.max(1, deadline.toNanos());
        this.assembler = new AdviceAssembler(policy);
        this.readers = readers;
    }

    public Policy policy() {
        return policy;
    }

    public Explanation evaluate(Situation s) {
        Feeling feeling = feeling(s);
        Collector collector = new Collector();
        boolean hasDraft = s.draftReply() != null && !s.draftReply().isBlank();
        // a draft is read in the language it is written in: an English insult in a Spanish situation still blocks
        Language reading = hasDraft ? DraftLanguage.otherThan(s.locale(), s.draftReply()).orElse(s.locale()) : s.locale();
        List<DraftCommitment> commitments = hasDraft
                ? policy.commitmentFinder(reading).find(s.draftReply(), s.now(), s.zone()) : List.of();
        FactTypes types = policy.factTypes();
        KieSession session = policy.pooledSession();
        boolean timed = deadlineNanos > 0;
        Budget.install(maxSteps, System.nanoTime() + deadlineNanos, timed);
        String[] stoppedBefore = new String[1];
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) collector);
            if (policy.parametersGlobal()) {
                session.setGlobal(Policy.PARAMETERS_GLOBAL, policy.parameters());
            }
            // a fact no rule of this policy can match is left out: inserting it would cost and change nothing
            insert(session, types, policy.parameters());
            insert(session, types, s);
            insert(session, types, s.customer());
            insert(session, types, s.agent());
            insert(session, types, s.complaint());
            insert(session, types, feeling);
            // list order must not change the advice: insert in a canonical order
            insertAll(session, types, Evidence.class, s.evidence(), EVIDENCE_ORDER);
            insertAll(session, types, Promise.class, s.promises(), PROMISE_ORDER);
            insertAll(session, types, Option.class, s.options(), OPTION_ORDER);
            if (hasDraft && types.matched(Draft.class)) {
                session.insert(Draft.of(s.draftReply()));
            }
            if (hasDraft && types.matched(Finding.class)) {
                PhraseFinder finder = policy.finder(reading);
                List<Finding> listed = finder.find(s.draftReply());
                for (Finding f : listed) {
                    session.insert(f);
                }
                // the examples reader, inline and in the draft's language: what it finds goes through the same
                // exceptions as the lists' findings, and a kind the lists found in the sentence is not found twice
                ExampleModel model = examplesReader ? policy.examplesModel(reading) : null;
                if (model != null) {
                    for (Finding f : ModelReading.read(model, finder, s.draftReply(), listed,
                            commitments, TimeResolver.of(reading), s.now(), s.zone())) {
                        session.insert(f);
                    }
                }
                // the host's readers, in the order they were registered: their findings are facts like any other
                for (Finding f : readers.read(s.draftReply(), s.locale())) {
                    session.insert(f);
                }
            }
            if (types.matched(DraftCommitment.class)) {
                for (DraftCommitment c : commitments) {
                    session.insert(c);
                }
            }
            // listened to only now: the facts above were inserted by no rule, so their events would be dropped
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) collector);
            int fired = timed ? session.fireAllRules(match -> {
                // between firings too: a slow rule whose code is not instrumented (a trusted kjar) stops here
                if (Budget.pastDeadline()) {
                    stoppedBefore[0] = match.getRule().getName();
                    session.halt();
                    return false;
                }
                return true;
            }, maxFirings) : session.fireAllRules(maxFirings);
            if (stoppedBefore[0] != null || (timed && Budget.pastDeadline())) {
                String rule = collector.lastFired != null ? collector.lastFired
                        : stoppedBefore[0] != null ? stoppedBefore[0] : "unknown rule";
                throw new RuleFailureException(rule, RuleFailureException.Kind.TIMED_OUT, policy.revision(),
                        "the call ran past its deadline of " + deadlineNanos / 1_000_000 + " ms; rule \"" + rule
                                + "\" fired last", null);
            }
            if (fired >= maxFirings) {
                String rule = collector.mostFired();
                throw new RuleFailureException(rule, RuleFailureException.Kind.LOOPED, policy.revision(), "rule \"" + rule
                        + "\" kept firing: the evaluation was stopped after " + maxFirings + " firings", null);
            }
        } catch (ConsequenceException e) {
            String rule = e.getRule() == null ? "unknown rule" : e.getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Budget.Exceeded || cause instanceof Error) {
                throw failure((Error) cause, rule);
            }
            throw new RuleFailureException(rule, RuleFailureException.Kind.THREW, policy.revision(),
                    "rule \"" + rule + "\" failed in its consequence: " + describe(cause), cause);
        } catch (RuleFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable root = rootCause(e);
            String rule = ruleNamedIn(e);
            if (root instanceof Error error) {
                throw failure(error, collector.firing != null ? collector.firing : rule);
            }
            throw new RuleFailureException(rule, RuleFailureException.Kind.THREW, policy.revision(),
                    "rule \"" + rule + "\" failed in its conditions: " + describe(root), e);
        } catch (VirtualMachineError e) {
            if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
                throw failure(e, collector.firing == null ? "unknown rule" : collector.firing);
            }
            // InternalError, UnknownError: the JVM itself is broken, nothing a rule did
            throw e;
        } catch (Error e) {
            throw failure(e, collector.firing == null ? "unknown rule" : collector.firing);
        } finally {
            Budget.clear();
            session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) collector);
            session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) collector);
            session.dispose();
        }
        Advice advice = assembler.assemble(s, new EmotionReading(feeling.level(), feeling.estimated()), collector.produced,
                commitments);
        // Explanation keeps its own immutable copy: no need to sort or copy here first
        return new Explanation(advice, collector.firings.keySet());
    }

    private static void insert(KieSession session, FactTypes types, Object fact) {
        if (types.matched(fact.getClass())) {
            session.insert(fact);
        }
    }

    private static <T> void insertAll(KieSession session, FactTypes types, Class<T> type, List<T> items, Comparator<T> order) {
        if (items.isEmpty() || !types.matched(type)) {
            return;
        }
        if (items.size() == 1) {
            session.insert(items.get(0));
            return;
        }
        Object[] sorted = items.toArray();
        @SuppressWarnings("unchecked")
        Comparator<Object> byOrder = (Comparator<Object>) order;
        Arrays.sort(sorted, byOrder);
        for (Object item : sorted) {
            session.insert(item);
        }
    }

    private Feeling feeling(Situation s) {
        Emotion given = s.complaint().emotion();
        if (given != null) {
            return new Feeling(given, false);
        }
        String words = s.complaint().customerWords();
        if (words == null || words.isBlank()) {
            return new Feeling(Emotion.CALM, true);
        }
        return new Feeling(policy.estimator(s.locale()).estimate(words), true);
    }

    /** Conditions that throw come back without the rule attached: find the rule named in the messages. */
    private String ruleNamedIn(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            for (String name : policy.rules().keySet()) {
                if (m.contains(name) && (best == null || name.length() > best.length())) {
                    best = name;
                }
            }
        }
        return best == null ? "unknown rule" : best;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * An error from a rule as a failure of this call: the budget ran out (a loop, or the deadline), the stack
     * overflowed (the stack is unwound by now, so the Advisor can go on serving), memory ran out, or the rule threw an
     * error of its own (an AssertionError, say).
     */
    private RuleFailureException failure(Error e, String running) {
        if (e instanceof Budget.Exceeded b) {
            String rule = b.site().startsWith("rule \"") || running.equals("unknown rule") && b.rule() != null ? b.rule()
                    : !running.equals("unknown rule") ? running : b.site();
            return b.timedOut()
                    ? new RuleFailureException(rule, RuleFailureException.Kind.TIMED_OUT, policy.revision(),
                            "rule \"" + rule + "\" ran past the call's deadline of " + deadlineNanos / 1_000_000 + " ms (in "
                                    + b.site() + ")", null)
                    : new RuleFailureException(rule, RuleFailureException.Kind.LOOPED, policy.revision(),
                            "rule \"" + rule + "\" did not finish: a loop or recursion in " + b.site()
                                    + " used up the call's budget of " + maxSteps + " steps", null);
        }
        String rule = running;
        if (e instanceof OutOfMemoryError) {
            return new RuleFailureException(rule, RuleFailureException.Kind.OUT_OF_MEMORY, policy.revision(),
                    "the JVM ran out of memory while rule \"" + rule + "\" ran", e);
        }
        if (e instanceof StackOverflowError) {
            return new RuleFailureException(rule, RuleFailureException.Kind.THREW, policy.revision(),
                    "rule \"" + rule + "\" overflowed the stack (endless recursion?)", e);
        }
        return new RuleFailureException(rule, RuleFailureException.Kind.THREW, policy.revision(),
                "rule \"" + rule + "\" failed: " + describe(e), e);
    }

    /** The class of what a rule threw; never its message, which can quote the situation. */
    private static String describe(Throwable t) {
        return t.getClass().getName();
    }

    static Priority max(Priority a, Priority b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
