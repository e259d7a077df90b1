package ma.salonsess.shared.signup;

import java.time.Instant;

/**
 * A registrant's place at a workshop.
 *
 * <p>A WAITLISTED signup's place is its {@code ticket} in the workshop's waiting list, whose own
 * item is written and given up together with it.
 *
 * @param ticket the ticket in the waiting list while WAITLISTED, else 0
 */
public record Signup(String fairId, String workshopId, String registrationId, Status status,
                     Instant createdAt, Instant updatedAt, long ticket) {

    public enum Status { CONFIRMED, WAITLISTED, CANCELLED }

    /** A signup without a place in line (CONFIRMED or CANCELLED). */
    public Signup(String fairId, String workshopId, String registrationId, Status status, Instant createdAt,
                  Instant updatedAt) {
        this(fairId, workshopId, registrationId, status, createdAt, updatedAt, 0);
    }

    public boolean active() {
        return status != Status.CANCELLED;
    }
}
