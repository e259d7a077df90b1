package ma.salonsess.digest;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import ma.salonsess.shared.attendance.Attendance;
import ma.salonsess.shared.attendance.Attendances;
import java.util.function.Supplier;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.digest.Digests;
import ma.salonsess.shared.digest.FairFigures;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.survey.SurveyRepository;
import ma.salonsess.shared.survey.SurveyResults;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;

/** Counts a fair's figures and emails them to its organisers, with the chart and the CSV. */
final class DigestSender {
    /** Above this the CSV is not attached (SES takes messages up to 40 MB; mailboxes often less). */
    static final int MAX_ATTACHED_CSV = 5 * 1024 * 1024;
    final FairRepository fairs;
    final Digests digests;
    private final Attendances attendances;
    private final SurveyRepository surveys;
    private final SesV2Client ses;
    private final Supplier<String> sender;
    private final String configurationSet;
    private final Clock clock;

    /** The email went out but its time was not recorded: whoever retries must not send it again. */
    static final class SentButNotRecorded extends RuntimeException {
        SentButNotRecorded(RuntimeException cause) {
            super("Digest sent, but the time of sending was not recorded", cause);
        }
    }

    /** What was sent. */
    record Sent(List<String> to, long registrations, long newSinceLastDigest, boolean csvAttached) {
    }

    DigestSender(Wiring wiring, SesV2Client ses, Clock clock) {
        this.fairs = wiring.fairs();
        this.digests = new Digests(wiring.registrations(), wiring.workshops());
        this.surveys = wiring.surveys();
        this.attendances = new Attendances(wiring.checkins(), wiring.workshops(), wiring.signups());
        this.ses = ses;
        this.sender = wiring.setting("SENDER_EMAIL_PARAMETER");
        this.configurationSet = wiring.env().require("SES_CONFIGURATION_SET");
        this.clock = clock;
    }

    Sent send(Fair fair) {
        var sentAt = clock.instant();
        ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
        FairFigures figures;
        try (RegistrationsCsv rows = new RegistrationsCsv(csvBytes)) {
            figures = digests.figures(fair, fairs.lastDigestAt(fair.fairId()), rows::add);
        }
        byte[] csv = csvBytes.toByteArray();
        boolean attachCsv = csv.length <= MAX_ATTACHED_CSV;
        SurveyResults surveyResults = new SurveyResults();
        surveys.forEachInFair(fair.fairId(), surveyResults::add);
        DigestReport report = new DigestReport(fair, figures, surveyResults, attendance(fair));
        String[] body = report.render(attachCsv);
        List<Attachment> attachments = new ArrayList<>();
        attachments.add(Attachment.builder().fileName("chart.png").contentType("image/png").contentId("chart")
                .contentDisposition(AttachmentContentDisposition.INLINE)
                .rawContent(SdkBytes.fromByteArray(DigestChart.png(figures))).build());
        if (attachCsv) {
            attachments.add(Attachment.builder().fileName(fair.fairId() + "-inscriptions.csv")
                    .contentType("text/csv; charset=utf-8").rawContent(SdkBytes.fromByteArray(csv)).build());
        }
        ses.sendEmail(b -> b.fromEmailAddress(sender.get()).configurationSetName(configurationSet)
                .destination(d -> d.toAddresses(fair.organiserEmails()))
                .content(c -> c.simple(m -> m.subject(s -> s.data(report.subject()).charset("UTF-8"))
                        .body(x -> x.text(t -> t.data(body[0]).charset("UTF-8")).html(h -> h.data(body[1]).charset("UTF-8")))
                        .attachments(attachments))));
        // Counted from this run's start: a registration made while it ran is new next time too.
        try {
            fairs.digestSent(fair.fairId(), sentAt);
        } catch (RuntimeException e) {
            throw new SentButNotRecorded(e);
        }
        return new Sent(fair.organiserEmails(), figures.total(), figures.newSinceLastDigest(), attachCsv);
    }

    /** What the fair's gates and doors recorded, counted now. */
    Attendance attendance(Fair fair) {
        return attendances.of(fair, clock.instant());
    }

    byte[] csv(String fairId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RegistrationsCsv csv = new RegistrationsCsv(out)) {
            digests.forEachRegistration(fairId, csv::add);
        }
        return out.toByteArray();
    }

    static SesV2Client ses(Env env) {
        return AwsClients.ses(env);
    }
}
