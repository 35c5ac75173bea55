package dev.sereno.engine.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the advice says, for one language: {@code CODE.say}, {@code CODE.why}, {@code CODE.what} keys with
 * {@code {0}}-style placeholders filled from the arguments a rule gave. An enum argument is written as the text of
 * the key {@code EnumName.VALUE} when the bundle has one ({@code Remedy.REFUND=a refund}), else as its name. No
 * MessageFormat, so an apostrophe in "don't" needs no escaping. Every text is split into its parts once, when the
 * bundle is read, so rendering advice only joins them. Immutable. Internal API.
 */
public final class Messages {
    private final Map<String, String> texts;
    /** The language the bundle is written in, for arguments that read differently per language; null if unknown. */
    private final dev.sereno.situation.Language language;
    private final Map<String, Template> templates;
    /** The bundle's word for each enum value met so far (a bounded set: the values of the policy's enums). */
    private final Map<Enum<?>, String> enumTexts = new ConcurrentHashMap<>();

    private Messages(Map<String, String> texts, dev.sereno.situation.Language language) {
        this.language = language;
        this.texts = Map.copyOf(texts);
        Map<String, Template> parsed = new HashMap<>();
        this.texts.forEach((key, text) -> parsed.put(key, Template.parse(text)));
        this.templates = parsed;
    }

    static Messages parse(String properties, String sourceName) {
        return parse(properties, sourceName, null);
    }

    static Messages parse(String properties, String sourceName, dev.sereno.situation.Language language) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(properties));
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException(sourceName + ": " + e.getMessage(), e));
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().stream().filter(k -> !p.getProperty(k).isBlank())
                .forEach(k -> map.put(k, p.getProperty(k).strip()));
        return new Messages(map, language);
    }

    static Messages empty() {
        return new Messages(Map.of(), null);
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return texts.keySet();
    }

    /** The text of {@code key} as the bundle has it, placeholders unfilled, or null when it has no such key. */
    public String text(String key) {
        return texts.get(key);
    }

    /** The text for {@code key} with arguments filled in, or null when this language has no such key. */
    String render(String key, List<Object> args) {
        Template t = templates.get(key);
        return t == null ? null : t.render(args, this);
    }

    /** The parsed text for {@code key}, or null when this language has no such key. */
    Template template(String key) {
        return templates.get(key);
    }

    String format(Object arg) {
        if (arg instanceof Enum<?> e) {
            // an enum value reads as the bundle's name for it when there is one: Remedy.REFUND=el reembolso
            String text = enumTexts.get(e);
            if (text == null) {
                text = texts.getOrDefault(e.getDeclaringClass().getSimpleName() + "." + e.name(), e.name());
                enumTexts.put(e, text);
            }
            return text;
        }
        if (arg instanceof dev.sereno.policy.When w) {
            return dev.sereno.text.time.LocalTimes.describe(w.at(), w.now(), w.zone(),
                    language == null ? dev.sereno.situation.Language.EN : language);
        }
        if (arg instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? d.setScale(0).toPlainString() : d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        if (arg instanceof Duration d) {
            long minutes = d.toMinutes();
            return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
        }
        return String.valueOf(arg);
    }

    /**
     * One message text as literal parts and argument numbers. A {@code {n}} whose argument is missing stays as
     * written; a text rendered without arguments is returned as it is, placeholders included.
     */
    static final class Template {
        private final String text;
        /** Literal parts, and between them the argument numbers; null when the text has no placeholder. */
        private final String[] literals;
        private final int[] arguments;
        private final String[] placeholders;

        private Template(String text, String[] literals, int[] arguments, String[] placeholders) {
            this.text = text;
            this.literals = literals;
            this.arguments = arguments;
            this.placeholders = placeholders;
        }

        static Template parse(String pattern) {
            if (pattern.indexOf('{') < 0) {
                return new Template(pattern, null, null, null);
            }
            List<String> literals = new java.util.ArrayList<>();
            List<Integer> arguments = new java.util.ArrayList<>();
            List<String> placeholders = new java.util.ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                int close = c == '{' ? pattern.indexOf('}', i) : -1;
                if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                    literals.add(literal.toString());
                    literal.setLength(0);
                    arguments.add(number(pattern.substring(i + 1, close)));
                    placeholders.add(pattern.substring(i, close + 1));
                    i = close + 1;
                } else {
                    literal.append(c);
                    i++;
                }
            }
            literals.add(literal.toString());
            if (arguments.isEmpty()) {
                return new Template(pattern, null, null, null);
            }
            return new Template(pattern, literals.toArray(new String[0]),
                    arguments.stream().mapToInt(Integer::intValue).toArray(), placeholders.toArray(new String[0]));
        }

        /** A number too large for an int can never name an argument: it stays as written. */
        private static int number(String digits) {
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }

        /** The text with the arguments filled in, enum values and amounts written by {@code words}. */
        String render(List<Object> args, Messages words) {
            if (literals == null || args.isEmpty()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (int k = 0; k < arguments.length; k++) {
                out.append(literals[k]);
                int n = arguments[k];
                out.append(n < args.size() ? words.format(args.get(n)) : placeholders[k]);
            }
            return out.append(literals[arguments.length]).toString();
        }
    }
}
