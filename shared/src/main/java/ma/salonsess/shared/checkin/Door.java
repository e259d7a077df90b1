package ma.salonsess.shared.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ma.salonsess.shared.signup.Signup;
import ma.salonsess.shared.workshop.Workshop;

/**
 * What happens at a workshop's door: pure decisions, so a steward never picks the workshop and a
 * room never holds more than its seats.
 */
public final class Door {
    /** A room's scanner serves the next workshop there from this long before it starts. */
    public static final Duration LEAD = Duration.ofMinutes(45);

    private Door() {
    }

    /** What to do with a registrant at the door. */
    public sealed interface Decision permits TakeSeat, Waitlisted, NotSignedUp, NotStarted {
    }

    /** Count them in the room (a held seat, or a walk-in's free seat), if the room is not full. */
    public record TakeSeat(boolean walkIn) implements Decision {
    }

    /** They wait in line at this place; {@code seatFree}: staff may seat them as a walk-in. */
    public record Waitlisted(int placeInLine, boolean seatFree) implements Decision {
    }

    public record NotSignedUp(boolean seatFree) implements Decision {
    }

    /** A walk-in asked for before the workshop started: seats are held for those signed up until then. */
    public record NotStarted() implements Decision {
    }

    /**
     * The workshop a room's scanner serves at {@code at}: the one running there, else the next to
     * start within {@link #LEAD} (running ones first: false sorts before true), so a room's next
     * session takes over the door when the current one ends.
     */
    public static Optional<Workshop> workshopIn(List<Workshop> programme, String room, Instant at) {
        return programme.stream()
                .filter(w -> w.room().equalsIgnoreCase(room.strip()))
                .filter(w -> !at.isBefore(w.startsAt().toInstant().minus(LEAD)) && at.isBefore(w.endsAt().toInstant()))
                .min(Comparator.comparing((Workshop w) -> at.isBefore(w.startsAt().toInstant()))
                        .thenComparing(w -> w.startsAt().toInstant()));
    }

    /**
     * @param signup      the registrant's signup status here, if any
     * @param placeInLine their place in the waiting list (for WAITLISTED)
     * @param started     whether the workshop has started at the scan's time
     * @param seated      how many are counted in the room now
     * @param walkIn      staff ask to seat them in a free seat
     */
    public static Decision decide(Optional<Signup.Status> signup, int placeInLine, boolean started, int seated,
                                  int capacity, boolean walkIn) {
        Signup.Status status = signup.orElse(Signup.Status.CANCELLED);
        if (status == Signup.Status.CONFIRMED) {
            return new TakeSeat(false);
        }
        if (walkIn) {
            return started ? new TakeSeat(true) : new NotStarted();
        }
        boolean seatFree = started && seated < capacity;
        return status == Signup.Status.WAITLISTED ? new Waitlisted(placeInLine, seatFree) : new NotSignedUp(seatFree);
    }

    /**
     * Whether a scan that meets a standing entry (or replaces it) is a double entry: both people
     * went in, because the scan was made offline at another device, which could not know.
     */
    public static boolean doubleEntry(boolean offline, Entry other, String deviceId) {
        return offline && !other.deviceId().equals(deviceId);
    }
}
