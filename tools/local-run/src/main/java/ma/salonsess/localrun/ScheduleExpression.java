package ma.salonsess.localrun;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions: {@code rate(5 minutes)}, {@code cron(0 19 * * ? *)} (minutes,
 * hours, day of month, month, day of week 1-7 = SUN-SAT, year) and {@code at(2026-12-13T20:00:00)},
 * evaluated in a time zone. The cron forms L, W and # are refused rather than guessed.
 */
public final class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minutes?|hours?|days?)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final Pattern AT = Pattern.compile("at\\((.+)\\)");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String text;
    private final ZoneId zone;
    private final Duration rate;
    private final LocalDateTime at;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private ScheduleExpression(String text, ZoneId zone, Duration rate, LocalDateTime at, String[] cron) {
        this.text = text;
        this.zone = zone;
        this.rate = rate;
        this.at = at;
        if (cron == null) {
            minutes = hours = daysOfMonth = months = daysOfWeek = years = null;
            anyDayOfMonth = anyDayOfWeek = true;
            return;
        }
        minutes = field(cron[0], 0, 59, null);
        hours = field(cron[1], 0, 23, null);
        daysOfMonth = field(cron[2], 1, 31, null);
        months = field(cron[3], 1, 12, MONTHS);
        daysOfWeek = field(cron[4], 1, 7, DAYS);
        years = field(cron[5], 1970, 2199, null);
        anyDayOfMonth = cron[2].equals("?") || cron[2].equals("*");
        anyDayOfWeek = cron[4].equals("?") || cron[4].equals("*");
    }

    public static ScheduleExpression parse(String expression, String timeZone) {
        String text = expression.trim();
        ZoneId zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone);
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            ChronoUnit unit = switch (rate.group(2).replaceAll("s$", "")) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return new ScheduleExpression(text, zone, Duration.of(n, unit), null, null);
        }
        Matcher at = AT.matcher(text);
        if (at.matches()) {
            return new ScheduleExpression(text, zone, null, LocalDateTime.parse(at.group(1).trim()), null);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("A cron expression has 6 fields: " + text);
            }
            return new ScheduleExpression(text, zone, null, null, fields);
        }
        throw new IllegalArgumentException("Not a schedule expression: " + text);
    }

    /** The first time strictly after {@code after} at which the schedule fires; null if never again. */
    public ZonedDateTime next(ZonedDateTime after) {
        if (rate != null) {
            return after.plus(rate);
        }
        if (at != null) {
            ZonedDateTime when = at.atZone(zone);
            return when.isAfter(after) ? when : null;
        }
        ZonedDateTime t = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!years.get(t.getYear()) || !months.get(t.getMonthValue())) {
                t = t.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        return null;
    }

    private boolean dayMatches(ZonedDateTime t) {
        int dow = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean week = daysOfWeek.get(dow);
        if (anyDayOfMonth && anyDayOfWeek) {
            return true;
        }
        if (anyDayOfMonth) {
            return week;
        }
        if (anyDayOfWeek) {
            return dom;
        }
        return dom && week;
    }

    private static BitSet field(String text, int min, int max, String[] names) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            if (part.equals("*") || part.equals("?")) {
                set.set(min, max + 1);
                continue;
            }
            if (part.contains("L") && !part.matches(".*[A-Z]{3}.*") || part.contains("W") && !part.matches(".*[A-Z]{3}.*")
                    || part.contains("#")) {
                throw new IllegalArgumentException("The cron forms L, W and # are not supported locally: " + text);
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = value(ends[0], names, min);
                to = value(ends[1], names, min);
            } else {
                from = value(range, names, min);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("Out of range in cron field '" + text + "'");
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int value(String token, String[] names, int min) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(token)) {
                    return i + min;
                }
            }
        }
        return Integer.parseInt(token);
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }
}
