package ma.salonsess.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.email.EmailChoice;
import ma.salonsess.shared.email.EmailTemplates;
import ma.salonsess.shared.email.Mailer;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.log.Metrics;
import ma.salonsess.shared.stream.ParkedRecords;
import ma.salonsess.shared.stream.StreamBatch;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.WorkshopRepository;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Emails registrants in their language, from the registrations and signups streams: the
 * registration confirmation with the badge attached (once the badge is ready), and for workshops
 * a seat confirmed or won from the waiting list (with an .ics invitation), a place in line, a
 * cancellation. Which email a change sends is {@link EmailChoice}'s rule. Each email is sent once per
 * event that causes it ({@link NotificationLedger}); a record whose email fails after retries stops
 * the batch and is reported, Lambda retries from it on ({@link StreamBatch}), and the registration
 * shows an email pending until it goes out.
 */
public final class NotificationHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** What {@link #handle} reads of a record's images: ids and statuses, all a parked record keeps. */
    private static final Set<String> READS = Set.of("type", "fairId", "registrationId", "workshopId", "status",
            "updatedAt", "badge");
    private final ParkedRecords parked;
    private final RegistrationRepository registrations;
    private final FairRepository fairs;
    private final WorkshopRepository workshops;
    private final SignupRepository signups;
    private final NotificationLedger ledger;
    private final Mailer mailer;
    private final EmailTemplates templates = new EmailTemplates(EmailKind.templates());
    private final S3Client s3;
    private final String bucket;
    private final String site;

    public NotificationHandler() {
        this(Env.system());
    }

    public NotificationHandler(Env env) {
        this(env, AwsClients.ses(env));
    }

    /** With a given SES client: tests pass one that fails on purpose. */
    public NotificationHandler(Env env, SesV2Client ses) {
        Wiring wiring = new Wiring(env);
        this.registrations = wiring.registrations();
        this.fairs = wiring.fairs();
        this.workshops = wiring.workshops();
        this.signups = wiring.signups();
        this.ledger = new NotificationLedger(wiring.dynamoDb(), wiring.table("NOTIFICATIONS_TABLE"), Clock.systemUTC());
        this.mailer = wiring.mailer(ses);
        this.s3 = AwsClients.s3(env);
        this.bucket = env.require("BADGE_BUCKET");
        this.site = wiring.publicSite();
        Priming.register("NotificationsFunction", this, NotificationsPriming::records);
        this.parked = new ParkedRecords(wiring.dynamoDb(), wiring.table("PARKED_RECORDS_TABLE"), "notifications",
                READS);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        if (StreamBatch.isReplayCommand(event)) {
            return StreamBatch.replay(parked, context, this::handle);
        }
        return StreamBatch.eachRecord(event, context, this::handle, parked);
    }

    private void handle(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> now = record.getDynamodb().getNewImage();
        Map<String, AttributeValue> before = record.getDynamodb().getOldImage();
        if (now == null) {
            return; // deletions send nothing
        }
        String type = string(now, "type");
        if ("REGISTRATION".equals(type)) {
            EmailChoice.forStoredBadgeChange(badgeStatus(before), badgeStatus(now))
                    .ifPresent(choice -> confirmRegistration(string(now, "fairId"), string(now, "registrationId")));
        } else if ("SIGNUP".equals(type)) {
            String status = string(now, "status");
            EmailChoice.forStoredSignupChange(string(before, "status"), status).ifPresent(choice ->
                    aboutWorkshop(choice, string(now, "fairId"), string(now, "workshopId"), string(now, "registrationId"),
                            "SIGNUP#" + string(now, "fairId") + "#" + string(now, "workshopId") + "#"
                                    + string(now, "registrationId") + "#" + status + "#" + string(now, "updatedAt")));
        }
    }

    private void confirmRegistration(String fairId, String registrationId) {
        Optional<Registration> found = registrations.find(fairId, registrationId);
        if (found.isEmpty()) {
            return; // erased meanwhile: nobody to write to
        }
        Registration r = found.get();
        Fair fair = fairs.find(fairId).orElseThrow();
        Map<String, String> values = new HashMap<>(common(r, fair));
        values.put("city", fair.city());
        values.put("start", date(fair.startDate().atStartOfDay(fair.timeZone()), r.language()));
        values.put("end", date(fair.endDate().atStartOfDay(fair.timeZone()), r.language()));
        values.put("ownData", site + "/fairs/" + fairId + "/registrations/" + registrationId);
        byte[] badge = s3.getObjectAsBytes(b -> b.bucket(bucket).key(r.badge().key())).asByteArray();
        send("CONFIRMATION#" + fairId + "#" + registrationId, r, EmailKind.REGISTRATION_CONFIRMED, values,
                List.of(new Mailer.File("badge.pdf", "application/pdf", badge)));
    }

    private void aboutWorkshop(EmailChoice choice, String fairId, String workshopId, String registrationId,
                               String eventKey) {
        EmailKind kind = EmailKind.of(choice.email());
        Optional<Registration> found = registrations.find(fairId, registrationId);
        Optional<ScheduledWorkshop> workshop = workshops.find(fairId, workshopId);
        if (found.isEmpty() || workshop.isEmpty()) {
            return;
        }
        Registration r = found.get();
        Fair fair = fairs.find(fairId).orElseThrow();
        ZoneId zone = fair.timeZone();
        var w = workshop.get().workshop();
        String title = w.title().in(r.language());
        Map<String, String> values = new HashMap<>(common(r, fair));
        values.put("workshop", title);
        values.put("room", w.room());
        values.put("day", date(w.startsAt().atZoneSameInstant(zone), r.language()));
        values.put("from", time(w.startsAt().atZoneSameInstant(zone)));
        values.put("to", time(w.endsAt().atZoneSameInstant(zone)));
        if (kind == EmailKind.WAITLISTED) {
            // Its place now (it may have moved up since joining), from the workshop's counters.
            int place = signups.find(fairId, workshopId, registrationId)
                    .map(signup -> signups.placeInLine(workshop.get().seats(), signup)).orElse(0);
            values.put("position", Integer.toString(Math.max(1, place)));
        }
        List<Mailer.File> files = switch (choice.calendar()) {
            case NONE -> List.of();
            case INVITATION, CANCELLATION -> List.of(new Mailer.File("invitation.ics", "text/calendar; charset=UTF-8",
                    Invitation.of(w, title, registrationId, zone, choice.calendar() == EmailChoice.Calendar.CANCELLATION)));
        };
        send(eventKey, r, kind, values, files);
    }

    private void send(String eventKey, Registration r, EmailKind kind, Map<String, String> values,
                      List<Mailer.File> files) {
        if (!ledger.claim(eventKey)) {
            return; // sent already: a replayed record or a retried batch
        }
        try {
            mailer.send(r.email().value(), templates.render(kind.template(), r.language(), values), files);
            ledger.sent(eventKey);
        } catch (RuntimeException e) {
            Metrics.count(r.fairId(), Metrics.EMAILS_FAILED);
            registrations.markEmailPending(r.fairId(), r.registrationId(), kind.name());
            throw e;
        }
        Metrics.count(r.fairId(), Metrics.EMAILS_SENT);
        if (kind == EmailKind.PROMOTED) {
            Metrics.count(r.fairId(), Metrics.PROMOTIONS); // once: the ledger's claim keeps replays out
        }
        registrations.clearEmailPending(r.fairId(), r.registrationId(), kind.name());
    }

    private static Map<String, String> common(Registration r, Fair fair) {
        return Map.of("name", r.firstName() + " " + r.lastName(), "fair", fair.name().in(r.language()));
    }

    private static String date(ZonedDateTime when, Language language) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag(language.code())).format(when);
    }

    private static String time(ZonedDateTime when) {
        return DateTimeFormatter.ofPattern("HH:mm").format(when);
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image == null ? null : image.get(name);
        return value == null ? null : value.getS();
    }

    private static String badgeStatus(Map<String, AttributeValue> image) {
        return image == null ? null : string(map(image, "badge"), "status");
    }

    private static Map<String, AttributeValue> map(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null || value.getM() == null ? Map.of() : value.getM();
    }
}
