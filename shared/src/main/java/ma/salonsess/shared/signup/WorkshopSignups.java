package ma.salonsess.shared.signup;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.retry.Backoff;
import ma.salonsess.shared.workshop.Seats;
import ma.salonsess.shared.workshop.WaitlistEntry;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopRepository;

/**
 * Signing up for workshops: a seat while there is one, else a place in the waiting list;
 * cancelling, which hands the seat to the first person waiting who can take it. Seats change only
 * in conditional writes that check what they were decided from; when another request got there
 * first, this one decides again, so no seat is given twice and conflicts never reach the user.
 */
public final class WorkshopSignups {
    /**
     * How long a request keeps deciding again under contention before answering 503: below API
     * Gateway's 30 s limit and the function's timeout (template.yaml).
     */
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final RegistrationRepository registrations;
    private final WorkshopRepository workshops;
    private final SignupRepository signups;
    private final Clock clock;

    /** What a sign-up answers. */
    public sealed interface SignUpResult {
    }

    /** What a cancellation answers. */
    public sealed interface CancelResult {
    }

    /** Signed up now or before ({@code existing}); {@code waitlistPosition} is 0 when CONFIRMED. */
    public record Signed(Signup signup, int waitlistPosition, boolean existing) implements SignUpResult {
    }

    /** No registration with this id for this access token (or it was erased meanwhile). */
    public record RegistrationNotFound() implements SignUpResult, CancelResult {
    }

    public record WorkshopNotFound() implements SignUpResult {
    }

    /** The registrant holds a seat in {@code other}, which overlaps in time. */
    public record Overlap(Workshop other) implements SignUpResult {
    }

    /** Still contended after {@link #PATIENCE}: nothing changed, the client should retry. */
    public record Busy() implements SignUpResult, CancelResult {
    }

    /** The workshop is full and so is its waiting list. */
    public record WaitlistFull() implements SignUpResult {
    }

    public record Cancelled() implements CancelResult {
    }

    public record NotSignedUp() implements CancelResult {
    }

    public WorkshopSignups(RegistrationRepository registrations, WorkshopRepository workshops, SignupRepository signups,
                           Clock clock) {
        this.registrations = registrations;
        this.workshops = workshops;
        this.signups = signups;
        this.clock = clock;
    }

    public SignUpResult signUp(String fairId, String workshopId, String registrationId, AccessToken token) {
        if (registrations.findOwned(fairId, registrationId, token).isEmpty()) {
            return new RegistrationNotFound();
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int contended = 0;
        boolean lineServed = false;
        while (System.nanoTime() < deadline) {
            Optional<Signup> existing = signups.find(fairId, workshopId, registrationId);
            Optional<ScheduledWorkshop> target;
            try {
                target = current(fairId, workshopId);
            } catch (SignupRepository.Contention e) {
                backOff(contended++);
                continue;
            }
            if (target.isEmpty()) {
                return new WorkshopNotFound();
            }
            Seats seats = target.get().seats();
            if (existing.isPresent() && existing.get().active()) {
                Signup signup = existing.get();
                if (signup.status() == Signup.Status.CONFIRMED) {
                    return new Signed(signup, 0, true);
                }
                int place = signups.placeInLine(seats, signup);
                if (place > 0) {
                    return new Signed(signup, place, true);
                }
                // Seated or cancelled since it was read: read again. A WAITLISTED signup without
                // a ticket (data older than places of their own) is cancelled, if still this very
                // record, and the registrant joins the line afresh.
                if (signup.ticket() == 0) {
                    retire(signup);
                }
                continue;
            }
            Agenda agenda = signups.agenda(fairId, registrationId);
            // Only the workshops the registrant holds a seat in can overlap: those are read (a few
            // hundred bytes each), not the whole programme.
            List<Workshop> all = new ArrayList<>();
            all.add(target.get().workshop());
            for (String held : agenda.confirmedWorkshopIds()) {
                if (!held.equals(workshopId)) {
                    workshops.find(fairId, held).ifPresent(w -> all.add(w.workshop()));
                }
            }
            // Decide; a write refused only by the workshop's condition returns its seats as they
            // are now, to decide again at once without reading anything again.
            deciding:
            while (System.nanoTime() < deadline) {
                try {
                    switch (Seating.decide(target.get().workshop(), seats, agenda, all, lineServed)) {
                        case Seating.Overlap overlap -> {
                            return new Overlap(overlap.other());
                        }
                        case Seating.LineFull full -> {
                            return new WaitlistFull();
                        }
                        case Seating.ServeLineFirst serve -> {
                            lineServed = !fillFreeSeats(fairId, workshopId);
                            break deciding;
                        }
                        case Seating.TakeSeat seat -> {
                            return new Signed(signups.confirm(fairId, workshopId, registrationId, agenda,
                                    clock.instant()), 0, false);
                        }
                        case Seating.JoinLine join -> {
                            Optional<Signed> placed = joinLine(fairId, workshopId, registrationId);
                            if (placed.isPresent()) {
                                return placed.get();
                            }
                            break deciding;
                        }
                    }
                } catch (SignupRepository.Contention e) {
                    if (e.currentSeats().isEmpty()) {
                        backOff(contended++);
                        break deciding;
                    }
                    seats = e.currentSeats().get();
                } catch (SignupRepository.RegistrationGone e) {
                    return new RegistrationNotFound();
                }
            }
        }
        return new Busy();
    }

    /**
     * The workshop, its waiting list first moved to places of their own if it is still kept the
     * way it was before ({@link SignupRepository#moveLineToPlaces}): nothing is decided on the old shape.
     */
    private Optional<ScheduledWorkshop> current(String fairId, String workshopId) {
        Optional<ScheduledWorkshop> workshop = workshops.find(fairId, workshopId);
        if (workshop.isPresent() && !workshop.get().seats().lineInPlaces()) {
            signups.moveLineToPlaces(fairId, workshopId, clock.instant());
            workshop = workshops.find(fairId, workshopId);
        }
        return workshop;
    }

    /**
     * Joins the line, and answers the place it gave. Empty when the signup is neither waiting nor
     * seated a moment later (cancelled by the registrant's own concurrent request): read again.
     */
    private Optional<Signed> joinLine(String fairId, String workshopId, String registrationId) {
        Signup waiting = signups.joinWaitlist(fairId, workshopId, registrationId, clock.instant());
        int position = workshops.find(fairId, workshopId).map(w -> signups.placeInLine(w.seats(), waiting)).orElse(0);
        if (position > 0) {
            return Optional.of(new Signed(waiting, position, false));
        }
        // Promoted the moment after joining: answer the seat.
        return signups.find(fairId, workshopId, registrationId)
                .filter(s -> s.status() == Signup.Status.CONFIRMED)
                .map(s -> new Signed(s, 0, false));
    }

    public CancelResult cancel(String fairId, String workshopId, String registrationId, AccessToken token) {
        if (registrations.findOwned(fairId, registrationId, token).isEmpty()) {
            return new RegistrationNotFound();
        }
        return cancel(fairId, workshopId, registrationId);
    }

    /**
     * Everything of an erased (or expired) registration leaves the workshops: each seat is given
     * to the next person who can take it, each place in line is left, then the signup records
     * and the agenda are deleted. Running it again finds nothing left to do. No write seats the
     * registration meanwhile: each checks that it still exists.
     */
    public void forget(String fairId, String registrationId) {
        for (ScheduledWorkshop w : workshops.programme(fairId)) {
            String workshopId = w.workshop().workshopId();
            if (!w.seats().lineInPlaces()) {
                signups.moveLineToPlaces(fairId, workshopId, clock.instant()); // so no old list keeps their id
            }
            Optional<Signup> signup = signups.find(fairId, workshopId, registrationId);
            if (signup.isPresent() && signup.get().active() && cancel(fairId, workshopId, registrationId) instanceof Busy) {
                throw new IllegalStateException("Workshop " + workshopId + " too busy to release a seat; retry");
            }
            signups.deleteSignup(fairId, workshopId, registrationId);
        }
        signups.deleteAgenda(fairId, registrationId);
    }

    private CancelResult cancel(String fairId, String workshopId, String registrationId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; ) {
            Optional<Signup> signup = signups.find(fairId, workshopId, registrationId);
            if (signup.isEmpty()) {
                return new NotSignedUp();
            }
            try {
                switch (signup.get().status()) {
                    case CANCELLED -> {
                        return new Cancelled(); // a retried cancellation changes nothing
                    }
                    case WAITLISTED -> {
                        if (signup.get().ticket() == 0 && current(fairId, workshopId).isPresent()) {
                            // Perhaps in a line kept the old way, now moved: read the signup again.
                            Optional<Signup> moved = signups.find(fairId, workshopId, registrationId);
                            if (moved.isPresent() && moved.get().ticket() > 0) {
                                continue;
                            }
                        }
                        signups.cancelWaitlisted(signup.get(), clock.instant());
                    }
                    case CONFIRMED -> {
                        Optional<ScheduledWorkshop> target = current(fairId, workshopId);
                        if (target.isEmpty()) {
                            return new NotSignedUp(); // the workshop itself is gone
                        }
                        signups.cancelConfirmed(fairId, workshopId, registrationId,
                                signups.agenda(fairId, registrationId), nextEligible(target.get()),
                                target.get().seats(), clock.instant());
                    }
                }
                return new Cancelled();
            } catch (SignupRepository.Contention e) {
                backOff(attempt++);
            } catch (SignupRepository.RegistrationGone e) {
                leaveLine(fairId, workshopId, e.registrationId());
            }
        }
        return new Busy();
    }

    /**
     * Gives free seats to the people waiting, in order, skipping those who hold an overlapping
     * workshop (they keep their place). Returns whether anyone was promoted.
     */
    public boolean fillFreeSeats(String fairId, String workshopId) {
        boolean promoted = false;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; ) {
            Optional<ScheduledWorkshop> target = current(fairId, workshopId);
            if (target.isEmpty() || target.get().seats().full() || target.get().seats().waitlistLength() == 0) {
                return promoted;
            }
            Optional<SignupRepository.Promotion> next = nextEligible(target.get());
            if (next.isEmpty()) {
                return promoted;
            }
            try {
                signups.promoteIntoFreeSeat(fairId, workshopId, next.get(), clock.instant());
                promoted = true;
            } catch (SignupRepository.Contention e) {
                backOff(attempt++);
            } catch (SignupRepository.RegistrationGone e) {
                leaveLine(fairId, workshopId, e.registrationId());
            }
        }
        return promoted;
    }

    /**
     * Takes someone erased out of the line, so that the seat offered to them passes on now rather
     * than when their erasure reaches this workshop (which then finds nothing left to do).
     */
    private void leaveLine(String fairId, String workshopId, String registrationId) {
        Optional<Signup> signup = signups.find(fairId, workshopId, registrationId);
        if (signup.isPresent() && signup.get().status() == Signup.Status.WAITLISTED) {
            retire(signup.get());
        }
    }

    /** Cancels this WAITLISTED record if it is still the one read; otherwise leaves it to a new read. */
    private void retire(Signup waiting) {
        try {
            signups.cancelWaitlisted(waiting, clock.instant());
        } catch (SignupRepository.Contention changed) {
            // it changed meanwhile: whoever reads it next decides from what it is now
        }
    }

    /**
     * The first person in line who holds no overlapping workshop, read from the head of the line
     * with the workshops their agendas hold (each read once), never the whole programme.
     */
    private Optional<SignupRepository.Promotion> nextEligible(ScheduledWorkshop target) {
        Workshop workshop = target.workshop();
        if (target.seats().waitlistLength() == 0) {
            return Optional.empty();
        }
        Map<String, Optional<Workshop>> known = new HashMap<>();
        known.put(workshop.workshopId(), Optional.of(workshop));
        for (WaitlistEntry entry : signups.line(workshop.fairId(), workshop.workshopId(), target.seats())) {
            Agenda agenda = signups.agenda(workshop.fairId(), entry.registrationId());
            if (Seating.overlapping(held(workshop.fairId(), agenda, known), agenda, workshop).isEmpty()) {
                return Optional.of(new SignupRepository.Promotion(entry, agenda));
            }
        }
        return Optional.empty();
    }

    /** The workshops an agenda holds, read once each across the calls sharing {@code known}. */
    private List<Workshop> held(String fairId, Agenda agenda, Map<String, Optional<Workshop>> known) {
        List<Workshop> held = new ArrayList<>();
        for (String id : agenda.confirmedWorkshopIds()) {
            known.computeIfAbsent(id, i -> workshops.find(fairId, i).map(ScheduledWorkshop::workshop))
                    .ifPresent(held::add);
        }
        return held;
    }

    private static void backOff(int attempt) {
        Backoff.CONTENTION.pause(attempt);
    }
}
