package ma.salonsess.shared.organiser;

import java.time.Instant;
import java.util.List;
import ma.salonsess.shared.registration.Registration;

/** A workshop's attendance as organisers see it: who holds a seat, and who waits, in order. */
public record SignupList(List<Attendee> confirmed, List<Attendee> waitlist) {

    /**
     * @param registration null when the registration was erased since
     * @param since        when they got their seat (confirmed) or joined the list (waiting); null
     *                     for a place in line whose signup record is still being written
     * @param position     place in the waiting list, from 1; 0 for confirmed
     */
    public record Attendee(String registrationId, Registration registration, Instant since, int position) {
    }
}
