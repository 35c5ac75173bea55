package dev.sereno.text.time;

import dev.sereno.situation.Language;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times a text names, in Spanish or English, and resolves each against a moment in a time zone with
 * java.time: "mañana a las 10", "hoy antes de las 17", "esta tarde", "el lunes", "antes del viernes", "en 48 horas",
 * "tomorrow at 10", "by noon", "by the end of the week", "within two hours", "next Monday".
 *
 * <p>How the words are read (documented in docs/contract.md):
 * <ul>
 * <li>a day without an hour is due at the end of the working day, 18:00 (or 23:59 when 18:00 has passed); "antes
 * del viernes" / "before Friday" is due when Friday begins;</li>
 * <li>a weekday is the next one after today ("el lunes", "next Monday", "el próximo lunes"); "este lunes" / "this
 * Monday" is today when today is Monday;</li>
 * <li>an hour without a day is today's, or tomorrow's once it has passed; an hour from 1 to 7 without "de la
 * mañana" or "am" is in the afternoon (a la 5 = 17:00);</li>
 * <li>morning ends at 12:00, the afternoon at 18:00, the evening at 21:00; "a primera hora" / "first thing" is
 * 09:00; the end of the day and "a última hora" are 18:00;</li>
 * <li>"en unos minutos" / "in a few minutes" is 15 minutes; "en 48 horas" adds exactly that time; "en 2 días" the same hour two days on in the zone; "días hábiles" /
 * "business days" skip Saturdays and Sundays; the end of the week is Friday 18:00.</li>
 * </ul>
 * Thread-safe.
 */
public final class TimeResolver {
    static final LocalTime END_OF_WORKING_DAY = LocalTime.of(18, 0);
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);
    /** "En unos minutos", "in a few minutes". */
    static final int FEW_MINUTES = 15;
    private static final Pattern DAY_EN = Pattern.compile("\\d{1,2}(st|nd|rd|th)?");
    private static final Pattern ORDINAL_EN = Pattern.compile("\\d+(st|nd|rd|th)");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,4})h");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?(h|hs|hrs|am|pm)?");

    private final Language language;

    private TimeResolver(Language language) {
        this.language = language;
    }

    /** One per language, made once: a resolver holds nothing but its language. */
    private static final java.util.Map<Language, TimeResolver> BY_LANGUAGE = new java.util.EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            BY_LANGUAGE.put(l, new TimeResolver(l));
        }
    }

    /** The resolver of a language's times; the same instance every call, so asking on a hot path costs nothing. */
    public static TimeResolver of(Language language) {
        return BY_LANGUAGE.get(java.util.Objects.requireNonNull(language, "language"));
    }

    /** Every time {@code text} names, in order, resolved against {@code now} in {@code zone}. */
    public List<TimeMention> find(String text, Instant now, ZoneId zone) {
        return find(Words.of(text), now, zone);
    }

    List<TimeMention> find(List<Words.Word> words, Instant now, ZoneId zone) {
        List<TimeMention> out = new ArrayList<>();
        find(words, 0, words.size(), now, zone, out, null);
        return out;
    }

    /**
     * The times named by words {@code [from, to)}, added to {@code out} in order, and when {@code wordRanges} is
     * not null the words each spans ({@code {first, after last}}). A time never reaches across a sentence (nor
     * looks at words of another), so reading from the first word of a sentence to the end of it finds exactly what
     * reading the whole text finds in that sentence.
     */
    void find(List<Words.Word> words, int from, int to, Instant now, ZoneId zone, List<TimeMention> out,
              List<int[]> wordRanges) {
        ZonedDateTime at = null;
        int i = from;
        while (i < to) {
            Parse p = new Parse(words, i, language);
            int used = p.run();
            if (used > 0 && p.meaningful()) {
                if (at == null) {
                    at = now.atZone(zone);
                }
                Instant due = p.resolve(at);
                if (due != null) {
                    out.add(new TimeMention(words.get(p.first).start(), words.get(i + used - 1).end(), due));
                    if (wordRanges != null) {
                        wordRanges.add(new int[] {p.first, i + used});
                    }
                }
                i += used;
            } else {
                i++;
            }
        }
    }

    /** The instant {@code expression} names when the whole of it is one time expression; empty otherwise. */
    public Optional<Instant> resolve(String expression, Instant now, ZoneId zone) {
        List<Words.Word> words = Words.of(expression);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Parse p = new Parse(words, 0, language);
        int used = p.run();
        if (used != words.size() || !p.meaningful()) {
            return Optional.empty();
        }
        return Optional.ofNullable(p.resolve(now.atZone(zone)));
    }

    // ------------------------------------------------------------------------------------------------------------

    private static final Map<String, Integer> NUMBERS_ES = Map.ofEntries(
            Map.entry("un", 1), Map.entry("una", 1), Map.entry("uno", 1), Map.entry("dos", 2), Map.entry("tres", 3),
            Map.entry("cuatro", 4), Map.entry("cinco", 5), Map.entry("seis", 6), Map.entry("siete", 7),
            Map.entry("ocho", 8), Map.entry("nueve", 9), Map.entry("diez", 10), Map.entry("once", 11),
            Map.entry("doce", 12), Map.entry("quince", 15), Map.entry("veinte", 20), Map.entry("veinticuatro", 24),
            Map.entry("treinta", 30), Map.entry("cuarenta", 40), Map.entry("setenta", 70),
            Map.entry("setenta y dos", 72), Map.entry("cuarenta y ocho", 48));
    private static final Map<String, Integer> NUMBERS_EN = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("seventy", 70),
            Map.entry("twenty-four", 24), Map.entry("forty-eight", 48), Map.entry("seventy-two", 72));
    private static final Map<String, DayOfWeek> WEEKDAYS_ES = Map.of("lunes", DayOfWeek.MONDAY,
            "martes", DayOfWeek.TUESDAY, "miercoles", DayOfWeek.WEDNESDAY, "jueves", DayOfWeek.THURSDAY,
            "viernes", DayOfWeek.FRIDAY, "sabado", DayOfWeek.SATURDAY, "domingo", DayOfWeek.SUNDAY);
    private static final Map<String, DayOfWeek> WEEKDAYS_EN = Map.of("monday", DayOfWeek.MONDAY,
            "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY,
            "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY);
    private static final Map<String, Month> MONTHS_ES = Map.ofEntries(Map.entry("enero", Month.JANUARY),
            Map.entry("febrero", Month.FEBRUARY), Map.entry("marzo", Month.MARCH), Map.entry("abril", Month.APRIL),
            Map.entry("mayo", Month.MAY), Map.entry("junio", Month.JUNE), Map.entry("julio", Month.JULY),
            Map.entry("agosto", Month.AUGUST), Map.entry("septiembre", Month.SEPTEMBER),
            Map.entry("setiembre", Month.SEPTEMBER), Map.entry("octubre", Month.OCTOBER),
            Map.entry("noviembre", Month.NOVEMBER), Map.entry("diciembre", Month.DECEMBER));
    private static final Map<String, Month> MONTHS_EN = Map.ofEntries(Map.entry("january", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("march", Month.MARCH), Map.entry("april", Month.APRIL),
            Map.entry("may", Month.MAY), Map.entry("june", Month.JUNE), Map.entry("july", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("september", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("november", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER));

    private enum Unit { MINUTES, HOURS, DAYS, BUSINESS_DAYS, WEEKS }

    private enum DayKind { NONE, OFFSET, WEEKDAY_NEXT, WEEKDAY_THIS, DAY_OF_MONTH, DATE, END_OF_WEEK, NEXT_WEEK,
        END_OF_MONTH }

    /** One attempt at reading a time expression from a word on; the parts found so far. */
    private static final class Parse {
        final List<Words.Word> w;
        final int first;
        final boolean es;
        int i;
        boolean before;
        /** A word that makes a bare number an hour: "by 5", "hasta las 5". */
        boolean marked;
        DayKind day = DayKind.NONE;
        int offset;
        DayOfWeek weekday;
        int dayOfMonth;
        Month month;
        LocalTime time;
        boolean clockGiven;
        long amount;
        Unit unit;

        Parse(List<Words.Word> words, int at, Language language) {
            this.w = words;
            this.first = at;
            this.i = at;
            this.es = language == Language.ES;
        }

        boolean meaningful() {
            return day != DayKind.NONE || time != null || unit != null;
        }

        String at(int k) {
            int j = i + k;
            return j >= 0 && j < w.size() && w.get(j).sentence() == w.get(first).sentence() ? w.get(j).text() : "";
        }

        boolean is(int k, String... options) {
            String t = at(k);
            for (String o : options) {
                if (o.equals(t)) {
                    return true;
                }
            }
            return false;
        }

        /** Reads parts one after the other; returns how many words the expression has (0 when none). */
        int run() {
            int lastGood = first;
            while (i < w.size()) {
                int start = i;
                boolean progressed = es ? partEs() : partEn();
                if (!progressed) {
                    i = start;
                    break;
                }
                if (meaningful()) {
                    lastGood = i;
                }
                // parts may be joined by a comma inside one sentence: "mañana, a las 10"
                if (i < w.size() && i > 0 && w.get(i).sentence() != w.get(first).sentence()) {
                    break;
                }
            }
            i = lastGood;
            return lastGood - first;
        }

        // ---------------------------------------------------------------------------------------------- Spanish

        private boolean partEs() {
            if (unit == null && day == DayKind.NONE && time == null && relativeEs()) {
                return true;
            }
            if (time == null && partOfDayEs()) {
                return true;
            }
            if (!before && !marked && time == null) {
                if (is(0, "antes") && is(1, "de", "del")) {
                    before = true;
                    i += 2;
                    return true;
                }
                if (is(0, "hasta", "para")) {
                    marked = true;
                    i += 1;
                    return true;
                }
                if (is(0, "como") && is(1, "muy") && is(2, "tarde") || is(0, "a") && is(1, "mas") && is(2, "tardar")) {
                    marked = true;
                    i += 3;
                    return true;
                }
            }
            if (time == null && clockEs()) {
                return true;
            }
            if (day == DayKind.NONE && dayEs()) {
                return true;
            }
            return false;
        }

        private boolean relativeEs() {
            int k = 0;
            if (is(0, "en", "dentro")) {
                k = is(0, "dentro") && is(1, "de") ? 2 : 1;
                if (is(k, "un", "el") && is(k + 1, "plazo", "maximo") && is(k + 2, "de")) {
                    k += 3;
                } else if (is(k, "menos") && is(k + 1, "de")) {
                    k += 2;
                } else if (is(k, "las", "los") && is(k + 1, "proximas", "proximos", "siguientes")) {
                    k += 2;
                }
            } else if (is(0, "antes") && is(1, "de")) {
                k = 2;
            } else {
                return false;
            }
            if (is(k, "media") && is(k + 1, "hora")) {
                amount = 30;
                unit = Unit.MINUTES;
                i += k + 2;
                return true;
            }
            Matcher hours = HOURS.matcher(at(k));
            if (hours.matches()) {
                amount = Integer.parseInt(hours.group(1));
                unit = Unit.HOURS;
                i += k + 1;
                return true;
            }
            if (is(k, "unos", "unas") && (is(k + 1, "minutos") || is(k + 1, "pocos") && is(k + 2, "minutos"))) {
                amount = FEW_MINUTES;
                unit = Unit.MINUTES;
                i += k + (is(k + 1, "pocos") ? 3 : 2);
                return true;
            }
            if (is(k, "un") && is(k + 1, "par") && is(k + 2, "de")) {
                amount = 2;
                k += 3;
            } else {
                int[] n = numberEs(k);
                if (n == null) {
                    return false;
                }
                amount = n[0];
                k += n[1];
            }
            Unit u = unitOf(at(k));
            if (u == null) {
                return false;
            }
            k++;
            if ((u == Unit.DAYS) && is(k, "habiles", "laborables", "laborales")) {
                u = Unit.BUSINESS_DAYS;
                k++;
            }
            unit = u;
            i += k;
            return true;
        }

        private int[] numberEs(int k) {
            String t = at(k);
            if (digits(t, 4)) {
                return new int[] {Integer.parseInt(t), 1};
            }
            String two = t + " " + at(k + 1) + " " + at(k + 2);
            if (NUMBERS_ES.containsKey(two)) {
                return new int[] {NUMBERS_ES.get(two), 3};
            }
            Integer n = NUMBERS_ES.get(t);
            return n == null ? null : new int[] {n, 1};
        }

        private Unit unitOf(String t) {
            switch (t) {
                case "minuto": case "minutos": case "min": case "minute": case "minutes": case "mins":
                    return Unit.MINUTES;
                case "hora": case "horas": case "h": case "hour": case "hours": case "hrs":
                    return Unit.HOURS;
                case "dia": case "dias": case "day": case "days":
                    return Unit.DAYS;
                case "semana": case "semanas": case "week": case "weeks":
                    return Unit.WEEKS;
                default:
                    return null;
            }
        }

        private boolean clockEs() {
            int k = 0;
            if (is(0, "a", "sobre", "hacia", "para", "hasta") && is(1, "las", "la")) {
                k = 2;
            } else if ((before || marked || is(-1, "de")) && is(0, "las", "la")) {
                k = 1;
            } else if (is(0, "a", "al") && is(1, "mediodia")) {
                time = LocalTime.NOON;
                clockGiven = true;
                i += 2;
                return true;
            } else if (is(0, "mediodia") && (before || marked || is(-1, "el", "del"))) {
                time = LocalTime.NOON;
                clockGiven = true;
                i += 1;
                return true;
            }
            Integer hour;
            int minute = 0;
            String suffix = null;
            String t = at(k);
            Matcher m = CLOCK.matcher(t);
            if (m.matches()) {
                hour = Integer.parseInt(m.group(1));
                minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                suffix = m.group(3);
                if (k == 0 && m.group(2) == null && suffix == null) {
                    return false;
                }
            } else {
                if (k == 0) {
                    return false;
                }
                hour = NUMBERS_ES.get(t);
                if (hour == null || hour > 12) {
                    return false;
                }
            }
            k++;
            if (hour > 24 || minute > 59) {
                return false;
            }
            if (is(k, "y") && is(k + 1, "media")) {
                minute = 30;
                k += 2;
            } else if (is(k, "y") && is(k + 1, "cuarto")) {
                minute = 15;
                k += 2;
            } else if (is(k, "menos") && is(k + 1, "cuarto")) {
                hour = hour - 1;
                minute = 45;
                k += 2;
            }
            if (is(k, "h", "horas", "hrs")) {
                k++;
                suffix = "h";
            }
            String period = null;
            if (is(k, "de", "por") && is(k + 1, "la") && is(k + 2, "manana", "tarde", "noche", "madrugada")) {
                period = at(k + 2);
                k += 3;
            } else if (is(k, "en") && is(k + 1, "punto")) {
                k += 2;
            }
            hour = hourOf(hour, period, suffix);
            if (hour == null) {
                return false;
            }
            time = LocalTime.of(hour % 24, minute);
            clockGiven = true;
            i += k;
            return true;
        }

        private boolean partOfDayEs() {
            if (is(0, "por", "de") && is(1, "la") && is(2, "manana", "tarde", "noche")) {
                time = partTime(at(2));
                i += 3;
                return true;
            }
            int m = is(0, "esta") && is(1, "misma") ? 2 : 1;
            if (is(0, "esta") && is(m, "manana", "tarde", "noche")) {
                time = partTime(at(m));
                if (day == DayKind.NONE) {
                    setOffset(0);
                }
                i += m + 1;
                return true;
            }
            if (is(0, "a") && is(1, "media") && is(2, "manana", "tarde")) {
                time = is(2, "manana") ? LocalTime.of(11, 0) : LocalTime.of(17, 0);
                i += 3;
                return true;
            }
            if (is(0, "a") && is(1, "primera") && is(2, "hora")) {
                time = LocalTime.of(9, 0);
                i += 3;
                return true;
            }
            if (is(0, "a") && is(1, "ultima") && is(2, "hora")) {
                endOfDay();
                i += 3;
                return true;
            }
            if ((is(0, "al", "a") && is(1, "final", "finales") && is(2, "del", "de") && is(3, "dia"))
                    || (is(0, "a", "durante") && is(1, "lo") && is(2, "largo") && is(3, "del") && is(4, "dia"))
                    || (is(0, "antes") && is(1, "de") && is(2, "que") && is(3, "acabe", "termine") && is(4, "el")
                        && is(5, "dia"))) {
                endOfDay();
                i += is(0, "durante") || is(0, "a") && is(1, "lo") || is(0, "antes") ? (is(0, "antes") ? 6 : 5) : 4;
                return true;
            }
            return false;
        }

        private boolean dayEs() {
            if (is(0, "pasado") && is(1, "manana")) {
                setOffset(2);
                i += 2;
                return true;
            }
            if (is(0, "hoy")) {
                setOffset(0);
                i += is(1, "mismo") ? 2 : 1;
                return true;
            }
            if (is(0, "manana") && !is(-1, "la", "esta", "misma", "media")) {
                setOffset(1);
                i += is(1, "mismo") ? 2 : 1;
                return true;
            }
            int k = 0;
            boolean thisOne = false;
            if (is(0, "el", "este", "para", "del") && is(1, "proximo")) {
                k = 2;
            } else if (is(0, "el", "del", "para", "al")) {
                k = 1;
            } else if (is(0, "este")) {
                k = 1;
                thisOne = true;
            } else if (is(0, "proximo")) {
                k = 1;
            }
            if (is(k, "dia") && !WEEKDAYS_ES.containsKey(at(k + 1))) {
                k++;
            }
            DayOfWeek d = WEEKDAYS_ES.get(at(k));
            if (d != null) {
                weekday = d;
                day = thisOne ? DayKind.WEEKDAY_THIS : DayKind.WEEKDAY_NEXT;
                k++;
                if (is(k, "que") && is(k + 1, "viene")) {
                    day = DayKind.WEEKDAY_NEXT;
                    k += 2;
                } else if (is(k, "proximo")) {
                    k++;
                }
                i += k;
                return true;
            }
            // "el día 25", "el 25 de noviembre", "25 de noviembre"
            if (digits(at(k), 2) && (is(k - 1, "dia") || is(k + 1, "de") && MONTHS_ES.containsKey(at(k + 2)))) {
                int n = Integer.parseInt(at(k));
                if (n < 1 || n > 31) {
                    return false;
                }
                dayOfMonth = n;
                k++;
                if (is(k, "de") && MONTHS_ES.containsKey(at(k + 1))) {
                    month = MONTHS_ES.get(at(k + 1));
                    day = DayKind.DATE;
                    k += 2;
                } else {
                    day = DayKind.DAY_OF_MONTH;
                }
                i += k;
                return true;
            }
            // esta semana, la semana que viene, la próxima semana, a final de semana, antes del fin de semana
            if ((is(0, "esta") && is(1, "semana"))) {
                day = DayKind.END_OF_WEEK;
                i += 2;
                return true;
            }
            // este mes: by the end of it, as "esta semana" is by its end
            if (is(0, "este") && is(1, "mes")) {
                day = DayKind.END_OF_MONTH;
                i += 2;
                return true;
            }
            if ((is(0, "la") && is(1, "semana") && is(2, "que") && is(3, "viene"))
                    || (is(0, "la") && is(1, "proxima") && is(2, "semana"))
                    || (is(0, "la") && is(1, "semana") && is(2, "proxima"))) {
                day = DayKind.NEXT_WEEK;
                i += is(1, "semana") && is(2, "que") ? 4 : 3;
                return true;
            }
            int j = 0;
            if (is(0, "a", "al", "para", "hacia", "el", "del")) {
                j = 1;
            }
            if (is(j, "final", "finales", "fin") && is(j + 1, "de") && (is(j + 2, "semana")
                    || is(j + 2, "la", "esta") && is(j + 3, "semana"))) {
                day = DayKind.END_OF_WEEK;
                i += j + (is(j + 2, "semana") ? 3 : 4);
                return true;
            }
            if (is(j, "final", "finales", "fin") && is(j + 1, "de") && (is(j + 2, "mes")
                    || is(j + 2, "este") && is(j + 3, "mes"))) {
                day = DayKind.END_OF_MONTH;
                i += j + (is(j + 2, "mes") ? 3 : 4);
                return true;
            }
            return false;
        }

        // ---------------------------------------------------------------------------------------------- English

        private boolean partEn() {
            if (unit == null && day == DayKind.NONE && time == null && relativeEn()) {
                return true;
            }
            if (time == null && partOfDayEn()) {
                return true;
            }
            if (!before && !marked && time == null) {
                if (is(0, "before")) {
                    before = true;
                    i += 1;
                    return true;
                }
                if (is(0, "by", "until", "till") && !is(1, "the")) {
                    marked = true;
                    i += 1;
                    return true;
                }
                if (is(0, "no") && is(1, "later") && is(2, "than")) {
                    marked = true;
                    i += 3;
                    return true;
                }
            }
            if (time == null && clockEn()) {
                return true;
            }
            if (day == DayKind.NONE && dayEn()) {
                return true;
            }
            return false;
        }

        private boolean relativeEn() {
            int k;
            if (is(0, "in", "within", "inside")) {
                k = 1;
                if (is(1, "of") || is(1, "the") && is(2, "next") || is(1, "less") && is(2, "than")) {
                    k = is(1, "of") ? 2 : 3;
                }
            } else {
                return false;
            }
            if (is(k, "the") && is(k + 1, "hour")) {
                amount = 1;
                unit = Unit.HOURS;
                i += k + 2;
                return true;
            }
            if (is(k, "half") && is(k + 1, "an") && is(k + 2, "hour")) {
                amount = 30;
                unit = Unit.MINUTES;
                i += k + 3;
                return true;
            }
            if (is(k, "a") && is(k + 1, "few") && is(k + 2, "minutes")) {
                amount = FEW_MINUTES;
                unit = Unit.MINUTES;
                i += k + 3;
                return true;
            }
            if (is(k, "a") && is(k + 1, "couple") && is(k + 2, "of")) {
                amount = 2;
                k += 3;
            } else {
                String t = at(k);
                Integer n = digits(t, 4) ? Integer.valueOf(t) : NUMBERS_EN.get(t);
                if (n == null) {
                    Matcher h = HOURS.matcher(t);
                    if (h.matches()) {
                        amount = Integer.parseInt(h.group(1));
                        unit = Unit.HOURS;
                        i += k + 1;
                        return true;
                    }
                    return false;
                }
                amount = n;
                k++;
            }
            if (is(k, "business", "working") && is(k + 1, "day", "days")) {
                unit = Unit.BUSINESS_DAYS;
                i += k + 2;
                return true;
            }
            Unit u = unitOf(at(k));
            if (u == null) {
                return false;
            }
            unit = u;
            i += k + 1;
            return true;
        }

        private boolean clockEn() {
            int k = 0;
            boolean marked = false;
            if (is(0, "at", "around", "by", "before", "until", "till")) {
                k = 1;
                marked = true;
            } else if (before || this.marked) {
                marked = true;
            }
            if (is(k, "noon", "midday") || is(k, "12") && is(k + 1, "noon")) {
                time = LocalTime.NOON;
                clockGiven = true;
                i += k + (is(k, "12") ? 2 : 1);
                return true;
            }
            if (is(k, "midnight")) {
                time = END_OF_DAY;
                clockGiven = true;
                i += k + 1;
                return true;
            }
            String t = at(k);
            Matcher m = CLOCK.matcher(t);
            Integer hour;
            int minute = 0;
            String suffix = null;
            if (m.matches()) {
                hour = Integer.parseInt(m.group(1));
                minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                suffix = m.group(3);
            } else {
                hour = NUMBERS_EN.get(t);
                if (hour == null || hour > 12 || t.equals("a") || t.equals("an")) {
                    return false;
                }
            }
            k++;
            if (is(k, "am", "pm")) {
                suffix = at(k);
                k++;
            } else if (is(k, "o'clock")) {
                k++;
                marked = true;
            }
            String period = null;
            if (is(k, "in") && is(k + 1, "the") && is(k + 2, "morning", "afternoon", "evening")) {
                period = at(k + 2);
                k += 3;
            } else if (is(k, "tonight")) {
                period = "evening";
            }
            if (!marked && suffix == null && (m.matches() ? m.group(2) == null : true)) {
                return false;
            }
            if (hour > 24 || minute > 59) {
                return false;
            }
            hour = hourOf(hour, period, suffix);
            if (hour == null) {
                return false;
            }
            time = LocalTime.of(hour % 24, minute);
            clockGiven = true;
            i += k;
            return true;
        }

        private boolean partOfDayEn() {
            if (is(0, "this", "in") && (is(1, "morning", "afternoon", "evening")
                    || is(0, "in") && is(1, "the") && is(2, "morning", "afternoon", "evening"))) {
                int k = is(1, "the") ? 2 : 1;
                time = partTime(at(k));
                if (is(0, "this") && day == DayKind.NONE) {
                    setOffset(0);
                }
                i += k + 1;
                return true;
            }
            if (day != DayKind.NONE && is(0, "morning", "afternoon", "evening", "night")) {
                time = partTime(at(0));
                i += 1;
                return true;
            }
            if (is(0, "tonight")) {
                time = LocalTime.of(21, 0);
                if (day == DayKind.NONE) {
                    setOffset(0);
                }
                i += 1;
                return true;
            }
            if (is(0, "first") && is(1, "thing")) {
                time = LocalTime.of(9, 0);
                i += is(2, "in") && is(3, "the") && is(4, "morning") ? 5 : 2;
                return true;
            }
            if (is(0, "later") && is(1, "today")) {
                endOfDay();
                i += 2;
                return true;
            }
            if (is(0, "eod", "cob") || is(0, "close") && is(1, "of") && is(2, "business")) {
                endOfDay();
                i += is(0, "close") ? 3 : 1;
                return true;
            }
            int k = is(0, "the") ? 1 : is(0, "by") && is(1, "the") ? 2 : 0;
            if (is(k, "end") && is(k + 1, "of") && (is(k + 2, "the", "this", "today's") && is(k + 3, "day")
                    || is(k + 2, "day", "today") || is(k + 2, "business") && is(k + 3, "day"))) {
                endOfDay();
                i += k + (is(k + 2, "day", "today") ? 3 : 4);
                return true;
            }
            return false;
        }

        private boolean dayEn() {
            if (is(0, "the") && is(1, "day") && is(2, "after") && is(3, "tomorrow")) {
                setOffset(2);
                i += 4;
                return true;
            }
            if (is(0, "today")) {
                setOffset(0);
                i += 1;
                return true;
            }
            if (is(0, "tomorrow")) {
                setOffset(1);
                i += 1;
                return true;
            }
            int k = is(0, "on", "by") ? 1 : 0;
            boolean thisOne = false;
            if (is(k, "this")) {
                thisOne = true;
                k++;
            } else if (is(k, "next", "coming") || is(k, "the") && is(k + 1, "coming")) {
                k += is(k, "the") ? 2 : 1;
            }
            DayOfWeek d = WEEKDAYS_EN.get(at(k));
            if (d != null) {
                weekday = d;
                day = thisOne ? DayKind.WEEKDAY_THIS : DayKind.WEEKDAY_NEXT;
                i += k + 1;
                return true;
            }
            // "on 25 November", "on November 25th", "by the 25th"
            Month mo = MONTHS_EN.get(at(k));
            if (mo != null && DAY_EN.matcher(at(k + 1)).matches()) {
                month = mo;
                dayOfMonth = Integer.parseInt(at(k + 1).replaceAll("\\D", ""));
                day = DayKind.DATE;
                i += k + 2;
                return dayOfMonth >= 1 && dayOfMonth <= 31;
            }
            int j = is(k, "the") ? k + 1 : k;
            if (DAY_EN.matcher(at(j)).matches() && (j > k || MONTHS_EN.containsKey(at(j + 1))
                    || is(j + 1, "of") && MONTHS_EN.containsKey(at(j + 2))) && (hasNonDigit(at(j)) || digits(at(j), 2))) {
                int n = Integer.parseInt(at(j).replaceAll("\\D", ""));
                if (n < 1 || n > 31) {
                    return false;
                }
                if (j == k && !MONTHS_EN.containsKey(at(j + 1)) && !hasNonDigit(at(j))) {
                    return false;
                }
                dayOfMonth = n;
                int e = j + 1;
                if (is(e, "of") && MONTHS_EN.containsKey(at(e + 1))) {
                    month = MONTHS_EN.get(at(e + 1));
                    e += 2;
                } else if (MONTHS_EN.containsKey(at(e))) {
                    month = MONTHS_EN.get(at(e));
                    e += 1;
                }
                if (month == null && !ORDINAL_EN.matcher(at(j)).matches()) {
                    return false;
                }
                day = month == null ? DayKind.DAY_OF_MONTH : DayKind.DATE;
                i += e;
                return true;
            }
            if (is(0, "this") && is(1, "week")) {
                day = DayKind.END_OF_WEEK;
                i += 2;
                return true;
            }
            // this month: by the end of it, as "this week" is by its end
            if (is(0, "this") && is(1, "month")) {
                day = DayKind.END_OF_MONTH;
                i += 2;
                return true;
            }
            if (is(0, "next") && is(1, "week")) {
                day = DayKind.NEXT_WEEK;
                i += 2;
                return true;
            }
            int e = is(0, "the") ? 1 : is(0, "by", "at") && is(1, "the") ? 2 : 0;
            if (is(e, "end") && is(e + 1, "of")) {
                int f = e + 2;
                if (is(f, "the", "this")) {
                    f++;
                }
                if (is(f, "week")) {
                    day = DayKind.END_OF_WEEK;
                    i += f + 1;
                    return true;
                }
                if (is(f, "month")) {
                    day = DayKind.END_OF_MONTH;
                    i += f + 1;
                    return true;
                }
                if (is(f, "next") && is(f + 1, "week")) {
                    day = DayKind.NEXT_WEEK;
                    i += f + 2;
                    return true;
                }
            }
            int b = is(0, "before", "by") ? 1 : 0;
            if (is(b, "the") && is(b + 1, "weekend")) {
                day = DayKind.END_OF_WEEK;
                i += b + 2;
                return true;
            }
            return false;
        }

        // ------------------------------------------------------------------------------------------------ both

        /** The end of the day: the day's end of work, or its last minute once that has passed (today unless said). */
        private void endOfDay() {
            if (day == DayKind.NONE) {
                setOffset(0);
            }
        }

        private void setOffset(int days) {
            day = DayKind.OFFSET;
            offset = days;
        }

        private static LocalTime partTime(String part) {
            switch (part) {
                case "manana": case "morning":
                    return LocalTime.NOON;
                case "tarde": case "afternoon":
                    return END_OF_WORKING_DAY;
                default:
                    return LocalTime.of(21, 0);
            }
        }

        /** The hour on a 24-hour clock, or null when it cannot be one. */
        private static Integer hourOf(int hour, String period, String suffix) {
            if ("am".equals(suffix) || "manana".equals(period) || "madrugada".equals(period) || "morning".equals(period)) {
                if (hour > 12) {
                    return null;
                }
                return hour == 12 ? 0 : hour;
            }
            if ("pm".equals(suffix) || "tarde".equals(period) || "noche".equals(period) || "afternoon".equals(period)
                    || "evening".equals(period)) {
                if (hour > 12) {
                    return hour <= 23 ? hour : null;
                }
                return hour == 12 ? 12 : hour + 12;
            }
            if (hour >= 1 && hour <= 7) {
                return hour + 12;
            }
            return hour;
        }

        Instant resolve(ZonedDateTime now) {
            ZoneId zone = now.getZone();
            if (unit != null) {
                return switch (unit) {
                    case MINUTES -> now.toInstant().plus(Duration.ofMinutes(amount));
                    case HOURS -> now.toInstant().plus(Duration.ofHours(amount));
                    case DAYS -> now.plusDays(amount).toInstant();
                    case WEEKS -> now.plusWeeks(amount).toInstant();
                    case BUSINESS_DAYS -> businessDays(now, amount).toInstant();
                };
            }
            LocalDate today = now.toLocalDate();
            LocalDate date = switch (day) {
                case NONE -> null;
                case OFFSET -> today.plusDays(offset);
                case WEEKDAY_NEXT -> today.with(TemporalAdjusters.next(weekday));
                case WEEKDAY_THIS -> today.with(TemporalAdjusters.nextOrSame(weekday));
                case DAY_OF_MONTH -> dayOfMonth(today);
                case DATE -> date(today);
                case END_OF_WEEK -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
                case NEXT_WEEK -> before ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                        : today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(4);
                case END_OF_MONTH -> today.with(TemporalAdjusters.lastDayOfMonth());
            };
            if (day == DayKind.NONE && date == null && time != null) {
                ZonedDateTime at = ZonedDateTime.of(today, time, zone);
                return (at.isBefore(now) ? ZonedDateTime.of(today.plusDays(1), time, zone) : at).toInstant();
            }
            if (date == null) {
                return null;
            }
            if (time != null) {
                return ZonedDateTime.of(date, time, zone).toInstant();
            }
            if (before && day != DayKind.END_OF_WEEK && day != DayKind.END_OF_MONTH) {
                return date.atStartOfDay(zone).toInstant();
            }
            ZonedDateTime end = ZonedDateTime.of(date, END_OF_WORKING_DAY, zone);
            return (end.isBefore(now) ? ZonedDateTime.of(date, END_OF_DAY, zone) : end).toInstant();
        }

        private LocalDate dayOfMonth(LocalDate today) {
            LocalDate d = today.withDayOfMonth(Math.min(dayOfMonth, today.lengthOfMonth()));
            if (d.isBefore(today)) {
                LocalDate next = today.plusMonths(1).withDayOfMonth(1);
                d = next.withDayOfMonth(Math.min(dayOfMonth, next.lengthOfMonth()));
            }
            return d;
        }

        private LocalDate date(LocalDate today) {
            int year = today.getYear();
            LocalDate d = LocalDate.of(year, month, Math.min(dayOfMonth, month.length(java.time.Year.isLeap(year))));
            if (d.isBefore(today)) {
                int next = year + 1;
                d = LocalDate.of(next, month, Math.min(dayOfMonth, month.length(java.time.Year.isLeap(next))));
            }
            return d;
        }

        private static ZonedDateTime businessDays(ZonedDateTime from, long n) {
            ZonedDateTime d = from;
            long left = n;
            while (left > 0) {
                d = d.plusDays(1);
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    left--;
                }
            }
            return d;
        }
    }

    /** Whether a word is 1 to {@code max} ASCII digits (what {@code \\d{1,max}} matched, without compiling a pattern). */
    private static boolean digits(String word, int max) {
        int n = word.length();
        if (n == 0 || n > max) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNonDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') {
                return true;
            }
        }
        return false;
    }
}
