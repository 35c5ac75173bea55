package dev.sereno.cli.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A due time as a scenario writes it: an instant ({@code 2026-11-23T12:00:00Z}) or a time relative to the
 * situation's {@code now} ({@code now}, {@code now+2h}, {@code now+1h30m}, {@code now+2d}, {@code now+PT2H}).
 */
final class Due {
    private static final Pattern RELATIVE = Pattern.compile("now\\s*(?:([+-])\\s*(\\S+))?");
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    static final String EXPECTED = "an instant such as 2026-11-23T12:00:00Z, or a time after the situation's now "
            + "such as now+2h, now+30m, now+1h30m, now+2d or now+PT2H";

    private Due() {
    }

    /** Whether {@code text} is a due time in one of the forms above. */
    static boolean valid(String text) {
        try {
            resolve(text, Instant.EPOCH);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The instant {@code text} means in a situation whose present is {@code now}. */
    static Instant resolve(String text, Instant now) {
        String t = text.strip();
        Matcher rel = RELATIVE.matcher(t);
        if (rel.matches()) {
            if (rel.group(1) == null) {
                return now;
            }
            Duration d = duration(rel.group(2));
            return rel.group(1).equals("+") ? now.plus(d) : now.minus(d);
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text);
        }
    }

    private static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(text);
            }
        }
        Matcher m = UNITS.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException(text);
        }
        Duration d = Duration.ZERO;
        long[] seconds = {86_400, 3_600, 60, 1};
        for (int i = 0; i < 4; i++) {
            if (m.group(i + 1) != null) {
                d = d.plusSeconds(Long.parseLong(m.group(i + 1)) * seconds[i]);
            }
        }
        return d;
    }

    /** {@code at} as an instant and as a time relative to {@code now}: "2026-11-23T12:00:00Z (now+2h)". */
    static String describe(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        if (d.isZero()) {
            return at + " (now)";
        }
        String sign = d.isNegative() ? "-" : "+";
        d = d.abs();
        StringBuilder sb = new StringBuilder();
        if (d.toDays() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            sb.append(d.toDays()).append('d');
        } else {
            long hours = d.toHours();
            if (hours > 0) {
                sb.append(hours).append('h');
            }
            if (d.toMinutesPart() > 0) {
                sb.append(d.toMinutesPart()).append('m');
            }
            if (d.toSecondsPart() > 0) {
                sb.append(d.toSecondsPart()).append('s');
            }
        }
        return at + " (now" + sign + sb + ")";
    }
}
