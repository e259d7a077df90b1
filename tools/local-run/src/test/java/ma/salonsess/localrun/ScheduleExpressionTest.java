package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

    @Test
    void theEveningDigestRunsAt19InCasablanca() {
        var cron = ScheduleExpression.parse("cron(0 19 * * ? *)", "Africa/Casablanca");
        ZonedDateTime noon = ZonedDateTime.of(2026, 12, 10, 12, 0, 0, 0, CASABLANCA);
        assertEquals(ZonedDateTime.of(2026, 12, 10, 19, 0, 0, 0, CASABLANCA), cron.next(noon));
        assertEquals(ZonedDateTime.of(2026, 12, 11, 19, 0, 0, 0, CASABLANCA),
                cron.next(ZonedDateTime.of(2026, 12, 10, 19, 0, 0, 0, CASABLANCA)));
    }

    @Test
    void daysOfWeekCountFromSunday() {
        var weekdays = ScheduleExpression.parse("cron(30 8 ? * MON-FRI *)", "UTC");
        // 2026-12-12 is a Saturday: next is Monday 14th.
        assertEquals(ZonedDateTime.of(2026, 12, 14, 8, 30, 0, 0, ZoneId.of("UTC")),
                weekdays.next(ZonedDateTime.of(2026, 12, 12, 9, 0, 0, 0, ZoneId.of("UTC"))));
        var sundays = ScheduleExpression.parse("cron(0 10 ? * 1 *)", "UTC");
        assertEquals(13, sundays.next(ZonedDateTime.of(2026, 12, 12, 9, 0, 0, 0, ZoneId.of("UTC"))).getDayOfMonth());
    }

    @Test
    void stepsListsAndYears() {
        var every15 = ScheduleExpression.parse("cron(0/15 * * * ? 2026)", "UTC");
        ZonedDateTime t = ZonedDateTime.of(2026, 12, 31, 23, 50, 0, 0, ZoneId.of("UTC"));
        assertNull(every15.next(t), "no run after 2026");
        assertEquals(15, every15.next(ZonedDateTime.of(2026, 1, 1, 0, 3, 0, 0, ZoneId.of("UTC"))).getMinute());
    }

    @Test
    void ratesAndOneTimeSchedules() {
        ZonedDateTime t = ZonedDateTime.of(2026, 12, 13, 20, 0, 0, 0, CASABLANCA);
        assertEquals(t.plusMinutes(5), ScheduleExpression.parse("rate(5 minutes)", null).next(t));
        assertEquals(t.plusHours(1), ScheduleExpression.parse("rate(1 hour)", null).next(t));
        var at = ScheduleExpression.parse("at(2026-12-13T22:00:00)", "Africa/Casablanca");
        assertEquals(t.plusHours(2), at.next(t));
        assertNull(at.next(t.plusHours(3)), "a one-time schedule fires once");
    }

    @Test
    void formsThatCannotBeHonouredAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 19 L * ? *)", null));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 19 * *)", null));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every day", null));
    }
}
