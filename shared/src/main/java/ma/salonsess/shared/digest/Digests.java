package ma.salonsess.shared.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.workshop.WorkshopRepository;

/** Counts a fair's figures for the digest, reading only that fair's partition, page by page. */
public final class Digests {
    private final RegistrationRepository registrations;
    private final WorkshopRepository workshops;

    public Digests(RegistrationRepository registrations, WorkshopRepository workshops) {
        this.registrations = registrations;
        this.workshops = workshops;
    }

    /**
     * @param lastDigestAt when the previous digest was sent; empty for the first
     * @param alsoEach     also given each registration, in the same pass (the CSV export), so a
     *                     large fair is read once
     */
    public FairFigures figures(Fair fair, Optional<Instant> lastDigestAt, Consumer<Registration> alsoEach) {
        FairFigures figures = new FairFigures();
        ZoneId zone = fair.timeZone();
        registrations.forEachInFairWithHealth(fair.fairId(), (r, health) -> {
            alsoEach.accept(r);
            Organisation o = r.organisation();
            figures.count(r.role(), o == null ? null : o.region(), o == null ? null : o.type(),
                    o == null ? null : o.sector(), r.createdAt().atZone(zone).toLocalDate(),
                    lastDigestAt.map(last -> r.createdAt().isAfter(last)).orElse(true),
                    health.undeliverableReason(), health.emailPending());
        });
        figures.workshops(workshops.programme(fair.fairId()));
        return figures;
    }

    /** Every registration of a fair, for the CSV export. */
    public void forEachRegistration(String fairId, Consumer<Registration> visitor) {
        registrations.forEachInFair(fairId, visitor);
    }
}
