package dev.sereno.text.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.situation.Language;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time expressions resolved against a moment in a zone: each to the local time it names, or to no time. The base
 * moment is Monday 23 November 2026, 10:00 in the zone; other tables cross midnight, weekends and daylight-saving
 * changes.
 */
class TimeResolverTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** Monday 23 November 2026, 10:00 in Madrid. */
    private static final Instant MONDAY_10_MADRID = Instant.parse("2026-11-23T09:00:00Z");
    /** Monday 23 November 2026, 10:00 UTC. */
    private static final Instant MONDAY_10_UTC = Instant.parse("2026-11-23T10:00:00Z");

    private static Optional<LocalDateTime> local(Language lang, String expression, Instant now, ZoneId zone) {
        return TimeResolver.of(lang).resolve(expression, now, zone).map(i -> LocalDateTime.ofInstant(i, zone));
    }

    private static void check(Language lang, String expression, String expected, Instant now, ZoneId zone) {
        Optional<LocalDateTime> got = local(lang, expression, now, zone);
        if (expected.equals("-")) {
            assertThat(got).as("«%s» names no time", expression).isEmpty();
        } else {
            assertThat(got).as("«%s»", expression).contains(LocalDateTime.parse(expected));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mañana a las 10              | 2026-11-24T10:00
            hoy antes de las 17          | 2026-11-23T17:00
            esta tarde                   | 2026-11-23T18:00
            el lunes                     | 2026-11-30T18:00
            antes del viernes            | 2026-11-27T00:00
            en 48 horas                  | 2026-11-25T10:00
            mañana por la mañana         | 2026-11-24T12:00
            pasado mañana                | 2026-11-25T18:00
            hoy                          | 2026-11-23T18:00
            mañana                       | 2026-11-24T18:00
            mañana mismo                 | 2026-11-24T18:00
            a las 17:30                  | 2026-11-23T17:30
            a las 10.30                  | 2026-11-23T10:30
            a las 9                      | 2026-11-24T09:00
            a las 5 de la tarde          | 2026-11-23T17:00
            a las 11 de la mañana        | 2026-11-23T11:00
            a las 9 de la noche          | 2026-11-23T21:00
            a la una                     | 2026-11-23T13:00
            a las doce y media           | 2026-11-23T12:30
            a las diez menos cuarto      | 2026-11-24T09:45
            a mediodía                   | 2026-11-23T12:00
            antes del mediodía           | 2026-11-23T12:00
            el viernes a las 9           | 2026-11-27T09:00
            este viernes                 | 2026-11-27T18:00
            este lunes                   | 2026-11-23T18:00
            el próximo lunes             | 2026-11-30T18:00
            el lunes que viene           | 2026-11-30T18:00
            el martes por la tarde       | 2026-11-24T18:00
            el domingo por la mañana     | 2026-11-29T12:00
            el sábado                    | 2026-11-28T18:00
            en dos horas                 | 2026-11-23T12:00
            dentro de 30 minutos         | 2026-11-23T10:30
            en media hora                | 2026-11-23T10:30
            en una hora                  | 2026-11-23T11:00
            en unos minutos              | 2026-11-23T10:15
            en un par de horas           | 2026-11-23T12:00
            en un plazo de 24 horas      | 2026-11-24T10:00
            en las próximas 72 horas     | 2026-11-26T10:00
            antes de 24 horas            | 2026-11-24T10:00
            en 48h                       | 2026-11-25T10:00
            en cuarenta y ocho horas     | 2026-11-25T10:00
            en 3 días                    | 2026-11-26T10:00
            en tres días hábiles         | 2026-11-26T10:00
            en 5 días hábiles            | 2026-11-30T10:00
            en una semana                | 2026-11-30T10:00
            esta semana                  | 2026-11-27T18:00
            a final de semana            | 2026-11-27T18:00
            al final de la semana        | 2026-11-27T18:00
            antes del fin de semana      | 2026-11-27T18:00
            la semana que viene          | 2026-12-04T18:00
            la próxima semana            | 2026-12-04T18:00
            el día 25                    | 2026-11-25T18:00
            el 2 de diciembre            | 2026-12-02T18:00
            10 de enero                  | 2027-01-10T18:00
            a final de mes               | 2026-11-30T18:00
            al final del día             | 2026-11-23T18:00
            a primera hora               | 2026-11-24T09:00
            mañana a primera hora        | 2026-11-24T09:00
            mañana a última hora         | 2026-11-24T18:00
            esta noche                   | 2026-11-23T21:00
            hasta las 14 h               | 2026-11-23T14:00
            para el jueves               | 2026-11-26T18:00
            como muy tarde el miércoles  | 2026-11-25T18:00
            a más tardar mañana a las 12 | 2026-11-24T12:00
            sobre las 4                  | 2026-11-23T16:00
            hacia las 18:00              | 2026-11-23T18:00
            antes de mañana              | 2026-11-24T00:00
            hoy mismo antes de las 20:00 | 2026-11-23T20:00
            en cuanto lo sepa            | -
            en cuanto podamos            | -
            lo antes posible             | -
            pronto                       | -
            cuando sepamos algo          | -
            más adelante                 | -
            en breve                     | -
            ayer                         | -
            la semana pasada             | -
            """)
    void spanishInMadrid(String expression, String expected) {
        check(Language.ES, expression, expected, MONDAY_10_MADRID, MADRID);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tomorrow at 10               | 2026-11-24T10:00
            by noon                      | 2026-11-23T12:00
            by the end of the week       | 2026-11-27T18:00
            within two hours             | 2026-11-23T12:00
            next Monday                  | 2026-11-30T18:00
            today                        | 2026-11-23T18:00
            tomorrow                     | 2026-11-24T18:00
            tomorrow morning             | 2026-11-24T12:00
            tomorrow afternoon           | 2026-11-24T18:00
            this afternoon               | 2026-11-23T18:00
            this evening                 | 2026-11-23T21:00
            tonight                      | 2026-11-23T21:00
            at 3pm                       | 2026-11-23T15:00
            at 3 pm                      | 2026-11-23T15:00
            at 3                         | 2026-11-23T15:00
            at 10:30                     | 2026-11-23T10:30
            at 9am                       | 2026-11-24T09:00
            at 11 a.m.                   | 2026-11-23T11:00
            at eleven                    | 2026-11-23T11:00
            by 5                         | 2026-11-23T17:00
            by 5pm                       | 2026-11-23T17:00
            before 5 pm                  | 2026-11-23T17:00
            until 6pm                    | 2026-11-23T18:00
            at noon                      | 2026-11-23T12:00
            at midday tomorrow           | 2026-11-24T12:00
            before Friday                | 2026-11-27T00:00
            by Friday                    | 2026-11-27T18:00
            on Friday                    | 2026-11-27T18:00
            on Wednesday at 2pm          | 2026-11-25T14:00
            Friday at 4:30pm             | 2026-11-27T16:30
            Thursday morning             | 2026-11-26T12:00
            this Monday                  | 2026-11-23T18:00
            this Friday                  | 2026-11-27T18:00
            coming Tuesday               | 2026-11-24T18:00
            on Saturday                  | 2026-11-28T18:00
            no later than Thursday       | 2026-11-26T18:00
            in 48 hours                  | 2026-11-25T10:00
            within 24 hours              | 2026-11-24T10:00
            within 24h                   | 2026-11-24T10:00
            in half an hour              | 2026-11-23T10:30
            within the hour              | 2026-11-23T11:00
            in an hour                   | 2026-11-23T11:00
            in 30 minutes                | 2026-11-23T10:30
            in a few minutes             | 2026-11-23T10:15
            in a couple of hours         | 2026-11-23T12:00
            in 3 days                    | 2026-11-26T10:00
            within 2 business days       | 2026-11-25T10:00
            within five working days     | 2026-11-30T10:00
            in a week                    | 2026-11-30T10:00
            in two weeks                 | 2026-12-07T10:00
            this week                    | 2026-11-27T18:00
            next week                    | 2026-12-04T18:00
            by the end of next week      | 2026-12-04T18:00
            before the weekend           | 2026-11-27T18:00
            by the end of the day        | 2026-11-23T18:00
            end of day                   | 2026-11-23T18:00
            by close of business         | 2026-11-23T18:00
            EOD                          | 2026-11-23T18:00
            later today                  | 2026-11-23T18:00
            first thing tomorrow         | 2026-11-24T09:00
            tomorrow first thing         | 2026-11-24T09:00
            the day after tomorrow       | 2026-11-25T18:00
            on 2 December                | 2026-12-02T18:00
            on December 2nd              | 2026-12-02T18:00
            by the 30th                  | 2026-11-30T18:00
            by the end of the month      | 2026-11-30T18:00
            this month                   | 2026-11-30T18:00
            by the end of this month     | 2026-11-30T18:00
            as soon as I hear            | -
            soon                         | -
            as soon as possible          | -
            in due course                | -
            when we know more            | -
            shortly                      | -
            yesterday                    | -
            last week                    | -
            """)
    void englishInUtc(String expression, String expected) {
        check(Language.EN, expression, expected, MONDAY_10_UTC, UTC);
    }

    /** 23:30 in Madrid on Monday is already 00:30 on Tuesday for a customer in Madrid… and in UTC still Monday. */
    @ParameterizedTest(name = "{0} at {1} in {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ES | 2026-11-23T22:30:00Z | Europe/Madrid | mañana a las 10       | 2026-11-24T10:00
            ES | 2026-11-23T22:30:00Z | Europe/Madrid | en 2 horas            | 2026-11-24T01:30
            ES | 2026-11-23T22:30:00Z | Europe/Madrid | a las 9               | 2026-11-24T09:00
            ES | 2026-11-23T23:30:00Z | Europe/Madrid | mañana a las 10       | 2026-11-25T10:00
            ES | 2026-11-23T23:30:00Z | UTC           | mañana a las 10       | 2026-11-24T10:00
            EN | 2026-11-23T23:30:00Z | Europe/Madrid | tomorrow at 10        | 2026-11-25T10:00
            EN | 2026-11-24T04:30:00Z | America/Mexico_City | tomorrow at 10  | 2026-11-24T10:00
            EN | 2026-11-23T23:30:00Z | UTC           | by the end of the day | 2026-11-23T23:59
            ES | 2026-11-28T09:00:00Z | Europe/Madrid | el lunes              | 2026-11-30T18:00
            ES | 2026-11-28T09:00:00Z | Europe/Madrid | en 2 días hábiles     | 2026-12-01T10:00
            ES | 2026-11-28T09:00:00Z | Europe/Madrid | esta semana           | 2026-12-04T18:00
            ES | 2026-11-28T09:00:00Z | Europe/Madrid | este mes              | 2026-11-30T18:00
            ES | 2026-11-28T09:00:00Z | Europe/Madrid | antes de fin de mes   | 2026-11-30T18:00
            EN | 2026-11-28T10:00:00Z | UTC           | within 1 business day | 2026-11-30T10:00
            EN | 2026-11-27T17:00:00Z | UTC           | next Monday           | 2026-11-30T18:00
            ES | 2026-11-27T17:00:00Z | UTC           | hoy                   | 2026-11-27T18:00
            ES | 2026-11-27T19:00:00Z | UTC           | hoy                   | 2026-11-27T23:59
            """)
    void acrossMidnightAndWeekends(Language lang, String now, String zone, String expression, String expected) {
        check(lang, expression, expected, Instant.parse(now), ZoneId.of(zone));
    }

    /**
     * Daylight saving: a wall-clock time keeps its hour across the change ("mañana a las 10" is 10:00 in the new
     * offset), a number of hours is exact elapsed time. Mexico City stopped changing its clocks in 2022.
     */
    @ParameterizedTest(name = "{0} at {1} in {2} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            ES | 2026-03-28T09:00:00Z | Europe/Madrid       | mañana a las 10                   | 2026-03-29T08:00:00Z
            ES | 2026-03-28T09:00:00Z | Europe/Madrid       | en 24 horas                       | 2026-03-29T09:00:00Z
            ES | 2026-03-28T09:00:00Z | Europe/Madrid       | en 1 día                          | 2026-03-29T08:00:00Z
            ES | 2026-03-28T09:00:00Z | Europe/Madrid       | mañana a las 2:30 de la madrugada | 2026-03-29T01:30:00Z
            EN | 2026-03-28T09:00:00Z | Europe/Madrid       | tomorrow at 10                    | 2026-03-29T08:00:00Z
            ES | 2026-10-24T08:00:00Z | Europe/Madrid       | mañana a las 10                   | 2026-10-25T09:00:00Z
            ES | 2026-10-24T08:00:00Z | Europe/Madrid       | en 24 horas                       | 2026-10-25T08:00:00Z
            EN | 2026-10-24T08:00:00Z | Europe/Madrid       | within 48 hours                   | 2026-10-26T08:00:00Z
            ES | 2022-04-02T16:00:00Z | America/Mexico_City | mañana a las 10                   | 2022-04-03T15:00:00Z
            ES | 2022-04-02T16:00:00Z | America/Mexico_City | en 24 horas                       | 2022-04-03T16:00:00Z
            EN | 2022-10-29T15:00:00Z | America/Mexico_City | tomorrow at 10                    | 2022-10-30T16:00:00Z
            ES | 2026-04-04T16:00:00Z | America/Mexico_City | mañana a las 10                   | 2026-04-05T16:00:00Z
            EN | 2026-10-31T16:00:00Z | America/Mexico_City | tomorrow at 10                    | 2026-11-01T16:00:00Z
            """)
    void acrossDaylightSavingChanges(Language lang, String now, String zone, String expression, String expected) {
        assertThat(TimeResolver.of(lang).resolve(expression, Instant.parse(now), ZoneId.of(zone)))
                .as("«%s»", expression).contains(Instant.parse(expected));
    }
}
