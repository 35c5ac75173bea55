package dev.sereno.policy;

import dev.sereno.situation.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The thresholds of the policy. Rules read them instead of writing numbers into conditions, so a service manager
 * changes "how soon a callback" in one place ({@code policy.properties}). Rules declare
 * {@code global PolicyParameters policy;} and read {@code policy.nextContactWithin}: the engine sets that global on
 * every session, so reading a threshold adds no join to a rule, as a fact matched in its own pattern does. It is still
 * inserted as a fact too, for rules written that way.
 *
 * @param verificationCallbackWithin    G20: when we ask for time to verify and no time was agreed, call back within this (default 2 h)
 * @param promiseDueSoonWithin          G37: an open promise due within this is "due now" (default 2 h)
 * @param nextContactWithin             G37: an open matter gets a next contact within this, even without news (default 24 h)
 * @param personalFollowUpWithin        G14, G23: a personal follow-up on a fix or an answer to find, within this (default 24 h)
 * @param remedyCheckAfter              G38: check with the customer that the remedy worked, after this (default 48 h)
 * @param satisfactionCheckAfter        G43: ask about satisfaction this long after the remedy check (G38), or after the resolution when there is none (default 24 h)
 * @param hardInteractionRecentWithin   G41: an interaction that ended within this is "just handled" (default 30 min)
 * @param pauseLength                   G41: how long a pause to suggest (default 10 min)
 * @param angryInteractionsInARow       G41: this many ANGRY-or-worse interactions in a row call for a pause (default 1)
 * @param contactsBeforeIgnored         G45: earlier unanswered contacts that make it an ignored complaint (default 1)
 * @param unprofitableCostToValueRatio  G54: cost to serve above value × this opens a profitability review (default 2.0)
 * @param loyalCustomerYears            G56: years as customer that make a long-standing customer (default 5)
 * @param highValueAnnualValue          G56: annual value that makes a high-value customer (default 10000)
 * @param curtReplyMaxWords             G51: a draft of at most this many words to a distressed customer is curt (default 12)
 * @param nextRanking                   how items rank for {@code next}, from the {@code next.*} keys (see {@link NextRanking})
 * @param house                         the organisation's own thresholds (declared in {@link HousePolicy#FILE}), by
 *                                      name; rules read them with {@link #count}, {@link #number}, {@link #duration}
 * @param examplesReader                issue 11: the draft is also read by the examples reader, learned from the
 *                                      policy's {@code examples/xx.examples} (key {@code examples-reader}, {@code on}
 *                                      or {@code off}; default on)
 */
public record PolicyParameters(Duration verificationCallbackWithin, Duration promiseDueSoonWithin,
                               Duration nextContactWithin, Duration personalFollowUpWithin, Duration remedyCheckAfter,
                               Duration satisfactionCheckAfter, Duration hardInteractionRecentWithin,
                               Duration pauseLength, int angryInteractionsInARow, int contactsBeforeIgnored,
                               BigDecimal unprofitableCostToValueRatio, int loyalCustomerYears,
                               BigDecimal highValueAnnualValue, int curtReplyMaxWords, NextRanking nextRanking,
                               Map<String, Object> house, boolean examplesReader) {

    public PolicyParameters {
        house = Map.copyOf(house);
    }

    /** These thresholds, ranking and house thresholds, with the examples reader on (the default). */
    public PolicyParameters(Duration verificationCallbackWithin, Duration promiseDueSoonWithin,
                            Duration nextContactWithin, Duration personalFollowUpWithin, Duration remedyCheckAfter,
                            Duration satisfactionCheckAfter, Duration hardInteractionRecentWithin,
                            Duration pauseLength, int angryInteractionsInARow, int contactsBeforeIgnored,
                            BigDecimal unprofitableCostToValueRatio, int loyalCustomerYears,
                            BigDecimal highValueAnnualValue, int curtReplyMaxWords, NextRanking nextRanking,
                            Map<String, Object> house) {
        this(verificationCallbackWithin, promiseDueSoonWithin, nextContactWithin, personalFollowUpWithin,
                remedyCheckAfter, satisfactionCheckAfter, hardInteractionRecentWithin, pauseLength,
                angryInteractionsInARow, contactsBeforeIgnored, unprofitableCostToValueRatio, loyalCustomerYears,
                highValueAnnualValue, curtReplyMaxWords, nextRanking, house, true);
    }

    /** The bundled thresholds, with the default ranking and without house ones. */
    public PolicyParameters(Duration verificationCallbackWithin, Duration promiseDueSoonWithin,
                            Duration nextContactWithin, Duration personalFollowUpWithin, Duration remedyCheckAfter,
                            Duration satisfactionCheckAfter, Duration hardInteractionRecentWithin,
                            Duration pauseLength, int angryInteractionsInARow, int contactsBeforeIgnored,
                            BigDecimal unprofitableCostToValueRatio, int loyalCustomerYears,
                            BigDecimal highValueAnnualValue, int curtReplyMaxWords) {
        this(verificationCallbackWithin, promiseDueSoonWithin, nextContactWithin, personalFollowUpWithin,
                remedyCheckAfter, satisfactionCheckAfter, hardInteractionRecentWithin, pauseLength,
                angryInteractionsInARow, contactsBeforeIgnored, unprofitableCostToValueRatio, loyalCustomerYears,
                highValueAnnualValue, curtReplyMaxWords, NextRanking.defaults(), Map.of());
    }

    /** A house threshold of type count, for a rule: {@code policy.count("repeat.escalate-at")}. */
    public int count(String name) {
        return (Integer) house(name, Integer.class, "count");
    }

    /** A house threshold of type number. */
    public BigDecimal number(String name) {
        return (BigDecimal) house(name, BigDecimal.class, "number");
    }

    /** A house threshold of type duration. */
    public Duration duration(String name) {
        return (Duration) house(name, Duration.class, "duration");
    }

    private Object house(String name, Class<?> type, String typeName) {
        Object v = house.get(name);
        if (v == null || !type.isInstance(v)) {
            // sereno check validates every use, so a rule meets this only when compiled without it
            throw new IllegalArgumentException("no house threshold \"" + name + "\" of type " + typeName
                    + " is declared in " + HousePolicy.FILE);
        }
        return v;
    }

    private static final Map<String, Param<?>> PARAMS = new LinkedHashMap<>();
    /** The types of threshold, by the name a house declaration gives them. */
    private static final Map<String, Param<?>> TYPES = Map.of(
            "duration", new Param<>(null, "an ISO-8601 duration of zero or more such as PT2H or PT30M", raw -> {
                Duration d = Duration.parse(raw);
                if (d.isNegative()) {
                    throw new DateTimeParseException("negative", raw, 0);
                }
                return d;
            }),
            "count", new Param<>(null, "a whole number of 0 or more", raw -> {
                int n = Integer.parseInt(raw);
                if (n < 0) {
                    throw new NumberFormatException("negative");
                }
                return n;
            }),
            "number", new Param<>(null, "a number of 0 or more such as 1.5", raw -> {
                BigDecimal n = new BigDecimal(raw);
                if (n.signum() < 0) {
                    throw new NumberFormatException("negative");
                }
                return n;
            }));

    static {
        duration("verification.callback.within", "PT2H");
        duration("promise.due-soon.within", "PT2H");
        duration("next-contact.within", "PT24H");
        duration("personal-follow-up.within", "PT24H");
        duration("remedy-check.after", "PT48H");
        duration("satisfaction-check.after", "PT24H");
        duration("hard-interaction.recent.within", "PT30M");
        duration("pause.length", "PT10M");
        count("angry-interactions.in-a-row", "1");
        count("contacts-before-ignored", "1");
        number("unprofitable.cost-to-value.ratio", "2.0");
        count("loyal-customer.years", "5");
        number("high-value.annual-value", "10000");
        count("curt-reply.max-words", "12");
        PARAMS.put("examples-reader", new Param<>("on", "on or off", raw -> switch (raw) {
            case "on" -> Boolean.TRUE;
            case "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("neither on nor off");
        }));
    }

    /** The documented defaults. */
    public static PolicyParameters defaults() {
        return fromMap(Map.of(), "defaults", HousePolicy.NONE);
    }

    /** The documented defaults, and the defaults of the house thresholds declared. */
    public static PolicyParameters defaults(HousePolicy house) {
        return fromMap(Map.of(), "defaults", house);
    }

    /** Reads {@code policy.properties} text that may also set the house thresholds declared. */
    public static PolicyParameters read(String properties, HousePolicy house) {
        try {
            return fromMap(values(new StringReader(properties)), "policy.properties", house);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code raw} is a value of a threshold type: count, number or duration. */
    public static boolean valid(String type, String raw) {
        try {
            TYPES.get(type).parse(raw);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What a value of a threshold type looks like, for an error message. */
    public static String expected(String type) {
        return TYPES.get(type).expected;
    }

    private static Map<String, String> values(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        Map<String, String> values = new LinkedHashMap<>();
        for (String k : new TreeSet<>(p.stringPropertyNames())) {
            values.put(k, p.getProperty(k).trim());
        }
        return values;
    }

    /** Reads a {@code policy.properties} file; keys not listed there keep their defaults. */
    public static PolicyParameters load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        }
    }

    /**
     * Reads properties text. Unknown keys and bad values are errors naming the key and what was expected, so a typo
     * never silently falls back to a default.
     */
    public static PolicyParameters read(Reader reader, String sourceName) throws IOException {
        return fromMap(values(reader), sourceName, HousePolicy.NONE);
    }

    public static PolicyParameters read(String properties) {
        try {
            return read(new StringReader(properties), "policy.properties");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameter names with their default values, in the order they are documented. */
    public static Map<String, String> documentedDefaults() {
        Map<String, String> out = new LinkedHashMap<>();
        PARAMS.forEach((k, v) -> out.put(k, v.defaultValue));
        return out;
    }

    private static PolicyParameters fromMap(Map<String, String> values, String source, HousePolicy house) {
        List<Problem> problems = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!PARAMS.containsKey(key) && !house.parameters().containsKey(key) && !key.startsWith("next.")) {
                List<String> known = new ArrayList<>(PARAMS.keySet());
                known.addAll(house.parameters().keySet());
                problems.add(new Problem(source + ": " + key, "unknown policy parameter; known ones are "
                        + String.join(", ", known) + ", and the next.* keys of the ranking; declare a house threshold in "
                        + HousePolicy.FILE));
            }
        }
        Map<String, Object> houseValues = new LinkedHashMap<>();
        house.parameters().forEach((name, declared) -> {
            Param<?> param = TYPES.get(declared.type());
            String raw = values.getOrDefault(name, declared.defaultValue());
            try {
                houseValues.put(name, param.parse(raw));
            } catch (RuntimeException e) {
                problems.add(new Problem(source + ": " + name, "\"" + raw + "\" is not " + param.expected));
            }
        });
        Map<String, Object> parsed = new LinkedHashMap<>();
        PARAMS.forEach((key, param) -> {
            String raw = values.getOrDefault(key, param.defaultValue);
            try {
                parsed.put(key, param.parse(raw));
            } catch (RuntimeException e) {
                problems.add(new Problem(source + ": " + key, "\"" + raw + "\" is not " + param.expected));
                parsed.put(key, param.parse(param.defaultValue));
            }
        });
        NextRanking next = NextRanking.parse(values, source, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyParametersException(problems);
        }
        return new PolicyParameters(
                (Duration) parsed.get("verification.callback.within"),
                (Duration) parsed.get("promise.due-soon.within"),
                (Duration) parsed.get("next-contact.within"),
                (Duration) parsed.get("personal-follow-up.within"),
                (Duration) parsed.get("remedy-check.after"),
                (Duration) parsed.get("satisfaction-check.after"),
                (Duration) parsed.get("hard-interaction.recent.within"),
                (Duration) parsed.get("pause.length"),
                (Integer) parsed.get("angry-interactions.in-a-row"),
                (Integer) parsed.get("contacts-before-ignored"),
                (BigDecimal) parsed.get("unprofitable.cost-to-value.ratio"),
                (Integer) parsed.get("loyal-customer.years"),
                (BigDecimal) parsed.get("high-value.annual-value"),
                (Integer) parsed.get("curt-reply.max-words"),
                next,
                houseValues,
                (Boolean) parsed.get("examples-reader"));
    }

    private static void duration(String key, String def) {
        PARAMS.put(key, TYPES.get("duration").withDefault(def));
    }

    private static void count(String key, String def) {
        PARAMS.put(key, TYPES.get("count").withDefault(def));
    }

    private static void number(String key, String def) {
        PARAMS.put(key, TYPES.get("number").withDefault(def));
    }

    private record Param<T>(String defaultValue, String expected, Function<String, T> parser) {
        T parse(String raw) {
            return parser.apply(raw);
        }

        Param<T> withDefault(String value) {
            return new Param<>(value, expected, parser);
        }
    }
}
