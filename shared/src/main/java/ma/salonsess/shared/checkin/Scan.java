package ma.salonsess.shared.checkin;

import java.time.Instant;

/**
 * A scan's answer as stored, so that the same scan sent again (a retry, a batch sent twice) gets
 * the same answer and counts once.
 *
 * @param workshopId  the workshop of a door scan, else null
 * @param firstAt     for ALREADY_ADMITTED (the first entry today) or a repeated SEATED, else null
 * @param placeInLine for WAITLISTED, else 0
 * @param seatFree    for NOT_SIGNED_UP or WAITLISTED at a started workshop with a free seat
 * @param conflict    admitted offline at one gate while already admitted at another: a double entry
 * @param walkIn      seated as a walk-in (after the start, in a seat nobody holds)
 * @param manual      checked in by a supervisor without the badge (search by name)
 */
public record Scan(String fairId, String registrationId, String scanId, String point, String workshopId,
                   String deviceId, Instant scannedAt, Instant receivedAt, CheckinResult result, Instant firstAt,
                   String firstPoint, int placeInLine, boolean seatFree, boolean conflict, boolean walkIn,
                   boolean manual) {
}
