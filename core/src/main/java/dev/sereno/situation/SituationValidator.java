package dev.sereno.situation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a situation before any engine work and reports every problem at once. Stateless; safe to share.
 * Field names in the problems are the contract's JSON names, so Java and JSON callers read the same message.
 */
public final class SituationValidator {
    /** Longest accepted free text (draft reply, customer words, claim…), in characters. */
    public static final int MAX_TEXT = 20_000;
    /** Most accepted items in any list of the situation. */
    public static final int MAX_ITEMS = 5_000;
    /**
     * Largest accepted amount of money, and most decimal places in one: beyond them a number is a mistake, and a
     * number such as 1e999999999 would take gigabytes to print or to compute with.
     */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    public static final int MAX_DECIMALS = 20;
    /** Accepted times: ISO-8601's four-digit years, so that time arithmetic in rules can never overflow. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final int MAX_ID = 200;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public void check(Situation s) {
        List<Problem> problems = problems(s);
        if (!problems.isEmpty()) {
            throw new InvalidSituationException(problems);
        }
    }

    public List<Problem> problems(Situation s) {
        Checks c = new Checks();
        if (s == null) {
            c.add("", "a situation is required");
            return c.problems;
        }
        if (c.required("now", s.now())) {
            c.time("now", s.now());
        }
        if (!CURRENCY.matcher(s.currency()).matches()) {
            c.add("currency", "\"" + s.currency() + "\" is not a three-letter ISO currency code such as EUR");
        }
        c.text("draftReply", s.draftReply());
        customer(c, s.customer());
        agent(c, s.agent(), s.now());
        complaint(c, s.complaint(), s.now());
        items(c, "evidence", s.evidence(), Evidence::id, (p, e) -> {
            c.text(p, ".kind", e.kind());
            c.text(p, ".summary", e.summary());
        });
        items(c, "promises", s.promises(), Promise::id, (p, pr) -> promise(c, p, pr, s.now()));
        items(c, "options", s.options(), null, (p, o) -> {
            c.required(p, ".remedy", o.remedy());
            c.amount(p, ".cost", o.cost());
            c.amount(p, ".price", o.price());
            c.text(p, ".why", o.why());
        });
        return c.problems;
    }

    private static void customer(Checks c, Customer cu) {
        if (c.required("customer", cu)) {
            c.id("customer.id", cu.id());
            c.notNegative("customer.yearsAsCustomer", cu.yearsAsCustomer());
            c.amount("customer.annualValue", cu.annualValue());
            c.amount("customer.annualCostToServe", cu.annualCostToServe());
            c.notNegative("customer.pastComplaints", cu.pastComplaints());
            c.notNegative("customer.pastUnfoundedComplaints", cu.pastUnfoundedComplaints());
            if (cu.pastUnfoundedComplaints() > cu.pastComplaints() && cu.pastComplaints() > 0) {
                c.add("customer.pastUnfoundedComplaints", "must not exceed customer.pastComplaints ("
                        + cu.pastComplaints() + ")");
            }
        }
    }

    private static void agent(Checks c, Agent a, Instant now) {
        if (!c.required("agent", a)) {
            return;
        }
        c.id("agent.id", a.id());
        c.text("agent.name", a.name());
        c.amount("agent.maxCompensation", a.maxCompensation());
        c.size("agent.remedies", a.remedies());
        for (int i = 0; i < a.remedies().size(); i++) {
            c.required(new At("agent.remedies", i), "", a.remedies().get(i));
        }
        c.size("agent.recentInteractions", a.recentInteractions());
        for (int i = 0; i < a.recentInteractions().size(); i++) {
            At p = new At("agent.recentInteractions", i);
            Interaction in = a.recentInteractions().get(i);
            if (c.required(p, "", in)) {
                c.required(p, ".emotion", in.emotion());
                if (c.required(p, ".endedAt", in.endedAt())) {
                    c.notAfterNow(p, ".endedAt", in.endedAt(), now);
                }
            }
        }
    }

    private static void complaint(Checks c, Complaint k, Instant now) {
        if (!c.required("complaint", k)) {
            return;
        }
        c.id("complaint.id", k.id());
        c.text("complaint.claim", k.claim());
        c.text("complaint.customerWords", k.customerWords());
        c.notNegative("complaint.raisedBefore", k.raisedBefore());
        c.amount("complaint.amount", k.amount());
        c.notAfterNow("complaint.openedAt", k.openedAt(), now);
    }

    private static void promise(Checks c, At p, Promise pr, Instant now) {
        c.text(p, ".what", pr.what());
        c.text(p, ".owner", pr.owner());
        c.notAfterNow(p, ".madeAt", pr.madeAt(), now);
        c.time(p, ".dueAt", pr.dueAt());
        if (pr.madeAt() != null && pr.dueAt() != null && pr.dueAt().isBefore(pr.madeAt())) {
            c.add(p + ".dueAt", "must not be before madeAt (" + pr.madeAt() + "), was " + pr.dueAt());
        }
        if (pr.madeAt() != null && pr.keptAt() != null && pr.keptAt().isBefore(pr.madeAt())) {
            c.add(p + ".keptAt", "must not be before madeAt (" + pr.madeAt() + "), was " + pr.keptAt());
        }
        c.notAfterNow(p, ".keptAt", pr.keptAt(), now);
    }

    /** An item of a list, such as {@code promises[3]}: the path is written only when a problem names it. */
    private record At(String list, int index) {
        @Override
        public String toString() {
            return list + "[" + index + "]";
        }
    }

    private static <T> void items(Checks c, String name, List<T> list, Function<T, String> id,
                                  java.util.function.BiConsumer<At, T> each) {
        if (!c.size(name, list)) {
            return;
        }
        Set<String> seen = list.size() > 1 && id != null ? new HashSet<>(list.size() * 2) : null;
        for (int i = 0; i < list.size(); i++) {
            At p = new At(name, i);
            T item = list.get(i);
            if (!c.required(p, "", item)) {
                continue;
            }
            if (id != null) {
                String value = id.apply(item);
                if (c.id(p, ".id", value) && seen != null && !seen.add(value)) {
                    c.add(p + ".id", "\"" + value + "\" is used by an earlier item; ids must be unique");
                }
            }
            each.accept(p, item);
        }
    }

    /** Collects problems; each check returns whether the value passed so dependent checks can be skipped. */
    private static final class Checks {
        final List<Problem> problems = new ArrayList<>();

        void add(String path, String message) {
            problems.add(new Problem(path, message));
        }

        boolean required(Object at, String field, Object value) {
            return value != null || required(at + field, null);
        }

        boolean id(Object at, String field, String value) {
            return value != null && !value.isBlank() && value.length() <= MAX_ID || id(at + field, value);
        }

        void text(Object at, String field, String value) {
            if (value != null && value.length() > MAX_TEXT) {
                text(at + field, value);
            }
        }

        void amount(Object at, String field, BigDecimal value) {
            if (value != null && (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0 || value.scale() > MAX_DECIMALS)) {
                amount(at + field, value);
            }
        }

        boolean time(Object at, String field, Instant value) {
            return value == null || !value.isBefore(EARLIEST) && !value.isAfter(LATEST) || time(at + field, value);
        }

        void notAfterNow(Object at, String field, Instant value, Instant now) {
            if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST) || now != null && value.isAfter(now))) {
                notAfterNow(at + field, value, now);
            }
        }

        boolean required(String path, Object value) {
            if (value == null) {
                add(path, "required");
                return false;
            }
            return true;
        }

        boolean id(String path, String value) {
            if (value == null || value.isBlank()) {
                add(path, "required");
                return false;
            }
            if (value.length() > MAX_ID) {
                add(path, "must be at most " + MAX_ID + " characters, was " + value.length());
                return false;
            }
            return true;
        }

        void text(String path, String value) {
            if (value != null && value.length() > MAX_TEXT) {
                add(path, "must be at most " + MAX_TEXT + " characters, was " + value.length());
            }
        }

        boolean size(String path, List<?> list) {
            if (list.size() > MAX_ITEMS) {
                add(path, "must have at most " + MAX_ITEMS + " items, had " + list.size());
                return false;
            }
            return true;
        }

        void notNegative(String path, int value) {
            if (value < 0) {
                add(path, "must be 0 or more, was " + value);
            }
        }

        void amount(String path, BigDecimal value) {
            if (value == null) {
                return;
            }
            if (value.signum() < 0) {
                add(path, "must be 0 or more, was " + shown(value));
            } else if (value.compareTo(MAX_AMOUNT) > 0) {
                add(path, "must be at most " + MAX_AMOUNT.toPlainString() + ", was " + shown(value));
            } else if (value.scale() > MAX_DECIMALS) {
                add(path, "must have at most " + MAX_DECIMALS + " decimal places, was " + shown(value));
            }
        }

        /** Plain digits when short; scientific notation for a number whose plain form would be huge. */
        private static String shown(BigDecimal value) {
            boolean small = Math.abs((long) value.precision() - value.scale()) <= 30 && Math.abs(value.scale()) <= 30;
            return small ? value.toPlainString() : value.toString();
        }

        boolean time(String path, Instant value) {
            if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
                add(path, "must be between " + EARLIEST + " and " + LATEST + ", was " + value);
                return false;
            }
            return true;
        }

        void notAfterNow(String path, Instant value, Instant now) {
            if (time(path, value) && value != null && now != null && value.isAfter(now)) {
                add(path, "must not be after now (" + now + "), was " + value);
            }
        }
    }
}
