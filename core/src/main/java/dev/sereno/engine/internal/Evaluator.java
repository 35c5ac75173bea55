package dev.sereno.engine.internal;

import dev.sereno.advice.Advice;
import dev.sereno.advice.EmotionReading;
import dev.sereno.advice.Priority;
import dev.sereno.engine.Explanation;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.policy.Draft;
import dev.sereno.policy.Feeling;
import dev.sereno.policy.Finding;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Option;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Situation;
import java.util.Comparator;
import java.util.TreeSet;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates one validated situation against one policy: derives the text facts, runs the rules on a pooled
 * session with a firing cap, and hands what they inserted to the {@link AdviceAssembler}. Internal API.
 */
public final class Evaluator {
    private final Policy policy;
    private final int maxFirings;
    private final AdviceAssembler assembler;

    public Evaluator(Policy policy, int maxFirings) {
        this.policy = policy;
        this.maxFirings = maxFirings;
        this.assembler = new AdviceAssembler(policy);
    }

    public Policy policy() {
        return policy;
    }

    public Explanation evaluate(Situation s) {
        Feeling feeling = feeling(s);
        Collector collector = new Collector();
        KieSession session = policy.pool().newKieSession();
        try {
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) collector);
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) collector);
            session.insert(policy.parameters());
            session.insert(s);
            session.insert(s.customer());
            session.insert(s.agent());
            session.insert(s.complaint());
            session.insert(feeling);
            // list order must not change the advice: insert in a canonical order
            s.evidence().stream().sorted(Comparator.comparing(Evidence::id)).forEach(session::insert);
            s.promises().stream().sorted(Comparator.comparing(Promise::id)).forEach(session::insert);
            s.options().stream().sorted(Comparator.comparing((Option o) -> o.remedy().name())
                    .thenComparing(Option::cost)).forEach(session::insert);
            if (s.draftReply() != null && !s.draftReply().isBlank()) {
                session.insert(Draft.of(s.draftReply()));
            }
            for (Finding f : policy.finder(s.locale()).find(s.draftReply())) {
                session.insert(f);
            }
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings) {
                String rule = collector.mostFired();
                throw new RuleFailureException(rule, RuleFailureException.Kind.LOOPED, policy.revision(), "rule \"" + rule
                        + "\" kept firing: the evaluation was stopped after " + maxFirings + " firings", null);
            }
        } catch (ConsequenceException e) {
            String rule = e.getRule() == null ? "unknown rule" : e.getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleFailureException(rule, RuleFailureException.Kind.THREW, policy.revision(),
                    "rule \"" + rule + "\" failed in its consequence: " + describe(cause), cause);
        } catch (RuleFailureException e) {
            throw e;
        } catch (StackOverflowError e) {
            // a rule recursing without end: the stack is unwound by now, so the Advisor can go on serving
            String rule = collector.firing == null ? "unknown rule" : collector.firing;
            throw new RuleFailureException(rule, RuleFailureException.Kind.THREW, policy.revision(),
                    "rule \"" + rule + "\" overflowed the stack (endless recursion?)", e);
        } catch (RuntimeException e) {
            String rule = ruleNamedIn(e);
            throw new RuleFailureException(rule, RuleFailureException.Kind.THREW, policy.revision(),
                    "rule \"" + rule + "\" failed in its conditions: " + describe(rootCause(e)), e);
        } finally {
            session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) collector);
            session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) collector);
            session.dispose();
        }
        Advice advice = assembler.assemble(s, new EmotionReading(feeling.level(), feeling.estimated()), collector.produced);
        return new Explanation(advice, new TreeSet<>(collector.firings.keySet()));
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

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static Priority max(Priority a, Priority b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
