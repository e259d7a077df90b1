package ma.salonsess.shared.signup;

import java.time.Instant;

/**
 * A registrant's place at a workshop.
 *
 * <p>A WAITLISTED signup's place is its ticket in the workshop's waiting list ({@code Seats}),
 * written and removed together with it.
 */
public record Signup(String fairId, String workshopId, String registrationId, Status status,
                     Instant createdAt, Instant updatedAt) {

    public enum Status { CONFIRMED, WAITLISTED, CANCELLED }

    public boolean active() {
        return status != Status.CANCELLED;
    }
}
