package ma.salonsess.shared.signup;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.workshop.Seats;
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

    public sealed interface Outcome {
    }

    /** Signed up now or before ({@code existing}); {@code waitlistPosition} is 0 when CONFIRMED. */
    public record Signed(Signup signup, int waitlistPosition, boolean existing) implements Outcome {
    }

    /** No registration with this id for this access token. */
    public record RegistrationNotFound() implements Outcome {
    }

    public record WorkshopNotFound() implements Outcome {
    }

    /** The registrant holds a seat in {@code other}, which overlaps in time. */
    public record Overlap(Workshop other) implements Outcome {
    }

    /** Still contended after {@link #PATIENCE}: nothing changed, the client should retry. */
    public record Busy() implements Outcome {
    }

    public record Cancelled() implements Outcome {
    }

    public record NotSignedUp() implements Outcome {
    }

    /** The workshop is full and so is its waiting list. */
    public record WaitlistFull() implements Outcome {
    }

    public WorkshopSignups(RegistrationRepository registrations, WorkshopRepository workshops, SignupRepository signups,
                           Clock clock) {
        this.registrations = registrations;
        this.workshops = workshops;
        this.signups = signups;
        this.clock = clock;
    }

    public Outcome signUp(String fairId, String workshopId, String registrationId, AccessToken token) {
        if (registrations.findOwned(fairId, registrationId, token).isEmpty()) {
            return new RegistrationNotFound();
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            List<ScheduledWorkshop> programme = workshops.programme(fairId);
            Optional<ScheduledWorkshop> target = programme.stream()
                    .filter(w -> w.workshop().workshopId().equals(workshopId)).findFirst();
            if (target.isEmpty()) {
                return new WorkshopNotFound();
            }
            Seats seats = target.get().seats();
            Optional<Signup> existing = signups.find(fairId, workshopId, registrationId);
            if (existing.isPresent() && existing.get().active()) {
                return new Signed(existing.get(), seats.positionOf(registrationId), true);
            }
            if (seats.waitlist().containsKey(registrationId)) {
                // In line already, by a request that did not get to write its record: finish it.
                long ticket = seats.waitlist().get(registrationId);
                if (signups.recordWaiting(fairId, workshopId, registrationId, ticket, clock.instant())) {
                    return new Signed(waiting(fairId, workshopId, registrationId, ticket),
                            seats.positionOf(registrationId), true);
                }
                continue;
            }
            Agenda agenda = signups.agenda(fairId, registrationId);
            Optional<Workshop> overlap = overlapping(programme, agenda, target.get().workshop());
            if (overlap.isPresent()) {
                return new Overlap(overlap.get());
            }
            // Decide from the seats; a refused write returns the current seats to decide again.
            while (System.nanoTime() < deadline) {
                try {
                    if (seats.full() && seats.waitlistLength() >= SignupRepository.MAX_WAITLIST) {
                        return new WaitlistFull();
                    }
                    if (!seats.full()) {
                        if (!seats.waitlist().isEmpty() && fillFreeSeats(fairId, workshopId)) {
                            break; // the people waiting took the free seats first: read again
                        }
                        return new Signed(signups.confirm(fairId, workshopId, registrationId, agenda, clock.instant()),
                                0, false);
                    }
                    SignupRepository.Reservation place = signups.reserve(fairId, workshopId, registrationId);
                    if (!signups.recordWaiting(fairId, workshopId, registrationId, place.ticket(), clock.instant())) {
                        break; // a concurrent request of theirs holds a signup: read it
                    }
                    return new Signed(waiting(fairId, workshopId, registrationId, place.ticket()),
                            place.seats().positionOf(registrationId), false);
                } catch (SignupRepository.Contention e) {
                    if (e.currentSeats().isEmpty() || e.currentSeats().get().waitlist().containsKey(registrationId)) {
                        backOff(attempt++);
                        break;
                    }
                    seats = e.currentSeats().get();
                    if (seats.full() && seats.waitlistLength() >= SignupRepository.MAX_WAITLIST) {
                        return new WaitlistFull();
                    }
                }
            }
        }
        return new Busy();
    }

    private Signup waiting(String fairId, String workshopId, String registrationId, long ticket) {
        return new Signup(fairId, workshopId, registrationId, Signup.Status.WAITLISTED, ticket, clock.instant(),
                clock.instant());
    }

    public Outcome cancel(String fairId, String workshopId, String registrationId, AccessToken token) {
        if (registrations.findOwned(fairId, registrationId, token).isEmpty()) {
            return new RegistrationNotFound();
        }
        return cancel(fairId, workshopId, registrationId);
    }

    /**
     * Everything of an erased (or expired) registration leaves the workshops: each seat is given
     * to the next person who can take it, each place in line is left, then the signup records
     * and the agenda are deleted. Running it again finds nothing left to do.
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

    private Outcome cancel(String fairId, String workshopId, String registrationId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            Optional<Signup> signup = signups.find(fairId, workshopId, registrationId);
            if (signup.isEmpty()) {
                return new NotSignedUp();
            }
            try {
                switch (signup.get().status()) {
                    case CANCELLED -> {
                        return new Cancelled(); // a retried cancellation changes nothing
                    }
                    case WAITLISTED -> signups.cancelWaitlisted(fairId, workshopId, signup.get(), clock.instant());
                    case CONFIRMED -> {
                        List<ScheduledWorkshop> programme = workshops.programme(fairId);
                        ScheduledWorkshop target = programme.stream()
                                .filter(w -> w.workshop().workshopId().equals(workshopId)).findFirst().orElseThrow();
                        signups.cancelConfirmed(fairId, workshopId, registrationId,
                                signups.agenda(fairId, registrationId), nextEligible(programme, target),
                                clock.instant());
                    }
                }
                return new Cancelled();
            } catch (SignupRepository.Contention e) {
                backOff(attempt);
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
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
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
                backOff(attempt);
            }
        }
        return promoted;
    }

    private Optional<SignupRepository.Promotion> nextEligible(List<ScheduledWorkshop> programme,
                                                              ScheduledWorkshop target) {
        Workshop workshop = target.workshop();
        for (WaitlistEntry entry : target.seats().waiting()) {
            Agenda agenda = signups.agenda(workshop.fairId(), entry.registrationId());
            if (overlapping(programme, agenda, workshop).isEmpty()) {
                return Optional.of(new SignupRepository.Promotion(entry, agenda));
            }
        }
        return Optional.empty();
    }

    private static Optional<Workshop> overlapping(List<ScheduledWorkshop> programme, Agenda agenda, Workshop target) {
        return programme.stream().map(ScheduledWorkshop::workshop)
                .filter(w -> !w.workshopId().equals(target.workshopId()))
                .filter(w -> agenda.confirmedWorkshopIds().contains(w.workshopId()))
                .filter(w -> w.overlaps(target))
                .findFirst();
    }

    /** Full jitter, growing to half a second. */
    private static void backOff(int attempt) {
        long ceiling = Math.min(500, 10L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}
