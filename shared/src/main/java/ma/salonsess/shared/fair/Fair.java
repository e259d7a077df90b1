package ma.salonsess.shared.fair;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;

/**
 * A fair: a national salon, a regional or provincial fair, or the Assises.
 *
 * @param startDate first day, in the fair's time zone
 * @param endDate   last day (inclusive), in the fair's time zone
 */
public record Fair(String fairId, LocalizedText name, String city, String venue, LocalDate startDate,
                   LocalDate endDate, ZoneId timeZone, List<String> organiserEmails, Language defaultLanguage) {

    public static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    public Fair {
        organiserEmails = List.copyOf(organiserEmails);
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("A fair cannot end before it starts");
        }
    }

    /** The moment the fair's last day is over, where it is held. */
    public ZonedDateTime endsAt() {
        return endDate.plusDays(1).atStartOfDay(timeZone);
    }

    /** Whether the fair's last day is over at {@code now}: from then on surveys may go out. */
    public boolean isOver(Instant now) {
        return !now.isBefore(endsAt().toInstant());
    }
}
