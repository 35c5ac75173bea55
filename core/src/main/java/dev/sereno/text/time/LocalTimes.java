package dev.sereno.text.time;

import dev.sereno.situation.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;

/**
 * Writes a due time for the agent, in the customer's zone and relative to now: "mañana, 10:00 hora de Madrid",
 * "today, 17:00 UTC", "el lunes 30/11, 18:00 hora de Ciudad de México"… JSON keeps instants in UTC; this is only
 * for people. Thread-safe.
 */
public final class LocalTimes {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_ES = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    private LocalTimes() {
    }

    /** When {@code due} is, seen from {@code now} in {@code zone}, in {@code language}. */
    public static String describe(Instant due, Instant now, ZoneId zone, Language language) {
        ZonedDateTime at = due.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, at.toLocalDate());
        boolean es = language == Language.ES;
        String day;
        if (days == 0) {
            day = es ? "hoy" : "today";
        } else if (days == 1) {
            day = es ? "mañana" : "tomorrow";
        } else if (days == -1) {
            day = es ? "ayer" : "yesterday";
        } else if (days > 1 && days < 7) {
            String name = at.getDayOfWeek().getDisplayName(TextStyle.FULL, language.locale());
            day = es ? "el " + name + " " + at.getDayOfMonth() + "/" + at.getMonthValue() : name + " " + at.getDayOfMonth()
                    + " " + at.getMonth().getDisplayName(TextStyle.SHORT, java.util.Locale.ENGLISH);
        } else {
            day = es ? "el " + DATE_ES.format(at) : DATE_EN.format(at);
        }
        return day + ", " + HOUR.format(at) + " " + zoneName(zone, language);
    }

    /** "hora de Madrid" / "Madrid time"; "UTC" for UTC. */
    public static String zoneName(ZoneId zone, Language language) {
        String id = zone.getId();
        if (id.equals("UTC") || id.equals("Z") || id.equals("Etc/UTC") || id.equals("GMT")) {
            return "UTC";
        }
        String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        if (language == Language.ES && city.equals("Mexico City")) {
            city = "Ciudad de México";
        }
        return language == Language.ES ? "hora de " + city : city + " time";
    }
}
