package ma.salonsess.shared.checkin;

import java.time.Instant;

/**
 * A badge admitted twice the same day at different gates while a scanner was offline: kept and
 * shown to supervisors, never silently dropped. {@code scanId} is the later scan's.
 */
public record DoubleEntry(String fairId, String scanId, String registrationId, Sighting first, Sighting second,
                          boolean resolved, String note) {

    /** Where and when one of the two scans was made. */
    public record Sighting(Instant at, String point, String deviceId) {
    }
}
