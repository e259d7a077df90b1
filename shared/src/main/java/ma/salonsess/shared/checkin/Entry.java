package ma.salonsess.shared.checkin;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A badge's one entry to the fair on one day (in the fair's time zone): the scan that stands as it.
 * When two gates admitted the same badge offline, the earlier scan is the entry.
 */
public record Entry(String fairId, String registrationId, LocalDate day, String scanId, Instant at, String point,
                    String deviceId) {
}
