package ma.salonsess.checkin;

import static ma.salonsess.checkin.CheckinApi.morning;
import static ma.salonsess.checkin.CheckinApi.newScanId;
import static ma.salonsess.checkin.CheckinApi.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import ma.salonsess.checkin.CheckinApi.Answer;
import ma.salonsess.shared.checkin.CheckinRepository.RegistrationCheckins;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.testsupport.FairFixtures.Registrant;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fair day through the handler, against the local stack; every answer checked against openapi.yaml. */
@ExtendWith(LocalAwsExtension.class)
class CheckinHandlerTest {
    private LocalAws aws;
    private CheckinApi api;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.api = new CheckinApi(aws, morning(30), 5000);
    }

    private Registrant registrant(String name) {
        return api.fixtures.registrant(api.fairId, name);
    }

    private RegistrationCheckins stored(String registrationId) {
        return api.checkins.ofRegistration(api.fairId, registrationId);
    }

    @Test
    void theScannerKitHoldsThePublicKeyThatVerifiesTheBadgesAndNothingThatSignsThem() throws Exception {
        api.fixtures.workshop(api.fairId, "tri-selectif", 30, 10, 12);
        Answer kit = api.as(CheckinApi.STEWARD, "stewards", "staff-scanner-kit-get.json", null);

        assertEquals(200, kit.status(), kit.body().toString());
        assertEquals("steward", kit.body().get("role").asText());
        assertEquals("room:Salle A", kit.body().get("points").get(1).get("id").asText());
        assertEquals("tri-selectif", kit.body().get("workshops").get(0).get("id").asText());
        JsonNode key = kit.body().get("publicKeys").get(0);
        String code = api.badge("7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d");
        String[] parts = code.split("\\.");
        assertEquals(key.get("keyId").asText(), parts[1]);
        byte[] der = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] raw = Base64.getUrlDecoder().decode(key.get("publicKey").asText());
        byte[] encoded = new byte[der.length + raw.length];
        System.arraycopy(der, 0, encoded, 0, der.length);
        System.arraycopy(raw, 0, encoded, der.length, raw.length);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
        verifier.update(("badge3\n" + api.fairId + "\n" + parts[2] + "\nV").getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[4])), "the device verifies with the kit alone");
        String secret = new Wiring(aws.functionEnv("CheckinFunction")).secret("BADGE_TOKEN_SECRET_ARN").get().current();
        assertFalse(kit.body().toString().contains(secret));
    }

    @Test
    void aBadgeIsAdmittedOnceADayAndTheSameScanSentAgainGetsTheSameAnswer() {
        Registrant amina = registrant("Amina");
        ObjectNode first = scan(api.badge(amina.registrationId()), "entrance", newScanId(), morning(1), "gate-a-1");

        Answer admitted = api.checkIn(first);
        Answer again = api.checkIn(first);
        Answer later = api.checkIn(scan(api.badge(amina.registrationId()), "gate-b", newScanId(), morning(20),
                "gate-b-1"));

        assertEquals("ADMITTED", admitted.result(), admitted.body().toString());
        assertEquals(admitted.body(), again.body(), "a retry gets the same answer");
        assertEquals("ALREADY_ADMITTED", later.result());
        assertEquals("entrance", later.body().get("firstEntry").get("point").asText());
        assertEquals(morning(1), java.time.Instant.parse(later.body().get("firstEntry").get("at").asText()));
        RegistrationCheckins stored = stored(amina.registrationId());
        assertEquals(1, stored.entries().size(), "one entry a day");
        assertEquals(2, stored.scans().size(), "the retry counted once");
    }

    @Test
    void badgesPrintedBeforeTheChangeStillVerifyOnline() {
        Registrant omar = registrant("Omar");
        String se2 = api.tokens.issueLegacy(api.fairId, omar.registrationId(), Role.VISITOR);

        assertEquals("ADMITTED", api.checkIn(scan(se2, "entrance", newScanId(), morning(2), "gate-a-1")).result());
    }

    @Test
    void forgedAlteredAndOtherFairsBadgesAreRefusedAndNothingIsWritten() {
        Registrant nadia = registrant("Nadia");
        String genuine = api.badge(nadia.registrationId());
        String otherFair = api.tokens.issue("another-fair", nadia.registrationId(), Role.VISITOR);
        String altered = genuine.substring(0, genuine.length() - 3) + (genuine.endsWith("AAA") ? "BBB" : "AAA");
        String otherRole = genuine.replace(".V.", ".E.");
        String otherSecret = new ma.salonsess.shared.badge.BadgeToken("another-secret-of-at-least-thirty-two-chars")
                .issue(api.fairId, nadia.registrationId(), Role.VISITOR);

        for (String bad : List.of(otherFair, altered, otherRole, otherSecret, "hello", "SE3.x.y.z")) {
            Answer refused = api.checkIn(scan(bad, "entrance", newScanId(), morning(3), "gate-a-1"));
            assertEquals(422, refused.status(), bad);
            assertEquals("UNKNOWN", refused.body().get("result").asText());
        }
        RegistrationCheckins stored = stored(nadia.registrationId());
        assertTrue(stored.entries().isEmpty() && stored.scans().isEmpty(), "nothing written");
    }

    @Test
    void anAlteredCodeSentWithAGenuineScansIdGetsNoStoredAnswer() {
        Registrant salma = registrant("Salma");
        String genuine = api.badge(salma.registrationId());
        String scanId = newScanId();
        assertEquals("ADMITTED", api.checkIn(scan(genuine, "entrance", scanId, morning(3), "gate-a-1")).result());

        String altered = genuine.substring(0, genuine.length() - 3) + (genuine.endsWith("AAA") ? "BBB" : "AAA");
        Answer refused = api.checkIn(scan(altered, "entrance", scanId, morning(3), "gate-a-1"));
        assertEquals(422, refused.status(), "the signature is checked before any stored answer is given");
        assertEquals("UNKNOWN", refused.body().get("result").asText());
    }

    @Test
    void malformedScansAreRefusedNamingEachFieldAndNothingIsWritten() {
        Registrant idriss = registrant("Idriss");
        ObjectNode bad = Json.object().put("token", api.badge(idriss.registrationId())).put("point", "Entrée!")
                .put("scanId", "not-a-uuid").put("scannedAt", "yesterday").put("deviceId", "a b").put("extra", 1);

        Answer refused = api.checkIn(bad);

        assertEquals(400, refused.status());
        List<String> fields = new ArrayList<>();
        refused.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("extra", "point", "scanId", "scannedAt", "deviceId"), fields);
        assertTrue(stored(idriss.registrationId()).scans().isEmpty());
        Answer future = api.checkIn(scan(api.badge(idriss.registrationId()), "entrance", newScanId(), morning(120),
                "gate-a-1"));
        assertEquals(400, future.status(), "a scan dated in the future: a device's clock is wrong");
        Answer both = api.checkIn(scan(api.badge(idriss.registrationId()), "entrance", newScanId(), morning(1), "d")
                .put("registrationId", idriss.registrationId()));
        assertEquals(400, both.status(), "a token or a registration id, not both");
    }

    @Test
    void anErasedRegistrationsBadgeIsToldAsSuchAndNothingIsKept() {
        String erased = UUID.randomUUID().toString();
        Answer answer = api.checkIn(scan(api.badge(erased), "entrance", newScanId(), morning(4), "gate-a-1"));

        assertEquals(200, answer.status());
        assertEquals("ERASED", answer.result());
        assertTrue(stored(erased).scans().isEmpty());
    }

    @Test
    void atAWorkshopDoorTheRoomAndTheClockNameTheWorkshop() {
        api.fixtures.workshop(api.fairId, "compta-coop", 1, 10, 12);
        Registrant seated = registrant("Salma");
        Registrant waiting = registrant("Youssef");
        Registrant walker = registrant("Hicham");
        signUp("compta-coop", seated);
        signUp("compta-coop", waiting);

        Answer early = api.checkIn(scan(api.badge(seated.registrationId()), "room:Salle A", newScanId(), morning(30),
                "door-a"));
        Answer inLine = api.checkIn(scan(api.badge(waiting.registrationId()), "room:salle a", newScanId(),
                morning(31), "door-a"));
        Answer stranger = api.checkIn(scan(api.badge(walker.registrationId()), "compta-coop", newScanId(),
                morning(32), "door-a"));
        Answer tooEarly = api.checkIn(scan(api.badge(walker.registrationId()), "compta-coop", newScanId(),
                morning(33), "door-a").put("walkIn", true));
        Answer nothingYet = api.checkIn(scan(api.badge(walker.registrationId()), "room:Salle A", newScanId(),
                morning(-60), "door-a"));

        assertEquals("SEATED", early.result(), early.body().toString());
        assertEquals("compta-coop", early.body().get("workshopId").asText(), "45 minutes ahead, the next workshop");
        assertEquals("WAITLISTED", inLine.result());
        assertEquals(1, inLine.body().get("placeInLine").asInt());
        assertEquals("NOT_SIGNED_UP", stranger.result());
        assertFalse(stranger.body().has("seatFree"), "not started: seats are held for those signed up");
        assertEquals(409, tooEarly.status());
        assertEquals("urn:salon-ess:problem:workshop-not-started", tooEarly.body().get("type").asText());
        assertEquals(409, nothingYet.status());
        assertEquals("urn:salon-ess:problem:no-workshop", nothingYet.body().get("type").asText());
        assertEquals(1, api.checkins.seated(api.fairId, "compta-coop"));
    }

    @Test
    void walkInsAreSeatedAfterTheStartOnlyWhileTheRoomHasAFreeSeat() {
        api.fixtures.workshop(api.fairId, "marketing", 2, 10, 12);
        CheckinApi late = new CheckinApi(aws, morning(75), 0);
        late.fixtures.workshop(late.fairId, "marketing", 2, 10, 12);
        Registrant one = late.fixtures.registrant(late.fairId, "One");
        Registrant two = late.fixtures.registrant(late.fairId, "Two");
        Registrant three = late.fixtures.registrant(late.fairId, "Three");

        Answer free = late.checkIn(scan(late.badge(one.registrationId()), "marketing", newScanId(), morning(70),
                "door-b"));
        Answer first = late.checkIn(scan(late.badge(one.registrationId()), "marketing", newScanId(), morning(71),
                "door-b").put("walkIn", true));
        Answer second = late.checkIn(scan(late.badge(two.registrationId()), "marketing", newScanId(), morning(72),
                "door-b").put("walkIn", true));
        Answer full = late.checkIn(scan(late.badge(three.registrationId()), "marketing", newScanId(), morning(73),
                "door-b").put("walkIn", true));

        assertEquals(true, free.body().path("seatFree").asBoolean(), free.body().toString());
        assertEquals("SEATED", first.result());
        assertEquals(true, first.body().path("walkIn").asBoolean());
        assertEquals("SEATED", second.result());
        assertEquals(409, full.status());
        assertEquals("urn:salon-ess:problem:room-full", full.body().get("type").asText());
        assertEquals(2, late.checkins.seated(late.fairId, "marketing"));
        assertTrue(late.checkins.ofRegistration(late.fairId, three.registrationId()).scans().isEmpty());
    }

    @Test
    void aBadgeScannedTwiceOfflineOnOneDeviceIsAdmittedOnceThenAlreadyAdmittedWhateverTheBatchOrder() {
        List<Registrant> people = new ArrayList<>();
        ObjectNode batch = Json.object().put("deviceId", "gate-c-1");
        var scans = batch.putArray("scans");
        for (int i = 0; i < 16; i++) {
            Registrant someone = registrant("Visitor" + i);
            people.add(someone);
            String badge = api.badge(someone.registrationId());
            // The repeat comes first in the batch: the device's log is not always in scanning order.
            scans.add(scan(badge, "entrance", newScanId(), morning(20), null));
            scans.add(scan(badge, "entrance", newScanId(), morning(10), null));
        }

        Answer answer = api.as(CheckinApi.STEWARD, "stewards", "staff-checkin-batch-post.json", batch.toString());

        assertEquals(200, answer.status(), answer.body().toString());
        JsonNode results = answer.body().get("results");
        for (int i = 0; i < people.size(); i++) {
            assertEquals("ALREADY_ADMITTED", results.get(2 * i).get("result").asText(), "the repeat, " + i);
            assertEquals("ADMITTED", results.get(2 * i + 1).get("result").asText(), "the first scan, " + i);
            assertTrue(!results.get(2 * i).path("conflict").asBoolean(), "one device: not a double entry");
            assertEquals(morning(10), stored(people.get(i).registrationId()).entries().get(0).at());
        }
    }

    @Test
    void aBatchAnswersEachScanKeepsDoubleEntriesAndTheEarlierScanStands() {
        Registrant rachid = registrant("Rachid");
        Registrant leila = registrant("Leila");
        // Online at gate A at 9:05; gate B, offline, had let Leila in at 9:10 and Rachid at 8:55.
        api.checkIn(scan(api.badge(leila.registrationId()), "entrance", newScanId(), morning(5), "gate-a-1"));
        api.checkIn(scan(api.badge(rachid.registrationId()), "entrance", newScanId(), morning(0), "gate-a-1"));
        String leilaAtB = newScanId();
        String rachidAtB = newScanId();
        ObjectNode batch = Json.object().put("deviceId", "gate-b-2");
        var scans = batch.putArray("scans");
        scans.add(scan(api.badge(leila.registrationId()), "gate-b", leilaAtB, morning(10), null));
        scans.add(scan(api.badge(rachid.registrationId()), "gate-b", rachidAtB, morning(-5), null));
        scans.add(scan("forged", "gate-b", newScanId(), morning(11), null));
        scans.add(Json.object().put("point", "gate-b"));
        scans.add(scan(api.badge(leila.registrationId()), "gate-b", leilaAtB, morning(10), null));

        Answer answer = api.as(CheckinApi.STEWARD, "stewards", "staff-checkin-batch-post.json", batch.toString());

        assertEquals(200, answer.status(), answer.body().toString());
        JsonNode results = answer.body().get("results");
        assertEquals(5, results.size());
        assertEquals("ALREADY_ADMITTED", results.get(0).get("result").asText());
        assertTrue(results.get(0).get("conflict").asBoolean(), "both went in: a double entry");
        assertEquals("ADMITTED", results.get(1).get("result").asText(), "the earlier scan stands as the entry");
        assertTrue(results.get(1).get("conflict").asBoolean());
        assertEquals("UNKNOWN", results.get(2).get("result").asText());
        assertEquals(422, results.get(2).get("problem").get("status").asInt());
        assertEquals(400, results.get(3).get("problem").get("status").asInt());
        assertEquals(results.get(0), results.get(4), "the same scan twice: the same answer");
        assertEquals(morning(-5), stored(rachid.registrationId()).entries().get(0).at());
        assertEquals(1, stored(rachid.registrationId()).entries().size());
        assertEquals(1, stored(leila.registrationId()).entries().size());

        Answer doubles = api.as(CheckinApi.SUPERVISOR, "supervisors", "staff-double-entries-get.json", null);
        assertEquals(2, doubles.body().get("doubleEntries").size(), doubles.body().toString());
        var resolve = api.event("staff-double-entry-resolution-post.json", CheckinApi.SUPERVISOR, "supervisors",
                "{\"note\":\"Sortie pour un appel\"}");
        ma.salonsess.testsupport.ApiEvents.withPathParameter(resolve, "scanId", leilaAtB);
        assertEquals(204, api.call(resolve).getStatusCode());
        boolean resolved = false;
        for (JsonNode d : api.as(CheckinApi.SUPERVISOR, "supervisors", "staff-double-entries-get.json", null).body()
                .get("doubleEntries")) {
            resolved |= d.get("scanId").asText().equals(leilaAtB) && d.get("resolved").asBoolean();
        }
        assertTrue(resolved);
    }

    @Test
    void stewardsScanSupervisorsAlsoSearchAndCheckInByHandAndOtherFairsStaffNothing() {
        Registrant fatima = registrant("Fatima");
        String query = "{\"query\":\"fatima\"}";

        assertEquals(403, api.as(CheckinApi.STEWARD, "stewards", "staff-search-post.json", query).status());
        assertEquals(403, api.as("hassan@example.org", "supervisors", "staff-search-post.json", query).status(),
                "another fair's supervisor");
        assertEquals(403, api.as("hassan@example.org", "stewards", "staff-scanner-kit-get.json", null).status());
        assertEquals(401, api.as(null, null, "staff-scanner-kit-get.json", null).status());
        Answer found = api.as(CheckinApi.SUPERVISOR, "supervisors", "staff-search-post.json", query);
        assertEquals(200, found.status());
        assertEquals(fatima.registrationId(), found.body().get("matches").get(0).get("registrationId").asText());
        assertFalse(found.body().get("matches").get(0).get("admittedToday").asBoolean());
        assertEquals(200, api.as(CheckinApi.ORGANISER, "organisers", "staff-search-post.json", query).status());

        String manual = Json.object().put("registrationId", fatima.registrationId()).put("point", "entrance")
                .put("scanId", newScanId()).put("scannedAt", morning(6).toString()).put("deviceId", "desk")
                .toString();
        assertEquals(403, api.as(CheckinApi.STEWARD, "stewards", "staff-checkin-post.json", manual).status());
        assertTrue(stored(fatima.registrationId()).scans().isEmpty(), "a steward's manual check-in wrote nothing");
        Answer byHand = api.as(CheckinApi.SUPERVISOR, "supervisors", "staff-checkin-post.json", manual);
        assertEquals("ADMITTED", byHand.result());
        assertTrue(stored(fatima.registrationId()).scans().get(0).manual());
        assertTrue(api.as(CheckinApi.SUPERVISOR, "supervisors", "staff-search-post.json", query).body()
                .get("matches").get(0).get("admittedToday").asBoolean());
    }

    @Test
    void tallyBatchesCountOnceAndShowTheHallsOccupancy() {
        String tally = Json.object().put("tallyId", newScanId()).put("deviceId", "clicker-1").put("point", "entrance")
                .put("entries", 12).put("exits", 3).put("countedAt", morning(5).toString()).toString();

        Answer first = api.as(CheckinApi.STEWARD, "stewards", "staff-tally-post.json", tally);
        Answer again = api.as(CheckinApi.STEWARD, "stewards", "staff-tally-post.json", tally);
        Answer occupancy = api.as(CheckinApi.STEWARD, "stewards", "staff-occupancy-get.json", null);

        assertEquals(9, first.body().get("inside").asInt(), first.body().toString());
        assertEquals(9, again.body().get("inside").asInt(), "sent twice, counted once");
        assertEquals(5000, occupancy.body().get("capacity").asInt());
        assertEquals(12, occupancy.body().get("perPoint").get(0).get("entries").asInt());
        assertEquals(400, api.as(CheckinApi.STEWARD, "stewards", "staff-tally-post.json",
                "{\"tallyId\":\"x\",\"entries\":-1}").status());
    }

    private void signUp(String workshopId, Registrant who) {
        var signups = new WorkshopSignups(new ma.salonsess.shared.registration.RegistrationRepository(aws.dynamoDb(),
                aws.tableName("RegistrationsTable")), new ma.salonsess.shared.workshop.WorkshopRepository(
                aws.dynamoDb(), aws.tableName("FairsTable")), new ma.salonsess.shared.signup.SignupRepository(
                aws.dynamoDb(), aws.tableName("SignupsTable"), new ma.salonsess.shared.workshop.WorkshopRepository(
                aws.dynamoDb(), aws.tableName("FairsTable")), new ma.salonsess.shared.registration
                .RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"))),
                java.time.Clock.systemUTC());
        var result = signups.signUp(api.fairId, workshopId, who.registrationId(), new AccessToken(who.accessToken()));
        assertTrue(result instanceof WorkshopSignups.Signed, result.toString());
    }
}
