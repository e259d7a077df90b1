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
 * @param stewardEmails    gate staff who scan badges on the fair day (Cognito group {@code stewards})
 * @param supervisorEmails gate staff who also search, check in by hand and resolve double entries
 * @param hallCapacity     how many people the venue may hold at once (0: not given), for the tally's occupancy
 * @param surveyAdmittedOnly whether the survey after the fair goes only to registrants admitted at its gates
 */
public record Fair(String fairId, LocalizedText name, String city, String venue, LocalDate startDate,
                   LocalDate endDate, ZoneId timeZone, List<String> organiserEmails, Language defaultLanguage,
                   List<String> stewardEmails, List<String> supervisorEmails, int hallCapacity,
                   boolean surveyAdmittedOnly) {

    public static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    public Fair {
        organiserEmails = List.copyOf(organiserEmails);
        stewardEmails = List.copyOf(stewardEmails);
        supervisorEmails = List.copyOf(supervisorEmails);
        if (hallCapacity < 0) {
            throw new IllegalArgumentException("A hall's capacity cannot be negative");
        }
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("A fair cannot end before it starts");
        }
    }

    /** A fair without gate staff named yet (they are named, if ever, shortly before the fair day). */
    public Fair(String fairId, LocalizedText name, String city, String venue, LocalDate startDate, LocalDate endDate,
                ZoneId timeZone, List<String> organiserEmails, Language defaultLanguage) {
        this(fairId, name, city, venue, startDate, endDate, timeZone, organiserEmails, defaultLanguage, List.of(),
                List.of(), 0);
    }

    /** A fair whose survey goes to everyone who agreed to it (the default, as before check-ins). */
    public Fair(String fairId, LocalizedText name, String city, String venue, LocalDate startDate, LocalDate endDate,
                ZoneId timeZone, List<String> organiserEmails, Language defaultLanguage, List<String> stewardEmails,
                List<String> supervisorEmails, int hallCapacity) {
        this(fairId, name, city, venue, startDate, endDate, timeZone, organiserEmails, defaultLanguage, stewardEmails,
                supervisorEmails, hallCapacity, false);
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
