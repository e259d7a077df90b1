package ma.salonsess.shared.signup;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            // The signup is read before the seats: a ticket seen missing afterwards is then really
            // gone, never one about to be written with a signup read too early.
            Optional<Signup> existing = signups.find(fairId, workshopId, registrationId);
            Optional<ScheduledWorkshop> target = workshops.find(fairId, workshopId);
            if (target.isEmpty()) {
                return new WorkshopNotFound();
            }
            Seats seats = target.get().seats();
            if (existing.isPresent() && existing.get().active()) {
                Signup signup = existing.get();
                if (signup.status() == Signup.Status.WAITLISTED && !seats.waitlist().containsKey(registrationId)) {
                    // Promoted or cancelled since it was read, or a signup stranded without its
                    // ticket by data older than this code: cancelled only if still this very
                    // record, then the registrant joins the line afresh.
                    retire(signup);
                    continue;
                }
                return new Signed(signup, seats.positionOf(registrationId), true);
            }
            if (seats.waitlist().containsKey(registrationId)) {
                // A ticket with no active signup beside it; read again, as they may have joined
                // since. Still none: it is nobody's place in line (data older than this code).
                if (signups.find(fairId, workshopId, registrationId).filter(Signup::active).isEmpty()) {
                    signups.withdrawPlace(fairId, workshopId, registrationId, seats.waitlist().get(registrationId));
                }
                continue;
            }
            Agenda agenda = signups.agenda(fairId, registrationId);
            // Only the workshops the registrant holds a seat in can overlap: those are read, not
            // the whole programme with every waiting list.
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
                    if (e.currentSeats().isEmpty() || e.currentSeats().get().waitlist().containsKey(registrationId)) {
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
     * Joins the line, and answers the place it gave. Empty when the signup is neither waiting nor
     * seated a moment later (cancelled by the registrant's own concurrent request): read again.
     */
    private Optional<Signed> joinLine(String fairId, String workshopId, String registrationId) {
        Signup waiting = signups.joinWaitlist(fairId, workshopId, registrationId, clock.instant());
        int position = workshops.find(fairId, workshopId).map(w -> w.seats().positionOf(registrationId)).orElse(0);
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
            Optional<Signup> signup = signups.find(fairId, workshopId, registrationId);
            if (signup.isPresent() && signup.get().active() && cancel(fairId, workshopId, registrationId) instanceof Busy) {
                throw new IllegalStateException("Workshop " + workshopId + " too busy to release a seat; retry");
            }
            if (signup.isEmpty() && w.seats().waitlist().containsKey(registrationId)) {
                signups.withdrawPlace(fairId, workshopId, registrationId, w.seats().waitlist().get(registrationId));
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
                    case WAITLISTED -> signups.cancelWaitlisted(signup.get(), clock.instant());
                    case CONFIRMED -> {
                        List<ScheduledWorkshop> programme = workshops.programme(fairId);
                        Optional<ScheduledWorkshop> target = programme.stream()
                                .filter(w -> w.workshop().workshopId().equals(workshopId)).findFirst();
                        if (target.isEmpty()) {
                            return new NotSignedUp(); // the workshop itself is gone
                        }
                        signups.cancelConfirmed(fairId, workshopId, registrationId,
                                signups.agenda(fairId, registrationId), nextEligible(programme, target.get()),
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
            List<ScheduledWorkshop> programme = workshops.programme(fairId);
            Optional<ScheduledWorkshop> target = programme.stream()
                    .filter(w -> w.workshop().workshopId().equals(workshopId)).findFirst();
            if (target.isEmpty() || target.get().seats().full() || target.get().seats().waitlist().isEmpty()) {
                return promoted;
            }
            Optional<SignupRepository.Promotion> next = nextEligible(programme, target.get());
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
        } else if (signup.isEmpty()) {
            workshops.find(fairId, workshopId).map(w -> w.seats().waitlist().get(registrationId))
                    .ifPresent(ticket -> signups.withdrawPlace(fairId, workshopId, registrationId, ticket));
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

    private Optional<SignupRepository.Promotion> nextEligible(List<ScheduledWorkshop> programme,
                                                              ScheduledWorkshop target) {
        Workshop workshop = target.workshop();
        List<Workshop> all = programme.stream().map(ScheduledWorkshop::workshop).toList();
        for (WaitlistEntry entry : target.seats().waiting()) {
            Agenda agenda = signups.agenda(workshop.fairId(), entry.registrationId());
            if (Seating.overlapping(all, agenda, workshop).isEmpty()) {
                return Optional.of(new SignupRepository.Promotion(entry, agenda));
            }
        }
        return Optional.empty();
    }

    private static void backOff(int attempt) {
        Backoff.CONTENTION.pause(attempt);
    }
}
