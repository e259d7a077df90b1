package ma.salonsess.shared.attendance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.signup.Signup;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.WorkshopRepository;

/**
 * Reads what a fair's gates and doors recorded and counts it ({@link Attendance#count}). Reads the
 * fair's entries from the check-ins' index (a few hundred kilobytes for a day of 25,000 entries) and,
 * per workshop, its seats and signups: a programme has a few dozen workshops.
 */
public final class Attendances {
    private final CheckinRepository checkins;
    private final WorkshopRepository workshops;
    private final SignupRepository signups;

    public Attendances(CheckinRepository checkins, WorkshopRepository workshops, SignupRepository signups) {
        this.checkins = checkins;
        this.workshops = workshops;
        this.signups = signups;
    }

    public Attendance of(Fair fair, Instant now) {
        List<Attendance.Door> doors = new ArrayList<>();
        for (ScheduledWorkshop w : workshops.programme(fair.fairId())) {
            String workshopId = w.workshop().workshopId();
            Set<String> confirmed = signups.signups(fair.fairId(), workshopId).stream()
                    .filter(s -> s.status() == Signup.Status.CONFIRMED).map(Signup::registrationId)
                    .collect(Collectors.toSet());
            doors.add(new Attendance.Door(w, checkins.seats(fair.fairId(), workshopId), confirmed));
        }
        Integer hall = fair.hallCapacity() > 0 ? fair.hallCapacity() : null; // 0: the organisers have not said
        return Attendance.count(fair.fairId(), fair.timeZone(), hall, checkins.entries(fair.fairId()),
                checkins.counts(fair.fairId()), doors, now);
    }
}
