package ma.salonsess.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.SentEmail;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Seat;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.text.Language;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.FaultySes;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.RegistrationBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Certificates emailed after the fair, on the emulators: each attendee gets one email in their
 * language with a PDF per workshop attended; nobody else gets one, nobody gets two, and an erased
 * registration or an address that bounced gets nothing.
 */
@ExtendWith(LocalAwsExtension.class)
class CertificateMailTest {
    /** The fair (10-13 December 2026) is over. */
    private static final Clock AFTER = Clock.fixed(Instant.parse("2026-12-14T12:00:00Z"), ZoneOffset.UTC);
    /** Its first day: the morning workshop is over, the fair is not. */
    private static final Clock DURING = Clock.fixed(Instant.parse("2026-12-10T15:00:00Z"), ZoneOffset.UTC);
    private static final Instant KEEP_UNTIL = Instant.parse("2027-12-14T00:00:00Z");
    private LocalAws aws;
    private Env env;
    private RegistrationRepository registrations;
    private CheckinRepository checkins;
    private String fairId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.env = aws.functionEnv("CertificateMailFunction")
                .with(Map.of("PUBLIC_API_URL", "https://api.salon-ess.example.org/"));
        Wiring wiring = new Wiring(env, aws.dynamoDb());
        this.registrations = wiring.registrations();
        this.checkins = wiring.checkins();
        FairFixtures fixtures = new FairFixtures(aws);
        this.fairId = fixtures.newFair();
        fixtures.workshop(fairId, "financement", 30, 10, 12);
        fixtures.workshop(fairId, "labellisation", 30, 14, 16);
    }

    private Registration registrant(String first, String last, Language language) {
        Registration r = RegistrationBuilder.in(fairId).named(first, last).language(language).build();
        registrations.create(r, Optional.empty());
        return r;
    }

    private void seat(Registration r, String workshopId) {
        checkins.takeSeat(new Seat(fairId, workshopId, r.registrationId(), "door-" + r.registrationId(),
                Instant.parse("2026-12-10T09:01:00Z"), false), 30, KEEP_UNTIL);
    }

    private String run(Clock clock, int timeoutSeconds) {
        return new CertificateMailHandler(env, clock).handleRequest(Map.of(),
                new LambdaContext("CertificateMailFunction", timeoutSeconds, 1024));
    }

    private static String pdfText(SentEmail.Attachment attachment) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(attachment.bytes())) {
            return BadgeRendererTest.text(pdf);
        }
    }

    @Test
    void eachAttendeeGetsOneEmailInTheirLanguageWithTheirCertificatesAndNobodyElseGetsOne() throws Exception {
        Registration fatima = registrant("Fatima Zahra", "El Idrissi", Language.FR);
        seat(fatima, "financement");
        seat(fatima, "labellisation");
        Registration john = registrant("John", "Smith", Language.EN);
        seat(john, "labellisation");
        Registration omar = registrant("Omar", "Bennani", Language.FR); // registered, never counted in

        run(AFTER, 900);

        List<SentEmail> toFatima = aws.mailbox().sentTo(fatima.email().value());
        assertEquals(1, toFatima.size(), "one email for both certificates");
        SentEmail mail = toFatima.getFirst();
        assertTrue(mail.subject().startsWith("Vos attestations"), mail.subject());
        assertTrue(mail.text().contains("Atelier financement") && mail.text().contains("Atelier labellisation"),
                mail.text());
        assertEquals(2, mail.attachments().size());
        for (SentEmail.Attachment attachment : mail.attachments()) {
            assertEquals("application/pdf", attachment.contentType());
            String text = pdfText(attachment);
            assertTrue(text.contains("Fatima Zahra El Idrissi"), text);
            String workshopId = attachment.filename().replaceAll("^certificate-|\\.pdf$", "");
            assertTrue(text.contains("Atelier " + workshopId), attachment.filename() + ": " + text);
        }
        List<SentEmail> toJohn = aws.mailbox().sentTo(john.email().value());
        assertEquals(1, toJohn.size());
        assertTrue(toJohn.getFirst().subject().startsWith("Your certificates"), toJohn.getFirst().subject());
        assertEquals(List.of("certificate-labellisation.pdf"),
                toJohn.getFirst().attachments().stream().map(SentEmail.Attachment::filename).toList());
        assertTrue(pdfText(toJohn.getFirst().attachments().getFirst()).contains("John Smith"));
        assertTrue(aws.mailbox().sentTo(omar.email().value()).isEmpty(), "no certificate without attendance");
    }

    @Test
    void runningAgainSendsNothingMoreEvenOnceTheFairIsNoLongerMarkedDone() {
        Registration fatima = registrant("Fatima", "Alaoui", Language.AR);
        seat(fatima, "financement");

        run(AFTER, 900);
        run(AFTER, 900);
        // As if the run had stopped after the email and before marking the fair done.
        aws.dynamoDb().deleteItem(b -> b.tableName(aws.tableName("CheckinsTable"))
                .key(Map.of("pk", s("CERTMAIL#" + fairId), "sk", s("DONE"))));
        run(AFTER, 900);

        List<SentEmail> mails = aws.mailbox().sentTo(fatima.email().value());
        assertEquals(1, mails.size());
        assertTrue(mails.getFirst().subject().startsWith("شهادات"), mails.getFirst().subject());
    }

    @Test
    void nothingGoesBeforeTheFairIsOverNorWhenTheRunHasNoTimeLeftAndTheNextRunCarriesOn() {
        Registration fatima = registrant("Fatima", "Tazi", Language.FR);
        seat(fatima, "financement");

        run(DURING, 900);
        run(AFTER, 30); // under a minute left: stops before the first email
        assertTrue(aws.mailbox().sentTo(fatima.email().value()).isEmpty());

        String outcome = run(AFTER, 900);
        assertEquals(1, aws.mailbox().sentTo(fatima.email().value()).size(), outcome);
    }

    @Test
    void aFairOverMoreThanAMonthAgoGetsNoEmails() {
        Registration fatima = registrant("Fatima", "Chraibi", Language.FR);
        seat(fatima, "financement");

        run(Clock.fixed(Instant.parse("2027-01-20T12:00:00Z"), ZoneOffset.UTC), 900);

        assertTrue(aws.mailbox().sentTo(fatima.email().value()).isEmpty());
    }

    @Test
    void anErasedRegistrationOrAnAddressThatBouncedGetsNothing() {
        Registration erased = registrant("Karim", "Erased", Language.FR);
        seat(erased, "financement");
        Registration bounced = registrant("Salma", "Bounced", Language.FR);
        seat(bounced, "financement");
        Registration came = registrant("Youssef", "Came", Language.FR);
        seat(came, "financement");
        // The registration gone and its seat still in the index (erasure part way, or the index lagging).
        registrations.delete(erased);
        registrations.markUndeliverable(bounced.email().value().toLowerCase(), "BOUNCE", Instant.now());

        run(AFTER, 900);

        assertTrue(aws.mailbox().sentTo(erased.email().value()).isEmpty());
        assertTrue(aws.mailbox().sentTo(bounced.email().value()).isEmpty());
        assertEquals(1, aws.mailbox().sentTo(came.email().value()).size());
        assertTrue(aws.partition("CheckinsTable", "pk", "CI#" + fairId + "#" + erased.registrationId()).stream()
                .noneMatch(item -> item.get("sk").s().equals("CERTMAIL")), "no claim pointing back to the erased");
        // The attendee's claim lives in their partition: erasing them removes it.
        checkins.forget(fairId, came.registrationId());
        assertTrue(aws.partition("CheckinsTable", "pk", "CI#" + fairId + "#" + came.registrationId()).isEmpty());
    }

    @Test
    void anEmailSesDidNotTakeGoesOnTheNextRunAndOnlyOnce() {
        Registration fatima = registrant("Fatima", "Berrada", Language.FR);
        seat(fatima, "financement");
        SesV2Client down = FaultySes.failingWhile(aws.ses(), () -> true);

        String failed = new CertificateMailHandler(env, AFTER, down).handleRequest(Map.of(),
                new LambdaContext("CertificateMailFunction", 900, 1024));
        assertTrue(aws.mailbox().sentTo(fatima.email().value()).isEmpty());
        assertTrue(failed.startsWith("continues next run") && failed.contains("failed 1"), failed);

        run(AFTER, 900);
        run(AFTER, 900);
        assertEquals(1, aws.mailbox().sentTo(fatima.email().value()).size());
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }
}
