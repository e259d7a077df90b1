package ma.salonsess.shared.signup;

import java.time.Instant;

/**
 * A registrant's place at a workshop.
 *
 * @param ticket the waiting-list ticket while WAITLISTED (lower is earlier), else 0
 */
public record Signup(String fairId, String workshopId, String registrationId, Status status, long ticket,
                     Instant createdAt, Instant updatedAt) {

    public enum Status { CONFIRMED, WAITLISTED, CANCELLED }

    public boolean active() {
        return status != Status.CANCELLED;
    }
}
