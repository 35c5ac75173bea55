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

/**
 * What the advice says, for one language: {@code CODE.say}, {@code CODE.why}, {@code CODE.what} keys with
 * {@code {0}}-style placeholders filled from the arguments a rule gave. An enum argument is written as the text of
 * the key {@code EnumName.VALUE} when the bundle has one ({@code Remedy.REFUND=a refund}), else as its name. No
 * MessageFormat, so an apostrophe in "don't" needs no escaping. Immutable. Internal API.
 */
public final class Messages {
    private final Map<String, String> texts;

    private Messages(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    static Messages parse(String properties, String sourceName) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(properties));
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException(sourceName + ": " + e.getMessage(), e));
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().stream().filter(k -> !p.getProperty(k).isBlank())
                .forEach(k -> map.put(k, p.getProperty(k).strip()));
        return new Messages(map);
    }

    static Messages empty() {
        return new Messages(Map.of());
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return texts.keySet();
    }

    /** The text for {@code key} with arguments filled in, or null when this language has no such key. */
    String render(String key, List<Object> args) {
        String pattern = texts.get(key);
        if (pattern == null || args.isEmpty() || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < args.size() ? format(args.get(n)) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String format(Object arg) {
        if (arg instanceof Enum<?> e) {
            // an enum value reads as the bundle's name for it when there is one: Remedy.REFUND=el reembolso
            return texts.getOrDefault(e.getDeclaringClass().getSimpleName() + "." + e.name(), e.name());
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
}
