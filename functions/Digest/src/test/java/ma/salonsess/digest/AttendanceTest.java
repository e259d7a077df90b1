package ma.salonsess.digest;

import static ma.salonsess.testsupport.ApiEvents.asOrganiser;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.SentEmail;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Entry;
import ma.salonsess.shared.checkin.Seat;
import ma.salonsess.shared.checkin.Tally;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.signup.Agenda;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attendance figures, through the organisers' route and the digest, from check-ins written on the
 * emulators as the gates and doors write them.
 */
@ExtendWith(LocalAwsExtension.class)
class AttendanceTest {
    private static final OpenApiContract API = OpenApiContract.load();
    /** The first day at 13:00 in Casablanca: the 10:00-12:00 workshop is over. */
    private static final Clock AFTER_THE_WORKSHOP = Clock.fixed(Instant.parse("2026-12-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant KEEP_UNTIL = Instant.parse("2027-12-14T00:00:00Z");
    private LocalAws aws;
    private DigestApiHandler api;
    private CheckinRepository checkins;
    private String fairId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        var env = aws.functionEnv("DigestApiFunction");
        this.api = new DigestApiHandler(env, DigestApiHandler.MAX_INLINE_CSV, AFTER_THE_WORKSHOP);
        Wiring wiring = new Wiring(env, aws.dynamoDb());
        this.checkins = wiring.checkins();
        FairFixtures fixtures = new FairFixtures(aws);
        this.fairId = fixtures.newFair();
        FairRepository fairs = wiring.fairs();
        Fair fair = fairs.find(fairId).orElseThrow();
        fairs.save(new Fair(fair.fairId(), fair.name(), fair.city(), fair.venue(), fair.startDate(), fair.endDate(),
                fair.timeZone(), fair.organiserEmails(), fair.defaultLanguage(), List.of(), List.of(), 40, false));
        fixtures.workshop(fairId, "financement", 2, 10, 12);
        String amal = fixtures.registrant(fairId, "Amal").registrationId();
        String brahim = fixtures.registrant(fairId, "Brahim").registrationId();
        String chaima = fixtures.registrant(fairId, "Chaima").registrationId();
        String driss = fixtures.registrant(fairId, "Driss").registrationId();
        var signups = wiring.signups();
        Instant before = Instant.parse("2026-12-01T10:00:00Z");
        signups.confirm(fairId, "financement", amal, new Agenda(Set.of(), 0), before);
        signups.confirm(fairId, "financement", chaima, new Agenda(Set.of(), 0), before);
        // Day 1: Amal at 09:10 and Brahim at 09:50 at the entrance, Driss at 10:05 at the north gate (Casablanca).
        admit(amal, "2026-12-10", "2026-12-10T08:10:00Z", "entrance");
        admit(brahim, "2026-12-10", "2026-12-10T08:50:00Z", "entrance");
        admit(driss, "2026-12-10", "2026-12-10T09:05:00Z", "gate-nord");
        // Day 2: Amal again.
        admit(amal, "2026-12-11", "2026-12-11T08:30:00Z", "entrance");
        // The workshop: Amal (signed up) and Driss (walk-in) in the room; Chaima, signed up, never came.
        seat(amal, false);
        seat(driss, true);
        checkins.tally(new Tally(fairId, "t1", "device-1", "entrance", 30, 5, Instant.parse("2026-12-10T09:00:00Z")),
                KEEP_UNTIL);
        checkins.tally(new Tally(fairId, "t2", "device-2", "gate-nord", 20, 0, Instant.parse("2026-12-10T09:00:00Z")),
                KEEP_UNTIL);
        aws.mailbox().clear();
    }

    private void admit(String registrationId, String day, String at, String gate) {
        checkins.claimEntry(new Entry(fairId, registrationId, LocalDate.parse(day), "scan-" + registrationId + day,
                Instant.parse(at), gate, "device-1"), KEEP_UNTIL);
    }

    private void seat(String registrationId, boolean walkIn) {
        checkins.takeSeat(new Seat(fairId, "financement", registrationId, "seat-" + registrationId,
                Instant.parse("2026-12-10T09:02:00Z"), walkIn), 2, KEEP_UNTIL);
    }

    private APIGatewayV2HTTPResponse call(String sample, String organiser) {
        APIGatewayV2HTTPEvent event = asOrganiser(withPathParameter(ApiEvents.load(sample), "fairId", fairId),
                organiser);
        APIGatewayV2HTTPResponse response = api.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    @Test
    void theOrganisersSeeWhoCameWhenAndThroughWhichGate() throws Exception {
        APIGatewayV2HTTPResponse response = call("admin-attendance-get.json", "organisation@example.org");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("no-store", response.getHeaders().get("cache-control"));
        JsonNode body = Json.parse(response.getBody());
        assertEquals(4, body.get("entries").asInt());
        assertEquals(3, body.get("uniqueVisitors").asInt(), "Amal counted once over two days");
        assertEquals(Json.parse("[{\"day\":\"2026-12-10\",\"entries\":3},{\"day\":\"2026-12-11\",\"entries\":1}]"),
                body.get("days"));
        assertEquals(Json.parse("[{\"day\":\"2026-12-10\",\"hour\":9,\"point\":\"entrance\",\"entries\":2},"
                + "{\"day\":\"2026-12-10\",\"hour\":10,\"point\":\"gate-nord\",\"entries\":1},"
                + "{\"day\":\"2026-12-11\",\"hour\":9,\"point\":\"entrance\",\"entries\":1}]"), body.get("hours"),
                "hours of the fair's own clock (UTC+1)");
        JsonNode workshop = body.get("workshops").get(0);
        assertEquals("financement", workshop.get("workshopId").asText());
        assertEquals(2, workshop.get("seatsTaken").asInt());
        assertEquals(2, workshop.get("attended").asInt());
        assertEquals(1, workshop.get("walkIns").asInt());
        assertEquals(1, workshop.get("noShows").asInt(), "Chaima");
        assertTrue(workshop.get("over").asBoolean());
        JsonNode occupancy = body.get("occupancy");
        assertEquals(50, occupancy.get("entries").asInt());
        assertEquals(5, occupancy.get("exits").asInt());
        assertEquals(45, occupancy.get("inside").asInt());
        assertEquals(40, occupancy.get("capacity").asInt());
        assertTrue(occupancy.get("overCapacity").asBoolean());
        assertFalse(response.getBody().contains("Amal"), "counts only, no names");
    }

    @Test
    void anOrganiserOfAnotherFairSeesNothing() throws Exception {
        APIGatewayV2HTTPResponse response = call("admin-attendance-get.json",
                "organiser-of-another-fair@example.org");

        assertEquals(403, response.getStatusCode());
        assertEquals("urn:salon-ess:problem:forbidden", Json.parse(response.getBody()).get("type").asText());
        assertFalse(response.getBody().contains("uniqueVisitors"));
    }

    @Test
    void anUnknownFairIsNotFound() {
        APIGatewayV2HTTPEvent event = asOrganiser(withPathParameter(ApiEvents.load("admin-attendance-get.json"),
                "fairId", "no-such-fair"), "organisation@example.org");
        APIGatewayV2HTTPResponse response = api.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        assertTrue(response.getStatusCode() == 404 || response.getStatusCode() == 403, response.getBody());
    }

    @Test
    void theDigestTellsTheAttendance() {
        APIGatewayV2HTTPResponse response = call("admin-digest-post.json", "organisation@example.org");

        assertEquals(200, response.getStatusCode(), response.getBody());
        List<SentEmail> mails = aws.mailbox().sentTo("organisation@example.org");
        assertEquals(1, mails.size());
        String text = mails.getFirst().text();
        assertTrue(text.contains("Fréquentation"), text);
        assertTrue(text.contains("Inscrits venus (visiteurs uniques) : 3"), text);
        assertTrue(text.contains("Entrées d'inscrits : 4"), text);
        assertTrue(text.contains("2026-12-10 : 3") && text.contains("2026-12-11 : 1"), text);
        assertTrue(text.contains("2026-12-10 09h entrance : 2") && text.contains("2026-12-10 10h gate-nord : 1"), text);
        assertTrue(text.contains(
                "Présents dans la salle (comptage anonyme) : 45 / 40 (113 %) — au-delà de la capacité"), text);
        assertTrue(text.contains(
                "Atelier financement : présents 2/2 places prises, dont sans inscription 1, absents 1"), text);
        assertTrue(mails.getFirst().html().contains("Fréquentation"));
    }

    @Test
    void aFairWithNothingScannedHasNoAttendanceInItsDigest() {
        fairId = new FairFixtures(aws).newFair();
        call("admin-digest-post.json", "organisation@example.org");
        String text = aws.mailbox().sentTo("organisation@example.org").getFirst().text();
        assertFalse(text.contains("Fréquentation"), text);
    }
}
