package ma.salonsess.shared.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Seat;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopRepository;

/**
 * After a fair, emails each attendee (counted in at one workshop's door or more) their certificates
 * of attendance, in one email in their language. Law 09-08: the certificate is part of the service
 * the registrant asked for by registering and attending, not marketing, so no consent beyond the
 * registration is needed; an erased registration gets nothing and an address known to bounce is
 * not written to.
 *
 * <p>Each email is claimed in the check-ins table (the registration's own partition, so erasure
 * removes the claim too) only while the registration exists, before it goes: a run repeated,
 * retried or resumed after running short of time mails nobody twice. Once every attendee of a fair
 * has been dealt with, the fair is marked done and later runs skip it.
 */
public final class CertificateMailing {
    /**
     * Fairs that ended longer ago get no emails: certificates arrive just after the fair, not months
     * later (fairs over before this function existed, say); they can still be downloaded.
     */
    public static final Duration MAIL_WITHIN = Duration.ofDays(30);
    private final FairRepository fairs;
    private final WorkshopRepository workshops;
    private final RegistrationRepository registrations;
    private final CheckinRepository checkins;
    private final Supplier<CertificateCode> codes;
    private final Postman postman;
    private final Clock clock;
    private final Duration retention;

    /** Sends one email with these certificates (all of one registrant); returns SES's message id. */
    @FunctionalInterface
    public interface Postman {
        String send(List<Certificates.Certificate> certificates);
    }

    /** A registrant's address SES will not take (refused for good): recorded, not retried. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** What a run did, over every fair it looked at. */
    public record Outcome(int sent, int alreadySent, int skipped, int failed, boolean finished) {
    }

    public CertificateMailing(FairRepository fairs, WorkshopRepository workshops, RegistrationRepository registrations,
                              CheckinRepository checkins, Supplier<CertificateCode> codes, Postman postman,
                              Clock clock, Duration retention) {
        this.fairs = fairs;
        this.workshops = workshops;
        this.registrations = registrations;
        this.checkins = checkins;
        this.codes = codes;
        this.postman = postman;
        this.clock = clock;
        this.retention = retention;
    }

    private static final class Counts {
        int sent;
        int alreadySent;
        int skipped;
        int failed;
    }

    /** Every fair over and not yet done, attendee by attendee while {@code timeLeft} says one more fits. */
    public Outcome run(BooleanSupplier timeLeft) {
        Counts counts = new Counts();
        Instant now = clock.instant();
        boolean finished = true;
        for (Fair fair : fairs.all()) {
            if (!timeLeft.getAsBoolean()) {
                finished = false;
                break;
            }
            if (fair.isOver(now) && now.isBefore(fair.endsAt().toInstant().plus(MAIL_WITHIN))
                    && !checkins.certificatesMailed(fair.fairId())) {
                finished &= mailFair(fair, timeLeft, counts);
            }
        }
        return new Outcome(counts.sent, counts.alreadySent, counts.skipped, counts.failed, finished);
    }

    /** Returns whether the fair is done (false: out of time, or an email to retry next run). */
    private boolean mailFair(Fair fair, BooleanSupplier timeLeft, Counts counts) {
        Map<String, List<Workshop>> attended = new LinkedHashMap<>();
        for (ScheduledWorkshop scheduled : workshops.programme(fair.fairId())) {
            Workshop workshop = scheduled.workshop();
            for (Seat seat : checkins.seats(fair.fairId(), workshop.workshopId())) {
                attended.computeIfAbsent(seat.registrationId(), id -> new ArrayList<>()).add(workshop);
            }
        }
        Instant expiresAt = fair.endsAt().toInstant().plus(retention);
        boolean complete = true;
        for (Map.Entry<String, List<Workshop>> attendee : attended.entrySet()) {
            if (!timeLeft.getAsBoolean()) {
                return false;
            }
            complete &= mailAttendee(fair, attendee.getKey(), attendee.getValue(), expiresAt, counts);
        }
        if (complete) {
            checkins.markCertificatesMailed(fair.fairId(), clock.instant(), expiresAt);
        }
        return complete;
    }

    /** Returns false only when the email is to be tried again next run. */
    private boolean mailAttendee(Fair fair, String registrationId, List<Workshop> attended, Instant expiresAt,
                                 Counts counts) {
        String fairId = fair.fairId();
        Optional<RegistrationRepository.Listed> listed = registrations.findListed(fairId, registrationId);
        if (listed.isEmpty()) {
            counts.skipped++; // erased (its seats go with it; the index may lag behind)
            return true;
        }
        if (listed.get().health().undeliverableReason() != null) {
            counts.skipped++;
            return true;
        }
        switch (checkins.claimCertificateMail(fairId, registrationId, clock.instant(), expiresAt,
                registrations.stillRegistered(fairId, registrationId))) {
            case ALREADY_CLAIMED -> {
                counts.alreadySent++;
                return true;
            }
            case REGISTRATION_GONE -> {
                counts.skipped++;
                return true;
            }
            case CLAIMED -> {
            }
        }
        List<Certificates.Certificate> certificates = attended.stream().map(w -> new Certificates.Certificate(fair, w,
                listed.get().registration(), codes.get().issue(fairId, w.workshopId(), registrationId))).toList();
        try {
            String messageId = postman.send(certificates);
            checkins.certificateMailDone(fairId, registrationId, "SENT", messageId);
            counts.sent++;
            return true;
        } catch (Refused refused) {
            checkins.certificateMailDone(fairId, registrationId, "FAILED", refused.getMessage());
            counts.failed++;
            return true;
        } catch (RuntimeException e) {
            // SES did not take it (after the mailer's retries): released, so the next run tries again.
            checkins.releaseCertificateMail(fairId, registrationId);
            counts.failed++;
            return false;
        }
    }
}
