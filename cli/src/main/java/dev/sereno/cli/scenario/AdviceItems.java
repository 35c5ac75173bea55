package dev.sereno.cli.scenario;

import dev.sereno.advice.Advice;
import dev.sereno.advice.EscalationTarget;
import dev.sereno.advice.Severity;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Stage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kinds of advice item a scenario can state, each with the attributes it may state besides the code. An item
 * is seen as its code and those attributes, as text, so that one comparison and one way of printing serve them all.
 */
public enum AdviceItems {
    WARNINGS("warnings", Map.of("severity", names(Severity.values()), "span", List.of()),
            a -> a.warnings().stream().map(w -> item(w.code(), "severity", w.severity(), "span", w.span())).toList()),
    RECOMMENDATIONS("recommendations", Map.of("phase", names(Stage.values())),
            a -> a.recommendations().stream().map(r -> item(r.action(), "phase", r.phase())).toList()),
    ESCALATIONS("escalations", Map.of("to", names(EscalationTarget.values())),
            a -> a.escalations().stream().map(e -> item(e.code(), "to", e.to())).toList()),
    FOLLOW_UPS("followUps", Map.of("due", List.of()),
            a -> a.followUps().stream().map(f -> item(f.code(), "due", f.due())).toList()),
    REVIEWS("reviews", Map.of(), a -> a.reviews().stream().map(r -> item(r.kind())).toList()),
    RECORDS("records", Map.of("cause", names(Cause.values())),
            a -> a.records().stream().map(r -> item(r.kind(), "cause", r.cause())).toList()),
    /** Promises the agent made, once the advice carries them: read by name, so scenarios work before and after. */
    COMMITMENTS("commitments", Map.of("due", List.of()), a -> reflected(a, "commitments"));

    /** One advice item as a scenario sees it. */
    public record Item(String code, Map<String, String> attributes) {
    }

    final String field;
    /** attribute → its allowed values (empty: any text) */
    final Map<String, List<String>> attributes;
    private final Function<Advice, List<Item>> items;

    AdviceItems(String field, Map<String, List<String>> attributes, Function<Advice, List<Item>> items) {
        this.field = field;
        this.attributes = attributes;
        this.items = items;
    }

    List<Item> of(Advice advice) {
        return items.apply(advice);
    }

    /** Whether this version of the advice has such items (always, except for fields added since). */
    boolean available() {
        return this != COMMITMENTS || accessor(Advice.class, "commitments").isPresent();
    }

    static Optional<AdviceItems> byField(String field) {
        return Arrays.stream(values()).filter(k -> k.field.equals(field)).findFirst();
    }

    /** The codes of the advice's {@code next} list, in order, once the advice carries one; empty otherwise. */
    static Optional<List<String>> next(Advice advice) {
        return accessor(Advice.class, "next").map(m -> reflectedItems(invoke(m, advice)).stream().map(Item::code).toList());
    }

    static boolean nextAvailable() {
        return accessor(Advice.class, "next").isPresent();
    }

    private static List<Item> reflected(Advice advice, String name) {
        return accessor(Advice.class, name).map(m -> reflectedItems(invoke(m, advice))).orElse(List.of());
    }

    private static List<Item> reflectedItems(Object list) {
        List<Item> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                Object code = firstOf(o, "code", "action", "kind");
                Object due = firstOf(o, "due", "dueAt");
                out.add(due == null ? item(String.valueOf(code)) : item(String.valueOf(code), "due", due));
            }
        }
        return out;
    }

    private static Object firstOf(Object o, String... names) {
        for (String n : names) {
            Optional<Method> m = accessor(o.getClass(), n);
            if (m.isPresent()) {
                return invoke(m.get(), o);
            }
        }
        return names[0].equals("code") ? o : null;
    }

    private static Optional<Method> accessor(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            return m.getParameterCount() == 0 ? Optional.of(m) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + m.getName() + " of the advice", e);
        }
    }

    private static Item item(String code, Object... attributes) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            Object v = attributes[i + 1];
            if (v != null) {
                a.put((String) attributes[i], v instanceof Instant t ? t.toString() : v.toString());
            }
        }
        return new Item(code, a);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
