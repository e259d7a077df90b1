package ma.salonsess.organiser;

import static ma.salonsess.testsupport.ApiEvents.asAdmin;
import static ma.salonsess.testsupport.ApiEvents.asOrganiser;
import static ma.salonsess.testsupport.ApiEvents.withBody;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.FairFixtures.Registrant;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The organiser routes against the local stack, from the sample events (which carry the claims
 * API Gateway's JWT authorizer passes on); answers checked against openapi.yaml.
 */
@ExtendWith(LocalAwsExtension.class)
class OrganiserHandlerTest {
    private static final OpenApiContract API = OpenApiContract.load();
    /** The organiser of the fixtures' fairs, of the demo fair and of the sample events. */
    private static final String ORGANISER = "organisation@example.org";
    private LocalAws aws;
    private OrganiserHandler handler;
    private FairFixtures fixtures;
    private WorkshopSignups signups;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.handler = new OrganiserHandler(aws.functionEnv("OrganiserFunction"));
        this.fixtures = new FairFixtures(aws);
        var workshops = new WorkshopRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
        var registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        this.signups = new WorkshopSignups(registrations, workshops,
                new SignupRepository(aws.dynamoDb(), aws.tableName("SignupsTable"), workshops, registrations),
                Clock.systemUTC());
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    private static APIGatewayV2HTTPEvent withClaims(APIGatewayV2HTTPEvent event, Map<String, String> claims) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return event;
    }

    private APIGatewayV2HTTPEvent putWorkshop(String fairId, String workshopId, int capacity) throws Exception {
        APIGatewayV2HTTPEvent event = withPathParameter(withPathParameter(ApiEvents.load("admin-workshop-put.json"),
                "fairId", fairId), "workshopId", workshopId);
        ObjectNode body = (ObjectNode) Json.parse(event.getBody());
        body.put("startsAt", FairFixtures.at(15).toString());
        body.put("endsAt", FairFixtures.at(17).toString());
        body.put("capacity", capacity);
        return withBody(event, Json.write(body));
    }

    @Test
    void anAdminCreatesAFairAndItsOrganiserUpdatesIt() throws Exception {
        String fairId = "foire-" + UUID.randomUUID().toString().substring(0, 8);
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId);

        APIGatewayV2HTTPResponse created = call(event);
        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode fair = Json.parse(created.getBody());
        assertEquals("Agadir", fair.get("city").asText());
        assertEquals("المعرض الجهوي للاقتصاد الاجتماعي والتضامني سوس ماسة", fair.get("name").get("ar").asText());

        ObjectNode changed = (ObjectNode) Json.parse(event.getBody());
        changed.put("venue", "Palais des congrès");
        APIGatewayV2HTTPResponse updated = call(asOrganiser(withBody(event, Json.write(changed)), ORGANISER));
        assertEquals(200, updated.getStatusCode(), updated.getBody());
        assertEquals("Palais des congrès", fairs().find(fairId).orElseThrow().venue());
        assertEquals(List.of(ORGANISER), fairs().find(fairId).orElseThrow().organiserEmails());
    }

    @Test
    void anOrganiserCannotCreateAFairAnAdminCan() throws Exception {
        String fairId = "foire-" + UUID.randomUUID().toString().substring(0, 8);
        APIGatewayV2HTTPResponse refused = call(asOrganiser(
                withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId), ORGANISER));
        assertForbidden(refused);
        assertTrue(fairs().find(fairId).isEmpty(), "nothing saved");

        APIGatewayV2HTTPResponse created = call(asAdmin(
                withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId)));
        assertEquals(201, created.getStatusCode(), created.getBody());
        assertTrue(fairs().find(fairId).isPresent());
    }

    @Test
    void anOrganiserCannotAddOrRemoveOrganisersAnAdminCan() throws Exception {
        String fairId = fixtures.newFair();
        var before = fairs().find(fairId).orElseThrow();
        for (List<String> organisers : List.of(List.of(ORGANISER, "stranger@example.org"), List.of("peer@example.org"))) {
            APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId);
            ObjectNode body = (ObjectNode) Json.parse(event.getBody());
            body.put("venue", "Ailleurs");
            var emails = body.putArray("organiserEmails");
            organisers.forEach(emails::add);
            assertForbidden(call(asOrganiser(withBody(event, Json.write(body)), ORGANISER)));
            assertEquals(before, fairs().find(fairId).orElseThrow(), "nothing saved: " + organisers);
        }

        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId);
        ObjectNode body = (ObjectNode) Json.parse(event.getBody());
        body.putArray("organiserEmails").add(ORGANISER).add("peer@example.org");
        APIGatewayV2HTTPResponse named = call(asAdmin(withBody(event, Json.write(body))));
        assertEquals(200, named.getStatusCode(), named.getBody());
        assertEquals(List.of(ORGANISER, "peer@example.org"), fairs().find(fairId).orElseThrow().organiserEmails());
        fixtures.workshop(fairId, "atelier", 5, 10, 12);
        assertEquals(200, call(asOrganiser(signupsOf(fairId, "atelier"), "peer@example.org")).getStatusCode(),
                "the new organiser acts on the fair");
    }

    @Test
    void anOrganiserOfAnotherFairGets403OnEveryRouteOfThisOneAndNothingChanges() throws Exception {
        String fairId = fixtures.newFair();
        fixtures.workshop(fairId, "atelier", 5, 10, 12);
        var fairBefore = fairs().find(fairId).orElseThrow();
        var workshops = new WorkshopRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
        var workshopBefore = workshops.find(fairId, "atelier").orElseThrow();
        String other = "organiser-of-another-fair@example.org";

        APIGatewayV2HTTPEvent fair = withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId);
        ObjectNode body = (ObjectNode) Json.parse(fair.getBody());
        body.putArray("organiserEmails").add(other);
        assertForbidden(call(asOrganiser(withBody(fair, Json.write(body)), other)));
        assertForbidden(call(asOrganiser(withBody(
                withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId), "{}"), other)));
        assertForbidden(call(asOrganiser(putWorkshop(fairId, "atelier", 50), other)));
        assertForbidden(call(asOrganiser(putWorkshop(fairId, "nouvel-atelier", 50), other)));
        assertForbidden(call(asOrganiser(signupsOf(fairId, "atelier"), other)));

        assertEquals(fairBefore, fairs().find(fairId).orElseThrow());
        assertEquals(workshopBefore.workshop(), workshops.find(fairId, "atelier").orElseThrow().workshop());
        assertTrue(workshops.find(fairId, "nouvel-atelier").isEmpty());
    }

    @Test
    void theFairsOwnOrganiserWithoutAVerifiedEmailIsRefused() throws Exception {
        String fairId = fixtures.newFair();
        fixtures.workshop(fairId, "atelier", 5, 10, 12);
        APIGatewayV2HTTPEvent unverified = asOrganiser(signupsOf(fairId, "atelier"), ORGANISER);
        Map<String, String> claims = new HashMap<>(unverified.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("email_verified", "false");
        assertForbidden(call(withClaims(unverified, claims)));
        claims.remove("email_verified");
        assertForbidden(call(withClaims(unverified, claims)));
    }

    @Test
    void anOrganisersSaveIsRefusedOnceAnAdminHasRemovedThemAndNeverTouchesTheOrganisers() {
        String fairId = fixtures.newFair();
        Fair read = fairs().find(fairId).orElseThrow();
        // Between the organiser's read and write, an admin hands the fair to someone else.
        Fair handedOver = new Fair(fairId, read.name(), read.city(), read.venue(), read.startDate(), read.endDate(),
                read.timeZone(), List.of("peer@example.org"), read.defaultLanguage());
        fairs().save(handedOver);
        Fair moved = new Fair(fairId, read.name(), read.city(), "Ailleurs", read.startDate(), read.endDate(),
                read.timeZone(), List.of(ORGANISER, "stranger@example.org"), read.defaultLanguage());

        assertFalse(fairs().updateAsOrganiser(moved, ORGANISER));
        assertEquals(handedOver, fairs().find(fairId).orElseThrow(), "nothing written");

        assertTrue(fairs().updateAsOrganiser(moved, "peer@example.org"));
        Fair saved = fairs().find(fairId).orElseThrow();
        assertEquals("Ailleurs", saved.venue());
        assertEquals(List.of("peer@example.org"), saved.organiserEmails(), "organisers are the admins' to write");
    }

    private FairRepository fairs() {
        return new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
    }

    private static APIGatewayV2HTTPEvent signupsOf(String fairId, String workshopId) {
        return withPathParameter(withPathParameter(ApiEvents.load("admin-signups-get.json"), "fairId", fairId),
                "workshopId", workshopId);
    }

    private static void assertForbidden(APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(403, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
        assertEquals("urn:salon-ess:problem:forbidden", Json.parse(response.getBody()).get("type").asText());
    }

    @Test
    void everyBadFieldOfAFairIsNamedAndNothingIsWritten() throws Exception {
        String fairId = "foire-" + UUID.randomUUID().toString().substring(0, 8);
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId);
        ObjectNode body = (ObjectNode) Json.parse(event.getBody());
        body.put("endDate", "2027-03-01");
        body.put("timeZone", "Mars/Olympus");
        body.putArray("organiserEmails").add("not-an-email");
        ((ObjectNode) body.get("name")).remove("fr");

        APIGatewayV2HTTPResponse response = call(withBody(event, Json.write(body)));

        assertEquals(400, response.getStatusCode());
        Set<String> fields = new TreeSet<>();
        Json.parse(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("endDate", "timeZone", "organiserEmails.0", "name.fr"), fields);
        assertTrue(new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable")).find(fairId).isEmpty());

        APIGatewayV2HTTPResponse badId = call(withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId",
                "Foire Agadir!"));
        assertEquals(400, badId.getStatusCode());
    }

    @Test
    void withoutAnOrganisersTokenNothingIsDone() throws Exception {
        String fairId = "foire-" + UUID.randomUUID().toString().substring(0, 8);
        APIGatewayV2HTTPEvent noClaims = withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId);
        noClaims.getRequestContext().setAuthorizer(null);
        assertEquals(401, call(noClaims).getStatusCode());

        Map<String, String> visitor = new HashMap<>(Map.of("sub", "someone", "cognito:groups", "[visitors exhibitors]"));
        APIGatewayV2HTTPEvent notOrganiser = withClaims(withPathParameter(ApiEvents.load("admin-fair-put.json"),
                "fairId", fairId), visitor);
        APIGatewayV2HTTPResponse forbidden = call(notOrganiser);
        assertEquals(403, forbidden.getStatusCode());
        assertEquals("urn:salon-ess:problem:forbidden", Json.parse(forbidden.getBody()).get("type").asText());
        APIGatewayV2HTTPEvent noGroups = withClaims(withPathParameter(ApiEvents.load("admin-fair-put.json"),
                "fairId", fairId), Map.of("sub", "someone"));
        assertEquals(403, call(noGroups).getStatusCode());

        assertTrue(new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable")).find(fairId).isEmpty());
    }

    @Test
    void theGroupClaimIsReadInEachFormApiGatewayMayPassIt() throws Exception {
        for (String groups : List.of("[organisers]", "[admins organisers]", "[\"organisers\"]", "admins,organisers",
                "organisers")) {
            String fairId = fixtures.newFair();
            APIGatewayV2HTTPEvent event = withClaims(withPathParameter(ApiEvents.load("admin-fair-put.json"),
                    "fairId", fairId), Map.of("sub", "someone", "email", ORGANISER, "email_verified", "true",
                    "cognito:groups", groups));
            assertEquals(200, call(event).getStatusCode(), groups);
        }
        for (String groups : List.of("[admins]", "[organisers admins]", "[\"admins\"]", "organisers,admins")) {
            String fairId = "foire-" + UUID.randomUUID().toString().substring(0, 8);
            APIGatewayV2HTTPEvent event = withClaims(withPathParameter(ApiEvents.load("admin-fair-put.json"),
                    "fairId", fairId), Map.of("sub", "someone", "cognito:groups", groups));
            assertEquals(201, call(event).getStatusCode(), "an admin creates a fair: " + groups);
        }
    }

    @Test
    void aWorkshopIsCreatedInTheDemoFairFromTheSampleEvent() throws Exception {
        DemoFair.seed(RepositoryLayout.root(), aws.dynamoDb(), aws.tableName("FairsTable"));
        APIGatewayV2HTTPResponse response = call(ApiEvents.load("admin-workshop-put.json"));
        assertTrue(response.getStatusCode() == 201 || response.getStatusCode() == 200, response.getBody());
        JsonNode workshop = Json.parse(response.getBody());
        assertEquals("التدبير المالي والإداري", workshop.get("title").get("ar").asText());
        assertEquals(30, workshop.get("capacity").asInt());
    }

    @Test
    void workshopsNeedAKnownFairAndTimesDuringIt() throws Exception {
        assertEquals(404, call(putWorkshop("no-such-fair", "atelier", 10)).getStatusCode());
        String fairId = fixtures.newFair();
        APIGatewayV2HTTPEvent event = putWorkshop(fairId, "atelier", 10);
        ObjectNode body = (ObjectNode) Json.parse(event.getBody());
        body.put("startsAt", "2027-01-05T10:00:00+01:00");
        body.put("endsAt", "2027-01-05T09:00:00+01:00");
        body.put("capacity", 0);
        APIGatewayV2HTTPResponse response = call(withBody(event, Json.write(body)));
        assertEquals(400, response.getStatusCode());
        Set<String> fields = new TreeSet<>();
        Json.parse(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("startsAt", "endsAt", "capacity"), fields);
    }

    @Test
    void theCapacityCannotDropBelowTheSeatsTakenButRaisingItSeatsThePeopleWaiting() throws Exception {
        String fairId = fixtures.newFair();
        assertEquals(201, call(putWorkshop(fairId, "atelier", 2)).getStatusCode());
        List<Registrant> people = List.of(fixtures.registrant(fairId, "A"), fixtures.registrant(fairId, "B"),
                fixtures.registrant(fairId, "C"), fixtures.registrant(fairId, "D"));
        for (Registrant p : people) {
            signups.signUp(fairId, "atelier", p.registrationId(), new AccessToken(p.accessToken()));
        }

        APIGatewayV2HTTPResponse refused = call(putWorkshop(fairId, "atelier", 1));
        assertEquals(409, refused.getStatusCode());
        assertEquals(2, Json.parse(refused.getBody()).get("seatsTaken").asInt());

        APIGatewayV2HTTPResponse raised = call(putWorkshop(fairId, "atelier", 3));
        assertEquals(200, raised.getStatusCode());
        JsonNode workshop = Json.parse(raised.getBody());
        assertEquals(3, workshop.get("seatsTaken").asInt(), "C, first in line, got the new seat");
        assertEquals(1, workshop.get("waitlistLength").asInt());

        APIGatewayV2HTTPEvent list = withPathParameter(withPathParameter(ApiEvents.load("admin-signups-get.json"),
                "fairId", fairId), "workshopId", "atelier");
        APIGatewayV2HTTPResponse lists = call(list);
        assertEquals(200, lists.getStatusCode(), lists.getBody());
        JsonNode body = Json.parse(lists.getBody());
        assertEquals(List.of("A", "B", "C"), names(body.get("confirmed")), "in the order they got their seat");
        assertEquals(List.of("D"), names(body.get("waitlist")));
        assertEquals(1, body.get("waitlist").get(0).get("position").asInt());
        assertFalse(body.get("waitlist").get(0).get("email").asText().isEmpty());
    }

    private static List<String> names(JsonNode attendees) {
        List<String> names = new ArrayList<>();
        attendees.forEach(a -> names.add(a.get("firstName").asText()));
        return names;
    }

    private static Map<String, String> codes(APIGatewayV2HTTPResponse response) throws Exception {
        Map<String, String> codes = new HashMap<>();
        Json.parse(response.getBody()).get("errors").forEach(e -> codes.put(e.get("field").asText(),
                e.get("code").asText()));
        return codes;
    }

    @Test
    void fairDatesBeyondAnyFairAreRefusedBeforeAnythingIsSaved() throws Exception {
        FairRepository fairs = new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
        String fairId = "foire-" + UUID.randomUUID().toString().substring(0, 8);
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId);
        ObjectNode body = (ObjectNode) Json.parse(event.getBody());

        body.put("endDate", "+999999999-12-31");
        APIGatewayV2HTTPResponse farEnd = call(withBody(event, Json.write(body)));
        assertEquals(400, farEnd.getStatusCode(), farEnd.getBody());
        assertEquals(Map.of("endDate", "out_of_range"), codes(farEnd));
        assertTrue(fairs.find(fairId).isEmpty(), "not saved");

        body.put("startDate", "0001-01-01").put("endDate", "0001-01-03");
        APIGatewayV2HTTPResponse farPast = call(withBody(event, Json.write(body)));
        assertEquals(400, farPast.getStatusCode());
        assertEquals(Map.of("startDate", "out_of_range", "endDate", "out_of_range"), codes(farPast));
        assertTrue(fairs.find(fairId).isEmpty(), "not saved");

        body.put("startDate", "2027-03-18").put("endDate", "2028-03-18");
        APIGatewayV2HTTPResponse yearLong = call(withBody(event, Json.write(body)));
        assertEquals(400, yearLong.getStatusCode());
        assertEquals(Map.of("endDate", "too_long"), codes(yearLong));
        assertTrue(fairs.find(fairId).isEmpty(), "not saved");

        // An existing fair keeps its dates when an update's are out of bounds.
        assertEquals(201, call(withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId))
                .getStatusCode());
        body.put("startDate", "2027-03-18").put("endDate", "+999999999-12-31");
        assertEquals(400, call(withBody(withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId),
                Json.write(body))).getStatusCode());
        assertEquals(LocalDate.of(2027, 3, 21), fairs.find(fairId).orElseThrow().endDate());
    }

    @Test
    void workshopTimesAndCapacitiesBeyondAnyWorkshopAreRefusedAndNothingIsSaved() throws Exception {
        String fairId = fixtures.newFair();
        WorkshopRepository workshops = new WorkshopRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
        APIGatewayV2HTTPEvent event = putWorkshop(fairId, "atelier", 10);
        ObjectNode body = (ObjectNode) Json.parse(event.getBody());

        body.put("capacity", new BigInteger("18446744073709551617")); // 2^64 + 1: would wrap to 1
        APIGatewayV2HTTPResponse wrapped = call(withBody(event, Json.write(body)));
        assertEquals(400, wrapped.getStatusCode(), wrapped.getBody());
        assertEquals(Map.of("capacity", "out_of_range"), codes(wrapped));

        body.put("capacity", 12.5);
        assertEquals(Map.of("capacity", "invalid_type"), codes(call(withBody(event, Json.write(body)))));

        body.put("capacity", 10).put("endsAt", "+999999999-12-31T23:59:59-18:00");
        APIGatewayV2HTTPResponse farEnd = call(withBody(event, Json.write(body)));
        assertEquals(400, farEnd.getStatusCode(), farEnd.getBody());
        assertEquals(Map.of("endsAt", "too_long"), codes(farEnd));

        body.put("startsAt", "+999999999-12-31T23:00:00-18:00").put("endsAt", "+999999999-12-31T23:59:59-18:00");
        APIGatewayV2HTTPResponse farStart = call(withBody(event, Json.write(body)));
        assertEquals(400, farStart.getStatusCode(), farStart.getBody());
        assertEquals(Map.of("startsAt", "outside_fair_dates"), codes(farStart));
        assertTrue(workshops.find(fairId, "atelier").isEmpty(), "not saved");
    }
}
