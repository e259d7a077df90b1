package ma.salonsess.shared.certificate;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Seat;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopRepository;

/**
 * Certificates of attendance: one per workshop a registrant was counted in at the door, once the
 * workshop is over. Nothing is stored: the certificate is drawn from the check-in, and its code
 * verifies against the workshop's attendees, so erasing the registration (and its check-ins)
 * takes its certificates with it.
 */
public final class Certificates {
    private final FairRepository fairs;
    private final WorkshopRepository workshops;
    private final RegistrationRepository registrations;
    private final CheckinRepository checkins;
    private final Supplier<CertificateCode> codes;

    /** What a certificate shows. */
    public record Certificate(Fair fair, Workshop workshop, Registration registrant, String code) {
    }

    public sealed interface Download permits Ready, NotFound, NotAttended, NotOver {
    }

    public record Ready(Certificate certificate) implements Download {
    }

    /** No such registration with this token, no such fair or workshop: told apart from nothing. */
    public record NotFound() implements Download {
    }

    /** The registrant was not counted in at that workshop's door. */
    public record NotAttended() implements Download {
    }

    public record NotOver(Instant endsAt) implements Download {
    }

    public sealed interface Verdict permits Genuine, NotGenuine {
    }

    public record Genuine(Fair fair, Workshop workshop) implements Verdict {
    }

    public record NotGenuine() implements Verdict {
    }

    public Certificates(FairRepository fairs, WorkshopRepository workshops, RegistrationRepository registrations,
                        CheckinRepository checkins, CertificateCode codes) {
        this(fairs, workshops, registrations, checkins, () -> codes);
    }

    /** With the code's keys read at run time (the badge secret rotates). */
    public Certificates(FairRepository fairs, WorkshopRepository workshops, RegistrationRepository registrations,
                        CheckinRepository checkins, Supplier<CertificateCode> codes) {
        this.fairs = fairs;
        this.workshops = workshops;
        this.registrations = registrations;
        this.checkins = checkins;
        this.codes = codes;
    }

    public Download forAttendee(String fairId, String registrationId, String workshopId, AccessToken token,
                                Instant now) {
        Optional<Registration> registrant = registrations.findOwned(fairId, registrationId, token);
        Optional<Fair> fair = registrant.flatMap(r -> fairs.find(fairId));
        Optional<Workshop> workshop = fair.flatMap(f -> workshop(fairId, workshopId));
        if (workshop.isEmpty()) {
            return new NotFound();
        }
        if (checkins.seat(fairId, workshopId, registrationId).isEmpty()) {
            return new NotAttended();
        }
        Instant endsAt = workshop.get().endsAt().toInstant();
        if (now.isBefore(endsAt)) {
            return new NotOver(endsAt);
        }
        return new Ready(new Certificate(fair.get(), workshop.get(), registrant.get(),
                codes.get().issue(fairId, workshopId, registrationId)));
    }

    /** Whether a code is a certificate of someone counted in at that workshop, and of which workshop. */
    public Verdict verify(String code) {
        Optional<CertificateCode.Parsed> parsed = CertificateCode.parse(code);
        if (parsed.isEmpty()) {
            return new NotGenuine();
        }
        CertificateCode.Parsed p = parsed.get();
        Optional<Fair> fair = fairs.find(p.fairId());
        Optional<Workshop> workshop = fair.flatMap(f -> workshop(p.fairId(), p.workshopId()));
        if (workshop.isEmpty()) {
            return new NotGenuine();
        }
        for (Seat seat : checkins.seats(p.fairId(), p.workshopId())) {
            if (codes.get().issuedFor(p, seat.registrationId())) {
                return new Genuine(fair.get(), workshop.get());
            }
        }
        return new NotGenuine();
    }

    private Optional<Workshop> workshop(String fairId, String workshopId) {
        return workshops.programme(fairId).stream().map(ScheduledWorkshop::workshop)
                .filter(w -> w.workshopId().equals(workshopId)).findFirst();
    }
}
