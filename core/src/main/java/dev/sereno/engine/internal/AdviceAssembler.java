package dev.sereno.engine.internal;

import dev.sereno.advice.Advice;
import dev.sereno.advice.CaseRecord;
import dev.sereno.advice.EmotionReading;
import dev.sereno.advice.Escalation;
import dev.sereno.advice.FollowUp;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Recommendation;
import dev.sereno.advice.Review;
import dev.sereno.advice.Warning;
import dev.sereno.policy.Escalate;
import dev.sereno.policy.RaisePriority;
import dev.sereno.policy.Recommend;
import dev.sereno.policy.RecordCase;
import dev.sereno.policy.RequestReview;
import dev.sereno.policy.Schedule;
import dev.sereno.policy.Warn;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the advice facts the rules inserted into {@link Advice}: guidance ids from each rule's metadata, texts from
 * the message bundles, and an order decided here (never by firing order). Two rules giving the same item make one
 * item citing both. Internal API.
 */
final class AdviceAssembler {
    private static final Comparator<Recommendation> RECOMMENDATION_ORDER = Comparator
            .comparing(Recommendation::phase)
            .thenComparing(r -> firstGuidance(r.guidance()))
            .thenComparing(Recommendation::action);
    private static final Comparator<Warning> WARNING_ORDER = Comparator
            .comparing(Warning::severity)
            .thenComparing(w -> w.span() == null ? 1 : 0)
            .thenComparing(Warning::code)
            .thenComparing(w -> w.span() == null ? "" : w.span());
    private static final Comparator<Escalation> ESCALATION_ORDER = Comparator
            .comparing(Escalation::to, Comparator.reverseOrder())
            .thenComparing(Escalation::code);
    private static final Comparator<FollowUp> FOLLOW_UP_ORDER = Comparator
            .comparing(FollowUp::due).thenComparing(FollowUp::code);

    private final Policy policy;

    AdviceAssembler(Policy policy) {
        this.policy = policy;
    }

    Advice assemble(Situation s, EmotionReading emotion, List<Collector.Produced> produced) {
        Language lang = s.locale();
        Map<String, Recommendation> recs = new LinkedHashMap<>();
        Map<String, Warning> warnings = new LinkedHashMap<>();
        Map<String, Escalation> escalations = new LinkedHashMap<>();
        Map<String, FollowUp> followUps = new LinkedHashMap<>();
        Map<String, Review> reviews = new LinkedHashMap<>();
        Map<String, CaseRecord> records = new LinkedHashMap<>();
        Priority priority = Priority.NORMAL;

        for (Collector.Produced p : produced) {
            RuleInfo rule = policy.rules().getOrDefault(p.rule(), new RuleInfo(p.rule(), List.of()));
            List<String> g = rule.guidance();
            String name = rule.name();
            Object fact = p.fact();
            if (fact instanceof Recommend r) {
                merge(recs, r.action() + "|" + r.phase(),
                    new Recommendation(r.action(), r.phase(), g, text(lang, r.action() + ".say", r.args()),
                            text(lang, r.action() + ".why", r.args()), name),
                    (a, b) -> new Recommendation(a.action(), a.phase(), union(a.guidance(), b.guidance()), a.say(), a.why(), rules(a.rule(), b.rule())));
            } else if (fact instanceof Warn w) {
                merge(warnings, w.code() + "|" + (w.finding() == null ? "" : w.finding().start()),
                    new Warning(w.code(), w.severity(), g, w.finding() == null ? null : w.finding().span(),
                            text(lang, w.code() + ".why", w.args()), name),
                    (a, b) -> new Warning(a.code(), a.severity().compareTo(b.severity()) <= 0 ? a.severity() : b.severity(),
                            union(a.guidance(), b.guidance()), a.span(), a.why(), rules(a.rule(), b.rule())));
            } else if (fact instanceof Escalate e) {
                merge(escalations, e.to() + "|" + e.code(),
                    new Escalation(e.to(), e.code(), g, text(lang, e.code() + ".why", e.args()),
                            text(lang, e.code() + ".say", e.args()), name),
                    (a, b) -> new Escalation(a.to(), a.code(), union(a.guidance(), b.guidance()), a.why(), a.say(), rules(a.rule(), b.rule())));
            } else if (fact instanceof Schedule f) {
                merge(followUps, f.code() + "|" + f.due(),
                    new FollowUp(f.due(), f.code(), text(lang, f.code() + ".what", f.args()), g, name),
                    (a, b) -> new FollowUp(a.due(), a.code(), a.what(), union(a.guidance(), b.guidance()), rules(a.rule(), b.rule())));
            } else if (fact instanceof RequestReview r) {
                merge(reviews, r.kind(),
                    new Review(r.kind(), g, text(lang, r.kind() + ".why", r.args()), name),
                    (a, b) -> new Review(a.kind(), union(a.guidance(), b.guidance()), a.why(), rules(a.rule(), b.rule())));
            } else if (fact instanceof RecordCase c) {
                merge(records, c.kind() + "|" + c.cause(),
                    new CaseRecord(c.kind(), c.cause(), g, name),
                    (a, b) -> new CaseRecord(a.kind(), a.cause(), union(a.guidance(), b.guidance()), rules(a.rule(), b.rule())));
            } else if (fact instanceof RaisePriority r) {
                priority = Evaluator.max(priority, r.to());
            }
        }
        return new Advice(s.complaint().id(), priority, emotion, policy.revision(),
                sorted(recs, RECOMMENDATION_ORDER), sorted(warnings, WARNING_ORDER),
                sorted(escalations, ESCALATION_ORDER), sorted(followUps, FOLLOW_UP_ORDER),
                sorted(reviews, Comparator.comparing(Review::kind)),
                sorted(records, Comparator.comparing(CaseRecord::kind).thenComparing(r -> String.valueOf(r.cause()))));
    }

    private String text(Language lang, String key, List<Object> args) {
        String t = policy.messages(lang).render(key, args);
        if (t == null) {
            Language other = lang == Language.ES ? Language.EN : Language.ES;
            t = policy.messages(other).render(key, args);
        }
        return t;
    }

    private static <T> void merge(Map<String, T> into, String key, T item, java.util.function.BinaryOperator<T> combine) {
        // merge in a canonical order (by rule name) so that firing order cannot change which text or rule leads
        into.merge(key, item, (a, b) -> ruleOf(a).compareTo(ruleOf(b)) <= 0 ? combine.apply(a, b) : combine.apply(b, a));
    }

    private static String ruleOf(Object item) {
        if (item instanceof Recommendation r) {
            return r.rule();
        } else if (item instanceof Warning w) {
            return w.rule();
        } else if (item instanceof Escalation e) {
            return e.rule();
        } else if (item instanceof FollowUp f) {
            return f.rule();
        } else if (item instanceof Review r) {
            return r.rule();
        } else if (item instanceof CaseRecord c) {
            return c.rule();
        }
        return "";
    }

    private static List<String> union(List<String> a, List<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static String rules(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        TreeSet<String> all = new TreeSet<>(List.of(a.split("; ")));
        all.addAll(List.of(b.split("; ")));
        return String.join("; ", all);
    }

    private static String firstGuidance(List<String> guidance) {
        return guidance.isEmpty() ? "G99" : guidance.get(0);
    }

    private static <T> List<T> sorted(Map<String, T> items, Comparator<T> order) {
        List<T> out = new ArrayList<>(items.values());
        out.sort(order);
        return out;
    }

}
