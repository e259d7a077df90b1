package ma.salonsess.shared.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Seat;
import java.util.function.Supplier;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.signup.SignupRepository;

/**
 * Sends a fair's survey emails, page by page: invitations to every registrant who agreed to be
 * surveyed (and whose address still takes mail; and who came, where the fair says so: {@link SurveyInvitees}),
 * then, when the reminder falls due, one reminder
 * to those invited who have not answered. Each email is claimed in the surveys table before it
 * goes, so a round run twice or resumed after a failure sends nobody anything twice. Sending is
 * paced under SES's rate; when its invocation runs short of time the round schedules its own
 * continuation from the page it reached.
 */
public final class SurveyDispatch {
    private final FairRepository fairs;
    private final RegistrationRepository registrations;
    private final SignupRepository signups;
    private final CheckinRepository checkins;
    private final SurveyRepository surveys;
    private final SurveyToken tokens;
    private final SurveySchedules schedules;
    private final SurveyPostman postman;
    private final SendPace pace;
    private final Clock clock;
    private final Supplier<Settings> settings;

    /**
     * @param reminderAfter how long after the invitations the reminder goes
     * @param pageSize      registrants read (and emails sent at most) between two checks of the time left
     * @param siteUrl       the public site, where {@code /surveys/{token}} shows the questionnaire
     */
    public record Settings(Duration reminderAfter, int pageSize, String siteUrl) {
    }

    public enum Status { DONE, CONTINUES, NOT_OVER, NO_FAIR }

    /** What a run did. */
    public record Outcome(Status status, int sent, int alreadySent, int notEligible, int failed) {
    }

    public SurveyDispatch(FairRepository fairs, RegistrationRepository registrations, SignupRepository signups,
                          CheckinRepository checkins, SurveyRepository surveys, SurveyToken tokens,
                          SurveySchedules schedules, SurveyPostman postman, SendPace pace, Clock clock,
                          Settings settings) {
        this(fairs, registrations, signups, checkins, surveys, tokens, schedules, postman, pace, clock, () -> settings);
    }

    /** With settings read at run time (the reminder's delay is an SSM parameter). */
    public SurveyDispatch(FairRepository fairs, RegistrationRepository registrations, SignupRepository signups,
                          CheckinRepository checkins, SurveyRepository surveys, SurveyToken tokens,
                          SurveySchedules schedules, SurveyPostman postman, SendPace pace, Clock clock,
                          Supplier<Settings> settings) {
        this.fairs = fairs;
        this.registrations = registrations;
        this.signups = signups;
        this.checkins = checkins;
        this.surveys = surveys;
        this.tokens = tokens;
        this.schedules = schedules;
        this.postman = postman;
        this.pace = pace;
        this.clock = clock;
        this.settings = settings;
    }

    /** A round from {@code run.after()}, page after page while {@code timeLeft} says another fits. */
    public Outcome run(SurveySchedules.Run run, BooleanSupplier timeLeft) {
        Optional<Fair> found = fairs.find(run.fairId());
        if (found.isEmpty()) {
            return new Outcome(Status.NO_FAIR, 0, 0, 0, 0);
        }
        Fair fair = found.get();
        if (!fair.isOver(clock.instant())) {
            return new Outcome(Status.NOT_OVER, 0, 0, 0, 0);
        }
        Counts counts = new Counts();
        Optional<String> cursor = run.after();
        // Read once a run: whether the gates scanned anyone decides which workshops surveys ask about.
        boolean checkedIn = run.round() == SurveyRound.INVITATIONS && checkins.anyEntry(fair.fairId());
        do {
            cursor = run.round() == SurveyRound.INVITATIONS ? invitePage(fair, checkedIn, cursor, counts)
                    : remindPage(fair, cursor, counts);
        } while (cursor.isPresent() && timeLeft.getAsBoolean());
        Status status;
        if (cursor.isPresent()) {
            schedules.carryOn(new SurveySchedules.Run(fair.fairId(), run.round(), cursor), clock.instant().plusSeconds(60));
            status = Status.CONTINUES;
        } else {
            if (run.round() == SurveyRound.INVITATIONS) {
                schedules.reminders(fair.fairId(), clock.instant().plus(settings.get().reminderAfter()));
            }
            status = Status.DONE;
        }
        return new Outcome(status, counts.sent, counts.alreadySent, counts.notEligible, counts.failed);
    }

    private static final class Counts {
        int sent;
        int alreadySent;
        int notEligible;
        int failed;
    }

    private Optional<String> invitePage(Fair fair, boolean checkedIn, Optional<String> after, Counts counts) {
        RegistrationRepository.Page page = registrations.page(fair.fairId(), after, settings.get().pageSize());
        for (RegistrationRepository.Listed listed : page.registrations()) {
            Registration r = listed.registration();
            boolean consented = r.consent().surveys();
            boolean undeliverable = listed.health().undeliverableReason() != null;
            boolean asksWorkshops = r.role() != Role.EXHIBITOR;
            // The check-ins are read only for someone who may be invited, and only where they matter.
            CheckinRepository.RegistrationCheckins came = consented && !undeliverable
                    && (fair.surveyAdmittedOnly() || (checkedIn && asksWorkshops))
                    ? checkins.ofRegistration(fair.fairId(), r.registrationId())
                    : new CheckinRepository.RegistrationCheckins(List.of(), List.of(), List.of());
            // Counted at a workshop's door is having come too, even where the gates did not scan.
            boolean admitted = !came.entries().isEmpty() || !came.seats().isEmpty();
            // Erased registrations are not in the page; one erased since it was read is caught by the claim.
            if (SurveyInvitees.decide(fair.surveyAdmittedOnly(),
                    new SurveyInvitees.Candidate(false, consented, undeliverable, admitted))
                    != SurveyInvitees.Verdict.INVITE) {
                counts.notEligible++;
                continue;
            }
            String token = tokens.issue(fair.fairId(), r.registrationId());
            String key = SurveyToken.keyOf(token).orElseThrow();
            Organisation o = r.organisation();
            Survey survey = new Survey(key, fair.fairId(), r.registrationId(), r.role(), r.language(),
                    o == null ? null : o.region(), o == null ? null : o.sector(),
                    !asksWorkshops ? List.of() : SurveyInvitees.workshopsAsked(checkedIn,
                            came.seats().stream().map(Seat::workshopId).toList(),
                            checkedIn ? List.of() : signups.agenda(fair.fairId(), r.registrationId()).confirmedWorkshopIds()),
                    null, null, null, null);
            switch (surveys.claimInvitation(survey, clock.instant(), r.purgeAt(),
                    registrations.whileRegistered(fair.fairId(), r.registrationId()))) {
                case ALREADY_CLAIMED -> {
                    counts.alreadySent++;
                    continue;
                }
                case REGISTRATION_GONE -> {
                    counts.notEligible++; // erased since the page was read
                    continue;
                }
                case CLAIMED -> {
                }
            }
            send(SurveyRound.INVITATIONS, r, fair, token, key, counts);
        }
        return page.next();
    }

    private Optional<String> remindPage(Fair fair, Optional<String> after, Counts counts) {
        SurveyRepository.Page page = surveys.page(fair.fairId(), after, settings.get().pageSize());
        for (Survey survey : page.surveys()) {
            if (survey.invitationDelivery() != Survey.Delivery.SENT || survey.answered()) {
                counts.notEligible++;
                continue;
            }
            if (!surveys.claimReminder(survey.key(), clock.instant())) {
                counts.alreadySent++;
                continue;
            }
            Optional<Registration> r = registrations.find(fair.fairId(), survey.registrationId());
            if (r.isEmpty()) {
                surveys.reminderFailed(survey.key(), "registration erased", clock.instant());
                counts.notEligible++;
                continue;
            }
            Optional<String> token = tokens.reissue(fair.fairId(), survey.registrationId(), survey.key());
            if (token.isEmpty()) {
                surveys.reminderFailed(survey.key(), "link secret rotated twice since the invitation", clock.instant());
                counts.notEligible++;
                continue;
            }
            send(SurveyRound.REMINDERS, r.get(), fair, token.get(), survey.key(), counts);
        }
        return page.next();
    }

    private void send(SurveyRound round, Registration r, Fair fair, String token, String key, Counts counts) {
        pace.await();
        Instant now = clock.instant();
        try {
            // The token in the fragment: browsers never send it, so it stays out of logs and Referer;
            // the site's /surveys page reads it there (links sent before, /surveys/<token>, still work).
            String messageId = postman.send(round, r, fair, settings.get().siteUrl().replaceAll("/+$", "") + "/surveys#" + token);
            if (round == SurveyRound.INVITATIONS) {
                surveys.invitationSent(key, messageId, now);
            } else {
                surveys.reminderSent(key, messageId, now);
            }
            counts.sent++;
        } catch (SurveyPostman.Undeliverable refused) {
            if (round == SurveyRound.INVITATIONS) {
                surveys.invitationFailed(key, refused.getMessage(), now);
            } else {
                surveys.reminderFailed(key, refused.getMessage(), now);
            }
            counts.failed++;
        }
    }
}
