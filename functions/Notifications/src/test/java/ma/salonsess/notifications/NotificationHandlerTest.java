package ma.salonsess.notifications;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.SentEmail;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.FaultySes;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.RegistrationBuilder;
import ma.salonsess.testsupport.StreamEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Emails from stream records, read back from the SES emulator's store. */
@ExtendWith(LocalAwsExtension.class)
class NotificationHandlerTest {
    private static final byte[] BADGE = "%PDF-1.7 badge".getBytes(StandardCharsets.US_ASCII);
    private LocalAws aws;
    private Env env;
    private NotificationHandler handler;
    private RegistrationRepository registrations;
    private FairFixtures fixtures;
    private String fairId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.env = aws.functionEnv("NotificationsFunction");
        this.handler = new NotificationHandler(env);
        this.registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        this.fixtures = new FairFixtures(aws);
        this.fairId = fixtures.newFair();
        fixtures.workshop(fairId, "financement", 30, 10, 12);
    }

    /** A registrant whose badge is in the bucket and READY; returns the registration item after that. */
    private Registration registrant(String firstName, Language language) {
        return registrant(firstName, language, AccessToken.generate());
    }

    private Registration registrant(String firstName, Language language, AccessToken token) {
        Instant now = Instant.now();
        Registration r = RegistrationBuilder.in(fairId).named(firstName, "Alaoui").language(language)
                .accessToken(token).at(now).build();
        String id = r.registrationId();
        registrations.create(r, Optional.empty());
        String key = "badges/" + fairId + "/" + id.substring(0, 8) + ".pdf";
        aws.s3().putObject(b -> b.bucket(env.require("BADGE_BUCKET")).key(key), RequestBody.fromBytes(BADGE));
        registrations.markBadgeReady(fairId, id, BadgeState.ready(key, 1, now));
        return registrations.find(fairId, id).orElseThrow();
    }

    private Map<String, AttributeValue> item(Registration r) {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("RegistrationsTable")).consistentRead(true)
                .key(Map.of("fairId", AttributeValue.fromS(fairId), "sk", AttributeValue.fromS("REG#" + r.registrationId()))))
                .item();
    }

    private DynamodbEvent badgeReady(Registration r) {
        Map<String, AttributeValue> after = item(r);
        Map<String, AttributeValue> before = new HashMap<>(after);
        before.put("badge", AttributeValue.fromM(Map.of("status", AttributeValue.fromS("PENDING"))));
        return StreamEvents.batch(StreamEvents.record("MODIFY", List.of("fairId", "sk"), before, after));
    }

    private static Map<String, AttributeValue> signup(Registration r, String status, String updatedAt) {
        return Map.of("pk", AttributeValue.fromS("WS#" + r.fairId() + "#financement"),
                "sk", AttributeValue.fromS("S#" + r.registrationId()), "type", AttributeValue.fromS("SIGNUP"),
                "fairId", AttributeValue.fromS(r.fairId()), "workshopId", AttributeValue.fromS("financement"),
                "registrationId", AttributeValue.fromS(r.registrationId()), "status", AttributeValue.fromS(status),
                "createdAt", AttributeValue.fromS("2026-11-22T10:00:00Z"), "updatedAt", AttributeValue.fromS(updatedAt));
    }

    private DynamodbEvent signupChange(Registration r, String from, String to) {
        return StreamEvents.batch(StreamEvents.record(from == null ? "INSERT" : "MODIFY", List.of("pk", "sk"),
                from == null ? null : signup(r, from, "2026-11-22T10:00:00Z"), signup(r, to, "2026-11-22T10:05:00Z")));
    }

    private SentEmail only(Registration r) {
        List<SentEmail> mails = aws.mailbox().sentTo(r.email().value());
        assertEquals(1, mails.size(), "exactly one email to " + r.email().value());
        return mails.getFirst();
    }

    private static String attachment(SentEmail mail, String name) {
        return mail.attachments().stream().filter(a -> name.equals(a.filename())).findFirst()
                .map(a -> new String(a.bytes(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError("no " + name));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theConfirmationComesInTheRegistrantsLanguageWithTheBadge(Language language) {
        Registration r = registrant("Amina", language);

        assertTrue(handler.handleRequest(badgeReady(r), LambdaContext.forTest()).getBatchItemFailures().isEmpty());

        SentEmail mail = only(r);
        assertEquals(aws.ssm().getParameter(b -> b.name(env.require("SENDER_EMAIL_PARAMETER"))).parameter().value(),
                mail.from(), "the sender of the run-time setting");
        assertTrue(mail.subject().contains(switch (language) {
            case FR -> "Votre inscription";
            case AR -> "تسجيلكم";
            case EN -> "Your registration";
        }), mail.subject());
        assertEquals(language == Language.AR, mail.html().contains("dir=\"rtl\""), "right to left only in Arabic");
        assertTrue(mail.html().contains("lang=\"" + language.code() + "\""));
        assertTrue(mail.text().contains("Amina Alaoui"), "a plain-text part too");
        assertArrayEquals(BADGE, mail.attachments().getFirst().bytes(), "the badge is attached");
        String ownData = "/fairs/" + fairId + "/registrations/" + r.registrationId();
        assertTrue(mail.text().contains(ownData), "a link to see or delete one's data");
    }

    @Test
    void aReplayedBatchSendsNothingTwice() {
        Registration r = registrant("Omar", Language.FR);
        DynamodbEvent event = badgeReady(r);
        handler.handleRequest(event, LambdaContext.forTest());
        handler.handleRequest(event, LambdaContext.forTest());
        new NotificationHandler(env).handleRequest(event, LambdaContext.forTest());
        only(r);
    }

    @Test
    void theLedgerOfSentEmailsHoldsNothingThatNamesTheRegistration() {
        Registration r = registrant("Nadia", Language.FR);
        handler.handleRequest(badgeReady(r), LambdaContext.forTest());
        handler.handleRequest(signupChange(r, null, "CONFIRMED"), LambdaContext.forTest());
        assertEquals(2, aws.mailbox().sentTo(r.email().value()).size());

        List<String> naming = new ArrayList<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName("NotificationsTable")).consistentRead(true))
                .items().forEach(item -> {
                    String all = item.toString();
                    if (all.contains(r.registrationId()) || all.contains(r.email().value())) {
                        naming.add(all);
                    }
                });
        assertEquals(List.of(), naming, "no ledger key or attribute holds the registration id or the address");
        handler.handleRequest(badgeReady(r), LambdaContext.forTest());
        handler.handleRequest(signupChange(r, null, "CONFIRMED"), LambdaContext.forTest());
        assertEquals(2, aws.mailbox().sentTo(r.email().value()).size(), "the hashed ledger still sends once");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aSeatConfirmedComesWithACalendarInvitation(Language language) {
        Registration r = registrant("Salma", language);
        handler.handleRequest(signupChange(r, null, "CONFIRMED"), LambdaContext.forTest());

        SentEmail mail = only(r);
        String ics = attachment(mail, "invitation.ics");
        assertTrue(ics.contains("DTSTART;TZID=Africa/Casablanca:20261210T100000"), ics);
        assertTrue(ics.contains("DTEND;TZID=Africa/Casablanca:20261210T120000"), ics);
        String title = switch (language) {
            case FR -> "Atelier financement";
            case AR -> "ورشة financement";
            case EN -> "Workshop financement";
        };
        assertTrue(ics.contains("SUMMARY:" + title), ics);
        assertTrue(ics.contains("LOCATION:Salle A"), ics);
        assertTrue(mail.text().contains(title) && mail.text().contains("10:00") && mail.text().contains("12:00"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aPlaceInLineSaysWhichPlace(Language language) {
        // One seat, taken; two people in line before Karim, who is third.
        fixtures.workshop(fairId, "financement", 1, 10, 12);
        WorkshopRepository workshops = new WorkshopRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
        WorkshopSignups signups = new WorkshopSignups(registrations, workshops,
                new SignupRepository(aws.dynamoDb(), aws.tableName("SignupsTable"), workshops, registrations),
                Clock.systemUTC());
        for (String name : List.of("Seated", "First", "Second")) {
            FairFixtures.Registrant p = fixtures.registrant(fairId, name);
            signups.signUp(fairId, "financement", p.registrationId(), new AccessToken(p.accessToken()));
        }
        AccessToken token = AccessToken.generate();
        Registration r = registrant("Karim", language, token);
        signups.signUp(fairId, "financement", r.registrationId(), token);

        handler.handleRequest(signupChange(r, null, "WAITLISTED"), LambdaContext.forTest());

        SentEmail mail = only(r);
        assertTrue(mail.text().contains(switch (language) {
            case FR -> "Vous êtes en position 3 sur la liste d'attente.";
            case AR -> "ترتيبكم في قائمة الانتظار: 3.";
            case EN -> "You are number 3 on the waiting list.";
        }), mail.text());
        assertTrue(mail.attachments().isEmpty());
        assertEquals(language == Language.AR, mail.html().contains("dir=\"rtl\""));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aPromotionAndACancellationAreEachSaid(Language language) {
        Registration r = registrant("Nadia", language);
        handler.handleRequest(signupChange(r, "WAITLISTED", "CONFIRMED"), LambdaContext.forTest());
        handler.handleRequest(signupChange(r, "CONFIRMED", "CANCELLED"), LambdaContext.forTest());

        List<SentEmail> mails = aws.mailbox().sentTo(r.email().value());
        assertEquals(2, mails.size());
        assertTrue(attachment(mails.get(0), "invitation.ics").contains("STATUS:CONFIRMED"));
        assertTrue(attachment(mails.get(1), "invitation.ics").contains("METHOD:CANCEL"), "the calendar entry is withdrawn");
        assertFalse(mails.get(0).subject().equals(mails.get(1).subject()));
    }

    @Test
    void whatARegistrantTypedIsEscapedAndAddsNoHeader() {
        Registration r = registrant("<img src=x onerror=alert(1)>", Language.FR);
        handler.handleRequest(badgeReady(r), LambdaContext.forTest());
        SentEmail mail = only(r);
        assertFalse(mail.html().contains("<img src=x"), "no markup from the form");
        assertTrue(mail.html().contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertEquals(List.of(r.email().value()), mail.to(), "one recipient, the registrant");
        assertTrue(mail.cc().isEmpty() && mail.bcc().isEmpty());
    }

    private static SesV2Client failing(SesV2Client real, AtomicInteger failuresLeft) {
        return FaultySes.failingWhile(real, () -> failuresLeft.getAndDecrement() > 0);
    }

    /**
     * SES down for longer than the stream keeps the record: the function parks it (ids and statuses,
     * no name or address) before reporting the failure, and the replay command (an invocation with
     * no records) sends the email once after the fix.
     */
    @Test
    void aRecordThatKeepsFailingIsParkedAndTheReplayCommandSendsItOnce() {
        String parkedTable = aws.tableName("ParkedRecordsTable");
        aws.partition("ParkedRecordsTable", "source", "notifications").forEach(old -> aws.dynamoDb()
                .deleteItem(b -> b.tableName(parkedTable).key(Map.of("source", old.get("source"),
                        "eventId", old.get("eventId")))));
        Registration r = registrant("Salma", Language.FR);
        NotificationHandler down = new NotificationHandler(env, failing(aws.ses(), new AtomicInteger(100)));

        assertEquals(1, down.handleRequest(badgeReady(r), LambdaContext.forTest()).getBatchItemFailures().size());

        List<Map<String, AttributeValue>> parked = aws.partition("ParkedRecordsTable", "source", "notifications");
        assertEquals(1, parked.size(), "parked before the failure was reported");
        String stored = parked.get(0).toString();
        assertFalse(stored.contains(r.email().value()) || stored.contains("Salma"), "ids and statuses only: " + stored);
        assertTrue(aws.mailbox().sentTo(r.email().value()).isEmpty());

        DynamodbEvent replayCommand = new DynamodbEvent();
        replayCommand.setRecords(List.of());
        assertTrue(handler.handleRequest(replayCommand, LambdaContext.forTest()).getBatchItemFailures().isEmpty());
        only(r);
        assertTrue(aws.partition("ParkedRecordsTable", "source", "notifications").isEmpty(), "nothing left parked");

        handler.handleRequest(replayCommand, LambdaContext.forTest());
        only(r); // a second replay sends nothing again
    }

    @Test
    void sesFailingBrieflyIsRetriedAndTheEmailGoesOnce() {
        Registration r = registrant("Hind", Language.AR);
        AtomicInteger failuresLeft = new AtomicInteger(2);
        NotificationHandler flaky = new NotificationHandler(env, failing(aws.ses(), failuresLeft));
        assertTrue(flaky.handleRequest(badgeReady(r), LambdaContext.forTest()).getBatchItemFailures().isEmpty());
        assertTrue(failuresLeft.get() < 0, "the two failures happened, and the third attempt went through");
        only(r);
    }

    @Test
    void sesFailingLongerIsReportedThenSentOnceWhenTheBatchIsRetried() {
        Registration r = registrant("Yassine", Language.EN);
        DynamodbEvent event = badgeReady(r);
        NotificationHandler down = new NotificationHandler(env, failing(aws.ses(), new AtomicInteger(100)));

        var response = down.handleRequest(event, LambdaContext.forTest());

        assertEquals(1, response.getBatchItemFailures().size(), "reported for Lambda to retry, not lost");
        assertTrue(aws.mailbox().sentTo(r.email().value()).isEmpty());
        assertTrue(item(r).get("emailsPending").ss().contains("REGISTRATION_CONFIRMED"), "the registration shows it pending");

        assertTrue(handler.handleRequest(event, LambdaContext.forTest()).getBatchItemFailures().isEmpty());
        only(r);
        assertFalse(item(r).containsKey("emailsPending"), "no longer pending");
    }
}
