package ma.salonsess.shared.signup;

import java.util.List;
import java.util.Optional;
import ma.salonsess.shared.workshop.Seats;
import ma.salonsess.shared.workshop.Workshop;

/**
 * What a sign-up does, decided from what was read: the workshop's seats, the registrant's agenda
 * and the fair's programme. Pure, so that every case is tested on its own; the use case only
 * reads, writes conditionally what was decided, and decides again when a write is refused.
 */
public sealed interface Seating {

    /** A seat is free and nobody waits for it (or nobody waiting can take it). */
    record TakeSeat() implements Seating {
    }

    /** A seat is free but people wait: they get it first, then decide again. */
    record ServeLineFirst() implements Seating {
    }

    /** Full: join the waiting list. */
    record JoinLine() implements Seating {
    }

    /** The registrant holds a seat in {@code other}, which overlaps in time. */
    record Overlap(Workshop other) implements Seating {
    }

    /** Full, and the waiting list is at {@link SignupRepository#MAX_WAITLIST}. */
    record LineFull() implements Seating {
    }

    /**
     * @param lineServed whether the people waiting were already offered the free seats (and none
     *                   could take one, each holding an overlapping workshop)
     */
    static Seating decide(Workshop target, Seats seats, Agenda agenda, List<Workshop> programme, boolean lineServed) {
        Optional<Workshop> overlap = overlapping(programme, agenda, target);
        if (overlap.isPresent()) {
            return new Overlap(overlap.get());
        }
        if (!seats.full()) {
            return seats.waitlistLength() == 0 || lineServed ? new TakeSeat() : new ServeLineFirst();
        }
        return seats.waitlistLength() >= SignupRepository.MAX_WAITLIST ? new LineFull() : new JoinLine();
    }

    /** A workshop other than {@code target} in which the agenda holds a seat and which overlaps it. */
    static Optional<Workshop> overlapping(List<Workshop> programme, Agenda agenda, Workshop target) {
        return programme.stream()
                .filter(w -> !w.workshopId().equals(target.workshopId()))
                .filter(w -> agenda.confirmedWorkshopIds().contains(w.workshopId()))
                .filter(w -> w.overlaps(target))
                .findFirst();
    }
}
