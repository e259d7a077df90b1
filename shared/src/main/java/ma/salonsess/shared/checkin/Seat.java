package ma.salonsess.shared.checkin;

import java.time.Instant;

/** A registrant counted in a workshop's room, once. */
public record Seat(String fairId, String workshopId, String registrationId, String scanId, Instant at,
                   boolean walkIn) {
}
