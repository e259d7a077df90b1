package ma.salonsess.shared.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import ma.salonsess.shared.fair.Fair;

/**
 * When a fair's evening digest is due, counted in days of the fair's own time zone: every day from
 * a week before it opens until its last day, then a week and two weeks after it (the final figures
 * with the survey results). Once a day at most is the ledger's business, not this rule's.
 */
public final class DigestTiming {
    static final int DAYS_BEFORE = 7;

    private DigestTiming() {
    }

    /** The fair's calendar day at {@code now}: the day a digest is for. */
    public static LocalDate today(Fair fair, Instant now) {
        return now.atZone(fair.timeZone()).toLocalDate();
    }

    public static boolean isDue(Fair fair, Instant now) {
        return isDue(fair, today(fair, now));
    }

    public static boolean isDue(Fair fair, LocalDate today) {
        long daysAfter = ChronoUnit.DAYS.between(fair.endDate(), today);
        boolean running = !today.isBefore(fair.startDate().minusDays(DAYS_BEFORE)) && !today.isAfter(fair.endDate());
        return running || daysAfter == 7 || daysAfter == 14;
    }
}
