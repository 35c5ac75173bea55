package dev.sereno.engine.internal;

import dev.sereno.advice.Advice;
import dev.sereno.advice.CaseRecord;
import dev.sereno.advice.Commitment;
import dev.sereno.advice.EmotionReading;
import dev.sereno.advice.Escalation;
import dev.sereno.advice.FollowUp;
import dev.sereno.advice.NextStep;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Recommendation;
import dev.sereno.advice.Review;
import dev.sereno.advice.Warning;
import dev.sereno.policy.DraftCommitment;
import dev.sereno.policy.Escalate;
import dev.sereno.policy.RaisePriority;
import dev.sereno.policy.Recommend;
import dev.sereno.policy.RecordCase;
import dev.sereno.policy.RequestReview;
import dev.sereno.policy.Schedule;
import dev.sereno.policy.Warn;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.text.time.LocalTimes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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
            .thenComparing(w -> w.span() == null ? "" : w.span())
            .thenComparingInt(Warning::start);
    private static final Comparator<Escalation> ESCALATION_ORDER = Comparator
            .comparing(Escalation::to, Comparator.reverseOrder())
            .thenComparing(Escalation::code);
    private static final Comparator<FollowUp> FOLLOW_UP_ORDER = Comparator
            .comparing(FollowUp::due).thenComparing(FollowUp::code);
    private static final Comparator<Review> REVIEW_ORDER = Comparator.comparing(Review::kind);
    private static final Comparator<CaseRecord> RECORD_ORDER = Comparator.comparing(CaseRecord::kind)
            .thenComparing(r -> String.valueOf(r.cause()));
    /** Codes whose texts are kept resolved; rules could make up codes without end, the cache must not grow so. */
    private static final int MAX_CACHED_CODES = 4_096;

    private final Policy policy;
    private final NextSteps.Ranks ranks;
    /** Per language, each code's say / why / what / now, looked up (with the other language as fallback) once. */
    private final Map<Language, Map<String, Texts>> texts = new EnumMap<>(Language.class);

    /** Items of one kind are merged by these two parts (e.g. action and phase); a record avoids joining strings. */
    private record Key(Object first, Object second) {
    }

    AdviceAssembler(Policy policy) {
        this.policy = policy;
        this.ranks = new NextSteps.Ranks(policy.parameters().nextRanking());
        for (Language l : Language.values()) {
            texts.put(l, new ConcurrentHashMap<>());
        }
    }

    /** The arguments a rule gave an item (those of the rule first by name, when rules merged into one item). */
    private record Given(String rule, List<Object> args) {
        static List<Object> of(Map<Object, Given> from, Object key) {
            Given g = from.get(key);
            return g == null ? List.of() : g.args();
        }

        static void keep(Map<Object, Given> into, Object key, String rule, List<Object> args) {
            into.merge(key, new Given(rule, args), (a, b) -> a.rule().compareTo(b.rule()) <= 0 ? a : b);
        }
    }

    /** A timed commitment is kept by G37; one without a time is also a false expectation (G32). */
    private static final List<String> TIMED = List.of("G37");
    private static final List<String> UNTIMED = List.of("G32", "G37");

    Advice assemble(Situation s, EmotionReading emotion, List<Collector.Produced> produced) {
        return assemble(s, emotion, produced, List.of());
    }

    Advice assemble(Situation s, EmotionReading emotion, List<Collector.Produced> produced,
                    List<DraftCommitment> found) {
        Language lang = s.locale();
        Map<Key, Recommendation> recs = new LinkedHashMap<>();
        Map<Key, Warning> warnings = new LinkedHashMap<>();
        Map<Key, Escalation> escalations = new LinkedHashMap<>();
        Map<Key, FollowUp> followUps = new LinkedHashMap<>();
        Map<String, Review> reviews = new LinkedHashMap<>();
        Map<Key, CaseRecord> records = new LinkedHashMap<>();
        Priority priority = Priority.NORMAL;
        Map<Object, Given> given = new java.util.HashMap<>();

        for (Collector.Produced p : produced) {
            RuleInfo rule = policy.rules().get(p.rule());
            List<String> g = rule == null ? List.of() : rule.guidance();
            String name = p.rule();
            Object fact = p.fact();
            if (fact instanceof Recommend r) {
                Texts t = texts(lang, r.action());
                Key key = new Key(r.action(), r.phase());
                Given.keep(given, key, name, r.args());
                merge(recs, key,
                    new Recommendation(r.action(), r.phase(), g, t.say(r.args()), t.why(r.args()), name),
                    (a, b) -> new Recommendation(a.action(), a.phase(), union(a.guidance(), b.guidance()), a.say(), a.why(), rules(a.rule(), b.rule())));
            } else if (fact instanceof Warn w) {
                Key key = new Key(w.code(), w.finding() == null ? null : w.finding().start());
                Given.keep(given, key, name, w.args());
                merge(warnings, key,
                    new Warning(w.code(), w.severity(), g, w.finding() == null ? null : w.finding().span(),
                            w.finding() == null ? -1 : w.finding().start(), w.finding() == null ? -1 : w.finding().end(),
                            texts(lang, w.code()).why(w.args()), name),
                    (a, b) -> new Warning(a.code(), a.severity().compareTo(b.severity()) <= 0 ? a.severity() : b.severity(),
                            union(a.guidance(), b.guidance()), a.span(), a.start(), a.end(), a.why(), rules(a.rule(), b.rule())));
            } else if (fact instanceof Escalate e) {
                Texts t = texts(lang, e.code());
                Key key = new Key(e.to(), e.code());
                Given.keep(given, key, name, e.args());
                merge(escalations, key,
                    new Escalation(e.to(), e.code(), g, t.why(e.args()), t.say(e.args()), name),
                    (a, b) -> new Escalation(a.to(), a.code(), union(a.guidance(), b.guidance()), a.why(), a.say(), rules(a.rule(), b.rule())));
            } else if (fact instanceof Schedule f) {
                Key key = new Key(f.code(), f.due());
                Given.keep(given, key, name, f.args());
                merge(followUps, key,
                    new FollowUp(f.due(), f.code(), texts(lang, f.code()).what(f.args()), g, name),
                    (a, b) -> new FollowUp(a.due(), a.code(), a.what(), union(a.guidance(), b.guidance()), rules(a.rule(), b.rule())));
            } else if (fact instanceof RequestReview r) {
                merge(reviews, r.kind(),
                    new Review(r.kind(), g, texts(lang, r.kind()).why(r.args()), name),
                    (a, b) -> new Review(a.kind(), union(a.guidance(), b.guidance()), a.why(), rules(a.rule(), b.rule())));
            } else if (fact instanceof RecordCase c) {
                merge(records, new Key(c.kind(), c.cause()),
                    new CaseRecord(c.kind(), c.cause(), g, name),
                    (a, b) -> new CaseRecord(a.kind(), a.cause(), union(a.guidance(), b.guidance()), rules(a.rule(), b.rule())));
            } else if (fact instanceof RaisePriority r) {
                priority = Evaluator.max(priority, r.to());
            }
        }
        List<Recommendation> recList = sorted(recs, RECOMMENDATION_ORDER);
        List<Warning> warningList = sorted(warnings, WARNING_ORDER);
        List<Escalation> escalationList = sorted(escalations, ESCALATION_ORDER);
        List<FollowUp> followUpList = sorted(followUps, FOLLOW_UP_ORDER);
        List<NextSteps.Candidate> candidates = new ArrayList<>(
                warningList.size() + escalationList.size() + recList.size() + followUpList.size());
        // the arguments and the local time of an item are looked up only for the few lines next shows
        for (int i = 0; i < warningList.size(); i++) {
            Warning w = warningList.get(i);
            candidates.add(NextSteps.warning(w, i, () -> now(lang, w.code(), w.span(),
                    Given.of(given, new Key(w.code(), w.span() == null ? null : w.start())), w.why())));
        }
        for (int i = 0; i < escalationList.size(); i++) {
            Escalation e = escalationList.get(i);
            candidates.add(NextSteps.escalation(e, i, () -> now(lang, e.code(), "",
                    Given.of(given, new Key(e.to(), e.code())), e.why())));
        }
        for (int i = 0; i < recList.size(); i++) {
            Recommendation r = recList.get(i);
            candidates.add(NextSteps.recommendation(r, i, () -> now(lang, r.action(), "",
                    Given.of(given, new Key(r.action(), r.phase())), r.why())));
        }
        for (int i = 0; i < followUpList.size(); i++) {
            FollowUp f = followUpList.get(i);
            candidates.add(NextSteps.followUp(f, i, () -> now(lang, f.code(),
                    LocalTimes.describe(f.due(), s.now(), s.zone(), lang), Given.of(given, new Key(f.code(), f.due())),
                    f.what())));
        }
        List<NextStep> next = NextSteps.pick(candidates, ranks, s.complaint().stage());
        List<Commitment> commitments = new ArrayList<>(found.size());
        for (DraftCommitment c : found) {
            commitments.add(new Commitment(c.span(), c.start(), c.end(), c.what(), c.due(), c.timed() ? TIMED : UNTIMED));
        }
        return new Advice(s.complaint().id(), priority, emotion, policy.revision(),
                recList, warningList, escalationList, followUpList,
                sorted(reviews, REVIEW_ORDER), sorted(records, RECORD_ORDER), next, commitments);
    }

    /**
     * The one line of {@code next} for an item: its code's {@code .now} text with {@code {0}} the item's subject (the
     * span of a warning, the local due time of a follow-up) and {@code {1}}, {@code {2}}… the rule's arguments; the
     * item's own text when the code has no {@code .now}.
     */
    private String now(Language lang, String code, String subject, List<Object> args, String fallback) {
        Text t = texts(lang, code).now();
        if (t == null) {
            return fallback == null ? code : fallback;
        }
        List<Object> all = new ArrayList<>(args.size() + 1);
        all.add(subject == null ? "" : subject);
        all.addAll(args);
        return t.render(all);
    }

    /** The texts of a code in a language, each taken from the other language when this one lacks it. */
    private Texts texts(Language lang, String code) {
        Map<String, Texts> known = texts.get(lang);
        Texts t = known.get(code);
        if (t == null) {
            t = new Texts(text(lang, code + ".say"), text(lang, code + ".why"), text(lang, code + ".what"),
                    text(lang, code + ".now"));
            if (known.size() < MAX_CACHED_CODES) {
                known.put(code, t);
            }
        }
        return t;
    }

    private Text text(Language lang, String key) {
        Messages m = policy.messages(lang);
        Messages.Template t = m.template(key);
        if (t == null) {
            m = policy.messages(lang == Language.ES ? Language.EN : Language.ES);
            t = m.template(key);
        }
        return t == null ? null : new Text(t, m);
    }

    /** A message text and the bundle that writes its arguments (the fallback language's, when it came from there). */
    private record Text(Messages.Template template, Messages words) {
        String render(List<Object> args) {
            return template.render(args, words);
        }
    }

    private record Texts(Text say, Text why, Text what, Text now) {
        String say(List<Object> args) {
            return say == null ? null : say.render(args);
        }

        String why(List<Object> args) {
            return why == null ? null : why.render(args);
        }

        String what(List<Object> args) {
            return what == null ? null : what.render(args);
        }
    }

    private static <K, T> void merge(Map<K, T> into, K key, T item, java.util.function.BinaryOperator<T> combine) {
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
        TreeSet<String> all = new TreeSet<>();
        names(a, all);
        names(b, all);
        return String.join("; ", all);
    }

    /**
     * The rule names joined in {@code list}, as {@code list.split("; ")} gives them (trailing empty names dropped) but
     * without compiling a regular expression on every merge.
     */
    private static void names(String list, java.util.Collection<String> into) {
        int at = list.indexOf("; ");
        if (at < 0) {
            into.add(list);
            return;
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (; at >= 0; at = list.indexOf("; ", from)) {
            parts.add(list.substring(from, at));
            from = at + 2;
        }
        parts.add(list.substring(from));
        int n = parts.size();
        while (n > 0 && parts.get(n - 1).isEmpty()) {
            n--;
        }
        into.addAll(parts.subList(0, n));
    }

    private static String firstGuidance(List<String> guidance) {
        return guidance.isEmpty() ? "G99" : guidance.get(0);
    }

    private static <T> List<T> sorted(Map<?, T> items, Comparator<T> order) {
        List<T> out = new ArrayList<>(items.values());
        out.sort(order);
        return out;
    }

}
