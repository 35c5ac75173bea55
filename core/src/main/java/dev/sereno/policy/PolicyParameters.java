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
 * The thresholds of the policy. Rules read them from this fact instead of writing numbers into conditions,
 * so a service manager changes "how soon a callback" in one place ({@code policy.properties}).
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
 */
public record PolicyParameters(Duration verificationCallbackWithin, Duration promiseDueSoonWithin,
                               Duration nextContactWithin, Duration personalFollowUpWithin, Duration remedyCheckAfter,
                               Duration satisfactionCheckAfter, Duration hardInteractionRecentWithin,
                               Duration pauseLength, int angryInteractionsInARow, int contactsBeforeIgnored,
                               BigDecimal unprofitableCostToValueRatio, int loyalCustomerYears,
                               BigDecimal highValueAnnualValue, int curtReplyMaxWords) {

    private static final Map<String, Param<?>> PARAMS = new LinkedHashMap<>();

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
    }

    /** The documented defaults. */
    public static PolicyParameters defaults() {
        return fromMap(Map.of(), "defaults");
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
        Properties p = new Properties();
        p.load(reader);
        Map<String, String> values = new LinkedHashMap<>();
        for (String k : new TreeSet<>(p.stringPropertyNames())) {
            values.put(k, p.getProperty(k).trim());
        }
        return fromMap(values, sourceName);
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

    private static PolicyParameters fromMap(Map<String, String> values, String source) {
        List<Problem> problems = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!PARAMS.containsKey(key)) {
                problems.add(new Problem(source + ": " + key, "unknown policy parameter; known ones are "
                        + String.join(", ", PARAMS.keySet())));
            }
        }
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
                (Integer) parsed.get("curt-reply.max-words"));
    }

    private static void duration(String key, String def) {
        PARAMS.put(key, new Param<>(def, "an ISO-8601 duration of zero or more such as PT2H or PT30M", raw -> {
            Duration d = Duration.parse(raw);
            if (d.isNegative()) {
                throw new DateTimeParseException("negative", raw, 0);
            }
            return d;
        }));
    }

    private static void count(String key, String def) {
        PARAMS.put(key, new Param<>(def, "a whole number of 0 or more", raw -> {
            int n = Integer.parseInt(raw);
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        }));
    }

    private static void number(String key, String def) {
        PARAMS.put(key, new Param<>(def, "a number of 0 or more such as 1.5", raw -> {
            BigDecimal n = new BigDecimal(raw);
            if (n.signum() < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        }));
    }

    private record Param<T>(String defaultValue, String expected, Function<String, T> parser) {
        T parse(String raw) {
            return parser.apply(raw);
        }
    }
}
