package dev.sereno.cli.scenario;

import dev.sereno.advice.Advice;
import dev.sereno.cli.scenario.AdviceItems.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything a scenario may expect of the advice. Lists of items are "at least these": an item is expected when
 * an item of that kind has its code and every attribute the scenario states (the others are not compared).
 *
 * @param present     guidance ids the advice must cite
 * @param absent      guidance ids it must not cite
 * @param blocked     whether the draft must be blocked; null when not stated
 * @param priority    the priority the advice must have; null when not stated
 * @param items       per kind of advice item, the items expected
 * @param absentCodes codes no advice item may carry
 * @param next        the codes the advice's {@code next} list must start with
 * @param fired       names of rules that must fire
 * @param quiet       names of rules that must not fire
 */
public record Expectations(List<String> present, List<String> absent, Boolean blocked, String priority,
                           Map<AdviceItems, List<Expected>> items, List<String> absentCodes, List<String> next,
                           List<String> fired, List<String> quiet) {
    public Expectations {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
        Map<AdviceItems, List<Expected>> copy = new EnumMap<>(AdviceItems.class);
        items.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        items = copy;
        absentCodes = List.copyOf(absentCodes);
        next = List.copyOf(next);
        fired = List.copyOf(fired);
        quiet = List.copyOf(quiet);
    }

    static final Expectations NONE = new Expectations(List.of(), List.of(), null, null, Map.of(), List.of(), List.of(),
            List.of(), List.of());

    /** One expected advice item: its code and the attributes stated (a due time as written). */
    public record Expected(String code, Map<String, String> attributes) {
        public Expected {
            attributes = Map.copyOf(attributes);
        }
    }

    /** One expectation not met: what was expected and what the advice had instead, one line each. */
    public record Mismatch(String what, List<String> expected, List<String> actual) {
    }

    boolean expectsNothing() {
        return present.isEmpty() && absent.isEmpty() && blocked == null && priority == null
                && items.values().stream().allMatch(List::isEmpty) && absentCodes.isEmpty() && next.isEmpty()
                && fired.isEmpty() && quiet.isEmpty();
    }

    /** What the advice, given at {@code now} with these rules firing, does not do as expected. */
    List<Mismatch> check(Advice advice, Set<String> rulesFired, Instant now) {
        List<Mismatch> out = new ArrayList<>();
        if (blocked != null && blocked != advice.blocksDraft()) {
            List<String> blocking = advice.warnings().stream().filter(w -> w.blocking())
                    .map(w -> w.code() + (w.span() == null ? "" : " \"" + w.span() + "\"")).toList();
            out.add(new Mismatch("blocked", List.of(String.valueOf(blocked)),
                    List.of(advice.blocksDraft() + (blocking.isEmpty() ? "" : ", by " + String.join(", ", blocking)))));
        }
        if (priority != null && !priority.equals(advice.priority().name())) {
            out.add(new Mismatch("priority", List.of(priority), List.of(advice.priority().name())));
        }
        items.forEach((kind, expected) -> {
            List<Item> actual = kind.of(advice);
            List<String> unmet = expected.stream().filter(e -> actual.stream().noneMatch(a -> matches(e, a, now)))
                    .map(e -> describe(e, now)).toList();
            if (!unmet.isEmpty()) {
                out.add(new Mismatch(kind.field, unmet, actual.isEmpty() ? List.of("(none)")
                        : actual.stream().map(a -> describe(a, now)).toList()));
            }
        });
        if (!absentCodes.isEmpty()) {
            List<String> found = new ArrayList<>();
            for (AdviceItems kind : AdviceItems.values()) {
                kind.of(advice).stream().filter(i -> absentCodes.contains(i.code()))
                        .forEach(i -> found.add(describe(i, now) + "  (in " + kind.field + ")"));
            }
            if (!found.isEmpty()) {
                out.add(new Mismatch("absentCodes", absentCodes.stream().map(c -> "no " + c).toList(), found));
            }
        }
        if (!next.isEmpty()) {
            List<String> actual = AdviceItems.next(advice).orElse(List.of());
            if (actual.size() < next.size() || !actual.subList(0, next.size()).equals(next)) {
                out.add(new Mismatch("next (in this order, first)", next, actual.isEmpty() ? List.of("(none)") : actual));
            }
        }
        List<String> notFired = fired.stream().filter(r -> !rulesFired.contains(r)).toList();
        if (!notFired.isEmpty()) {
            out.add(new Mismatch("rules fired", notFired.stream().map(r -> "\"" + r + "\" fired").toList(),
                    rulesFired.isEmpty() ? List.of("(none fired)")
                            : new TreeSet<>(rulesFired).stream().map(r -> "\"" + r + "\"").toList()));
        }
        List<String> notQuiet = quiet.stream().filter(rulesFired::contains).toList();
        if (!notQuiet.isEmpty()) {
            out.add(new Mismatch("rules quiet", notQuiet.stream().map(r -> "\"" + r + "\" quiet").toList(),
                    notQuiet.stream().map(r -> "\"" + r + "\" fired").toList()));
        }
        return out;
    }

    private static boolean matches(Expected e, Item a, Instant now) {
        if (!e.code().equals(a.code())) {
            return false;
        }
        for (Map.Entry<String, String> attr : e.attributes().entrySet()) {
            String actual = a.attributes().get(attr.getKey());
            if (actual == null) {
                return false;
            }
            boolean same = attr.getKey().equals("due")
                    ? Due.resolve(attr.getValue(), now).equals(Instant.parse(actual))
                    : attr.getValue().strip().equals(actual.strip());
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Expected e, Instant now) {
        return e.code() + e.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(a -> "  " + a.getKey() + " " + (a.getKey().equals("due")
                        ? Due.describe(Due.resolve(a.getValue(), now), now) : quote(a.getKey(), a.getValue())))
                .collect(Collectors.joining());
    }

    private static String describe(Item i, Instant now) {
        return i.code() + i.attributes().entrySet().stream()
                .map(a -> "  " + a.getKey() + " " + (a.getKey().equals("due")
                        ? Due.describe(Instant.parse(a.getValue()), now) : quote(a.getKey(), a.getValue())))
                .collect(Collectors.joining());
    }

    private static String quote(String attribute, String value) {
        return attribute.equals("span") ? "\"" + value + "\"" : value;
    }
}
