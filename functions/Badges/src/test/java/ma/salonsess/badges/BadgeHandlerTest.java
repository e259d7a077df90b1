package ma.salonsess.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.OrganisationType;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.text.Language;
import ma.salonsess.testsupport.RegistrationBuilder;
import ma.salonsess.testsupport.FaultyS3;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The badge function on the registrations stream, from the sample events, against the local stack. */
@ExtendWith(LocalAwsExtension.class)
class BadgeHandlerTest {
    private static final String REGISTRATION_ID = "5a1f0c3e-8b2d-4e7f-9c6a-1d0e2f3b4a59";
    private LocalAws aws;
    private BadgeHandler handler;
    private RegistrationRepository registrations;
    private BadgeToken tokens;
    private String bucket;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        var env = aws.functionEnv("BadgesFunction");
        this.handler = new BadgeHandler(env);
        this.registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        this.tokens = new Wiring(env).fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new).get();
        this.bucket = env.require("BADGE_BUCKET");
        DemoFair.seed(RepositoryLayout.root(), aws.dynamoDb(), aws.tableName("FairsTable"));
        registrations.find(DemoFair.ID, REGISTRATION_ID).ifPresent(registrations::delete);
        registrations.create(RegistrationBuilder.in(DemoFair.ID).id(REGISTRATION_ID).role(Role.EXHIBITOR)
                .named("Fatima Zahra", "El Idrissi").arabicName("فاطمة الزهراء الإدريسي")
                .email("fatima.elidrissi@example.org").language(Language.AR)
                .organisation(new Organisation("Coopérative Tighanimine", OrganisationType.COOPERATIVE,
                        Region.SOUSS_MASSA, Sector.LOCAL_PRODUCE))
                .consent(true, true, false).build(), Optional.empty());
    }

    private static DynamodbEvent event(String name) {
        return EventLoader.loadDynamoDbEvent(RepositoryLayout.root().resolve("events").resolve(name).toString());
    }

    private byte[] stored(String key) {
        return aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private List<String> badgesOfTheFair() {
        List<String> keys = new ArrayList<>();
        aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix("badges/" + DemoFair.ID + "/"))
                .contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    @Test
    void aNewRegistrationGetsItsBadgeInTheBucketAndIsMarkedReady() throws Exception {
        StreamsEventResponse response = handler.handleRequest(event("badge-registration-insert.json"), LambdaContext.forTest());

        assertTrue(response.getBatchItemFailures().isEmpty());
        Registration r = registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow();
        assertEquals(BadgeState.Status.READY, r.badge().status());
        assertEquals(1, r.badge().version());
        String key = r.badge().key();
        assertEquals(tokens.objectKey(DemoFair.ID, REGISTRATION_ID), key);
        assertTrue(!key.contains(REGISTRATION_ID) && !key.toLowerCase().contains("fatima"), "no personal data in " + key);
        try (PDDocument pdf = Loader.loadPDF(stored(key))) {
            String text = BadgeRendererTest.text(pdf);
            assertTrue(text.contains("فاطمة الزهراء الإدريسي"), text);
            assertTrue(text.contains("Coopérative Tighanimine"), text);
            String qr = BadgeRendererTest.decodeQr(pdf);
            assertEquals(new BadgeToken.Holder(REGISTRATION_ID, Role.EXHIBITOR),
                    tokens.verify(DemoFair.ID, qr).orElseThrow(), "the code signs this fair and the role");
            assertTrue(tokens.verify("another-fair", qr).isEmpty(), "not valid at another fair");
        }
        var head = aws.s3().headObject(b -> b.bucket(bucket).key(key));
        assertEquals("application/pdf", head.contentType());
    }

    /**
     * Rotating the badge secret (a new AWSCURRENT, the old value AWSPREVIOUS): new badges are signed
     * with the new value, a badge printed before still verifies and is still erased with its
     * registration; after a second rotation it no longer verifies.
     */
    @Test
    void aBadgePrintedBeforeARotationStillVerifiesAndIsErasedWithItsRegistration() throws Exception {
        handler.handleRequest(event("badge-registration-insert.json"), LambdaContext.forTest());
        String printedKey = registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow().badge().key();
        String printed;
        try (PDDocument pdf = Loader.loadPDF(stored(printedKey))) {
            printed = BadgeRendererTest.decodeQr(pdf);
        }
        var env = aws.functionEnv("BadgesFunction");
        String secretId = env.require("BADGE_TOKEN_SECRET_ARN");
        aws.secretsManager().putSecretValue(b -> b.secretId(secretId)
                .secretString("rotated-" + UUID.randomUUID().toString().replace("-", "")));

        BadgeToken rotated = new Wiring(env).fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new).get();
        assertNotEquals(printed, rotated.issue(DemoFair.ID, REGISTRATION_ID, Role.EXHIBITOR), "signed anew");
        assertEquals(new BadgeToken.Holder(REGISTRATION_ID, Role.EXHIBITOR),
                rotated.verify(DemoFair.ID, printed).orElseThrow(), "the printed badge still passes the scanner");

        BadgeHandler startedAfterRotation = new BadgeHandler(env);
        registrations.delete(registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow());
        assertTrue(startedAfterRotation.handleRequest(event("badge-registration-remove.json"), LambdaContext.forTest())
                .getBatchItemFailures().isEmpty());
        assertFalse(badgesOfTheFair().contains(printedKey), "the badge rendered under the old secret is erased too");

        aws.secretsManager().putSecretValue(b -> b.secretId(secretId)
                .secretString("rotated-again-" + UUID.randomUUID().toString().replace("-", "")));
        BadgeToken twice = new Wiring(env).fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new).get();
        assertTrue(twice.verify(DemoFair.ID, printed).isEmpty(), "two rotations later the old value is gone");
    }

    @Test
    void theSameRecordTwiceLeavesOneBadge() {
        handler.handleRequest(event("badge-registration-insert.json"), LambdaContext.forTest());
        Instant firstReady = registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow().badge().readyAt();

        StreamsEventResponse again = handler.handleRequest(event("badge-registration-insert.json"), LambdaContext.forTest());

        assertTrue(again.getBatchItemFailures().isEmpty());
        assertEquals(List.of(tokens.objectKey(DemoFair.ID, REGISTRATION_ID)), badgesOfTheFair().stream()
                .filter(k -> k.equals(tokens.objectKey(DemoFair.ID, REGISTRATION_ID))).toList());
        assertEquals(firstReady, registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow().badge().readyAt(),
                "a replay renders nothing again");
    }

    @Test
    void anErasedRegistrationsBadgeIsDeleted() {
        handler.handleRequest(event("badge-registration-insert.json"), LambdaContext.forTest());
        String key = tokens.objectKey(DemoFair.ID, REGISTRATION_ID);
        registrations.delete(registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow());

        assertTrue(handler.handleRequest(event("badge-registration-remove.json"), LambdaContext.forTest()).getBatchItemFailures().isEmpty());

        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(NoSuchKeyException.class, () -> stored(key)) != null);
    }

    @Test
    void anErasedRegistrationsBadgeGoesWithEveryEarlierVersion() {
        handler.handleRequest(event("badge-registration-insert.json"), LambdaContext.forTest());
        String key = tokens.objectKey(DemoFair.ID, REGISTRATION_ID);
        // A second rendering (the name changed, say) makes a second version in the versioned bucket.
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("v2"));
        assertTrue(versionsOf(key).size() >= 2, "the bucket keeps versions, as the template declares");
        registrations.delete(registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow());

        assertTrue(handler.handleRequest(event("badge-registration-remove.json"), LambdaContext.forTest()).getBatchItemFailures().isEmpty());
        assertTrue(handler.handleRequest(event("badge-registration-remove.json"), LambdaContext.forTest()).getBatchItemFailures().isEmpty(),
                "a replay finds nothing more to delete");

        assertEquals(List.of(), versionsOf(key), "no version and no delete marker is left");
    }

    @Test
    void aBadgeThatCannotBeDeletedIsParkedUntilTheReplayDeletesIt() {
        handler.handleRequest(event("badge-registration-insert.json"), LambdaContext.forTest());
        String key = tokens.objectKey(DemoFair.ID, REGISTRATION_ID);
        registrations.delete(registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow());
        AtomicBoolean down = new AtomicBoolean(true);
        S3Client faulty = FaultyS3.failingWhile(aws.s3(), "listObjectVersions", down::get);

        var response = new BadgeHandler(aws.functionEnv("BadgesFunction"), faulty)
                .handleRequest(event("badge-registration-remove.json"), LambdaContext.forTest());

        assertEquals(1, response.getBatchItemFailures().size(), "the failure is still reported to Lambda");
        assertFalse(versionsOf(key).isEmpty(), "the badge is still there");
        assertEquals(List.of("BADGE#" + REGISTRATION_ID), parkedBadges(), "the ids a replay needs are kept");
        var replayEnv = aws.functionEnv("BadgeErasureReplayFunction");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new BadgeErasureReplayHandler(replayEnv, faulty).handleRequest(Map.of(), LambdaContext.forTest()),
                "a replay that cannot complete fails, which raises the alarm");
        assertEquals(1, parkedBadges().size(), "and keeps the ids");

        down.set(false);
        String replayed = new BadgeErasureReplayHandler(replayEnv, faulty).handleRequest(Map.of(), LambdaContext.forTest());

        assertTrue(replayed.contains("none pending"), replayed);
        assertEquals(List.of(), versionsOf(key), "the replay deleted every version");
        assertEquals(List.of(), parkedBadges(), "nothing left to replay");
    }

    private List<String> parkedBadges() {
        return aws.partition("ErasureRetriesTable", "fairId", DemoFair.ID).stream().map(i -> i.get("task").s())
                .filter(task -> task.startsWith("BADGE#")).toList();
    }

    /** Every version and delete marker stored at {@code key}. */
    private List<String> versionsOf(String key) {
        var listed = aws.s3().listObjectVersions(b -> b.bucket(bucket).prefix(key));
        List<String> found = new ArrayList<>();
        listed.versions().stream().filter(v -> v.key().equals(key)).forEach(v -> found.add("version " + v.versionId()));
        listed.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m -> found.add("marker " + m.versionId()));
        return found;
    }

    @Test
    void aBadRecordIsReportedAndTheRecordsBeforeItStayDone() {
        DynamodbEvent batch = event("badge-registration-insert.json");
        DynamodbEvent bad = event("badge-registration-insert.json");
        var record = bad.getRecords().getFirst();
        record.getDynamodb().getKeys().get("fairId").setS("no-such-fair");
        record.getDynamodb().setSequenceNumber("111100000000000000002");
        // The unknown fair's registration exists, so rendering it fails on the missing fair.
        registrations.create(RegistrationBuilder.in("no-such-fair").id(REGISTRATION_ID).named("X", "Y")
                .accessTokenHash("hash").retention(Duration.ofMinutes(1)).build(), Optional.empty());
        // Lambda retries a stream batch from the reported record on, so records after it are left
        // for the retry (StreamBatchTest): the good record goes first.
        List<DynamodbEvent.DynamodbStreamRecord> both = new ArrayList<>(batch.getRecords());
        both.addAll(bad.getRecords());
        batch.setRecords(both);

        StreamsEventResponse response = handler.handleRequest(batch, LambdaContext.forTest());

        assertEquals(List.of("111100000000000000002"),
                response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(BadgeState.Status.READY, registrations.find(DemoFair.ID, REGISTRATION_ID).orElseThrow().badge().status());
        registrations.delete(registrations.find("no-such-fair", REGISTRATION_ID).orElseThrow());
    }
}
