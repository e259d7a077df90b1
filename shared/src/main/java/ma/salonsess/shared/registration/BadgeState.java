package ma.salonsess.shared.registration;

import java.time.Instant;

/**
 * Where a registrant's badge stands: PENDING until the badge function has rendered it, then READY
 * with its object key in the badge bucket, the registration version it shows, and when.
 */
public record BadgeState(Status status, String key, long version, Instant readyAt) {
    public enum Status { PENDING, READY }

    public static BadgeState pending() {
        return new BadgeState(Status.PENDING, null, 0, null);
    }

    public static BadgeState ready(String key, long version, Instant at) {
        return new BadgeState(Status.READY, key, version, at);
    }
}
