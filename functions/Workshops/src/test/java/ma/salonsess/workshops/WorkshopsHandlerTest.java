package ma.salonsess.workshops;

import static ma.salonsess.testsupport.ApiEvents.withBody;
import static ma.salonsess.testsupport.ApiEvents.withHeader;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.FairFixtures.Registrant;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The workshop routes against the local stack, from the sample events; answers checked against openapi.yaml. */
@ExtendWith(LocalAwsExtension.class)
class WorkshopsHandlerTest {
    private LocalAws aws;
    private FairFixtures fixtures;
    private String fairId;
    private WorkshopApi api;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new FairFixtures(aws);
        this.fairId = fixtures.newFair();
        this.api = new WorkshopApi(aws, fairId);
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return api.call(event);
    }

    private APIGatewayV2HTTPEvent signUpEvent(String workshopId, Registrant who) {
        return api.signUpEvent(workshopId, who);
    }

    private APIGatewayV2HTTPEvent cancelEvent(String workshopId, Registrant who) {
        return api.cancelEvent(workshopId, who);
    }

    private JsonNode signUp(String workshopId, Registrant who) throws Exception {
        APIGatewayV2HTTPResponse response = call(signUpEvent(workshopId, who));
        assertTrue(response.getStatusCode() == 201 || response.getStatusCode() == 200, response.getBody());
        return Json.parse(response.getBody());
    }

    private JsonNode workshop(String workshopId) throws Exception {
        return api.workshop(workshopId);
    }

    private String status(String workshopId, Registrant who) {
        return api.status(workshopId, who);
    }

    @Test
    void theProgrammeOfTheDemoFairShowsItsSeats() throws Exception {
        DemoFair.seed(RepositoryLayout.root(), aws.dynamoDb(), aws.tableName("FairsTable"));
        APIGatewayV2HTTPResponse response = call(ApiEvents.load("workshops-get.json"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode workshops = Json.parse(response.getBody()).get("workshops");
        assertTrue(workshops.size() >= 4);
        JsonNode first = workshops.get(0);
        assertEquals("strategie-commerciale", first.get("workshopId").asText(), "by start time");
        assertEquals("الاستراتيجية التجارية للتعاونيات", first.get("title").get("ar").asText());
        assertEquals(first.get("capacity").asInt() - first.get("seatsTaken").asInt(), first.get("seatsLeft").asInt());
        assertEquals("public, max-age=5", response.getHeaders().get("cache-control"),
                "browsers and shared caches may keep the programme a few seconds");

        assertEquals(404, call(withPathParameter(ApiEvents.load("workshops-get.json"), "fairId", "no-such-fair"))
                .getStatusCode());
    }

    @Test
    void aSeatWhileThereIsOneThenTheWaitingListInOrder() throws Exception {
        fixtures.workshop(fairId, "financement", 2, 14, 16);
        List<Registrant> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(fixtures.registrant(fairId, "Person " + i));
        }
        assertEquals("CONFIRMED", signUp("financement", people.get(0)).get("status").asText());
        assertEquals("CONFIRMED", signUp("financement", people.get(1)).get("status").asText());
        JsonNode third = signUp("financement", people.get(2));
        assertEquals("WAITLISTED", third.get("status").asText());
        assertEquals(1, third.get("waitlistPosition").asInt());
        assertEquals(2, signUp("financement", people.get(3)).get("waitlistPosition").asInt());

        JsonNode seats = workshop("financement");
        assertEquals(0, seats.get("seatsLeft").asInt());
        assertEquals(2, seats.get("waitlistLength").asInt());
    }

    @Test
    void signingUpAgainAnswersTheExistingSignup() throws Exception {
        fixtures.workshop(fairId, "labellisation", 1, 10, 12);
        Registrant amina = fixtures.registrant(fairId, "Amina");
        Registrant omar = fixtures.registrant(fairId, "Omar");
        assertEquals(201, call(signUpEvent("labellisation", amina)).getStatusCode());
        APIGatewayV2HTTPResponse again = call(signUpEvent("labellisation", amina));
        assertEquals(200, again.getStatusCode());
        assertEquals("CONFIRMED", Json.parse(again.getBody()).get("status").asText());

        call(signUpEvent("labellisation", omar));
        APIGatewayV2HTTPResponse omarAgain = call(signUpEvent("labellisation", omar));
        assertEquals(200, omarAgain.getStatusCode());
        assertEquals(1, Json.parse(omarAgain.getBody()).get("waitlistPosition").asInt());
        assertEquals(1, workshop("labellisation").get("waitlistLength").asInt(), "no second place in line");
        assertEquals(1, workshop("labellisation").get("seatsTaken").asInt(), "no second seat");
    }

    @Test
    void aWorkshopAtTheSameTimeAsOneHeldIsRefusedNamingIt() throws Exception {
        fixtures.workshop(fairId, "strategie", 10, 10, 12);
        fixtures.workshop(fairId, "droit-cooperatif", 10, 11, 13);
        fixtures.workshop(fairId, "apres-midi", 10, 12, 14);
        Registrant amina = fixtures.registrant(fairId, "Amina");
        signUp("strategie", amina);

        APIGatewayV2HTTPResponse overlap = call(signUpEvent("droit-cooperatif", amina));

        assertEquals(409, overlap.getStatusCode());
        JsonNode problem = Json.parse(overlap.getBody());
        assertEquals("overlap", problem.get("code").asText());
        assertEquals("strategie", problem.get("conflictingWorkshopId").asText());
        assertEquals("NONE", status("droit-cooperatif", amina));
        assertEquals(201, call(signUpEvent("apres-midi", amina)).getStatusCode(), "back to back is no overlap");
    }

    @Test
    void aCancelledSeatGoesToTheFirstPersonWaitingOnce() throws Exception {
        fixtures.workshop(fairId, "gestion", 1, 10, 12);
        Registrant seated = fixtures.registrant(fairId, "Seated");
        Registrant first = fixtures.registrant(fairId, "First");
        Registrant second = fixtures.registrant(fairId, "Second");
        signUp("gestion", seated);
        signUp("gestion", first);
        signUp("gestion", second);

        assertEquals(204, call(cancelEvent("gestion", seated)).getStatusCode());
        assertEquals(204, call(cancelEvent("gestion", seated)).getStatusCode(), "a retried cancellation changes nothing");

        assertEquals("CANCELLED", status("gestion", seated));
        assertEquals("CONFIRMED", status("gestion", first));
        assertEquals("WAITLISTED", status("gestion", second));
        assertEquals(1, signUp("gestion", second).get("waitlistPosition").asInt(), "moved up one place");
        JsonNode seats = workshop("gestion");
        assertEquals(1, seats.get("seatsTaken").asInt());
        assertEquals(1, seats.get("waitlistLength").asInt());
    }

    @Test
    void someoneWaitingWhoHoldsAnOverlappingSeatIsSkippedAndKeepsTheirPlace() throws Exception {
        fixtures.workshop(fairId, "commerce-equitable", 1, 10, 12);
        fixtures.workshop(fairId, "financement", 5, 11, 13);
        Registrant seated = fixtures.registrant(fairId, "Seated");
        Registrant busy = fixtures.registrant(fairId, "Busy");
        Registrant free = fixtures.registrant(fairId, "Free");
        signUp("commerce-equitable", seated);
        signUp("commerce-equitable", busy); // waits first...
        signUp("financement", busy);        // ...then takes an overlapping seat elsewhere
        signUp("commerce-equitable", free);

        call(cancelEvent("commerce-equitable", seated));

        assertEquals("CONFIRMED", status("commerce-equitable", free));
        assertEquals("WAITLISTED", status("commerce-equitable", busy));
        assertEquals(1, signUp("commerce-equitable", busy).get("waitlistPosition").asInt());
    }

    @Test
    void aWaitingListKeptTheOldWayOnTheWorkshopMovesToPlacesAndKeepsItsOrder() throws Exception {
        fixtures.workshop(fairId, "gestion", 1, 10, 12);
        Registrant seated = fixtures.registrant(fairId, "Seated");
        Registrant first = fixtures.registrant(fairId, "First");
        Registrant gone = fixtures.registrant(fairId, "Gone");
        Registrant third = fixtures.registrant(fairId, "Third");
        Registrant newcomer = fixtures.registrant(fairId, "Newcomer");
        signUp("gestion", seated);
        // As a stack deployed before places had items of their own left it: tickets 1 and 3 still
        // waiting in a map on the workshop's item, ticket 2 cancelled, signups without tickets.
        oldSignup("gestion", first, "WAITLISTED");
        oldSignup("gestion", gone, "CANCELLED");
        oldSignup("gestion", third, "WAITLISTED");
        aws.dynamoDb().updateItem(b -> b.tableName(aws.tableName("FairsTable"))
                .key(WorkshopRepository.key(fairId, "gestion"))
                .updateExpression("SET waitlist = :line, ticketsIssued = :three REMOVE waiting, #left")
                .expressionAttributeNames(Map.of("#left", "left"))
                .expressionAttributeValues(Map.of(":three", AttributeValue.fromN("3"), ":line", AttributeValue.fromM(
                        Map.of(first.registrationId(), AttributeValue.fromN("1"),
                                third.registrationId(), AttributeValue.fromN("3"))))));

        assertEquals(2, workshop("gestion").get("waitlistLength").asInt(), "the programme counts the old list");
        assertEquals(3, signUp("gestion", newcomer).get("waitlistPosition").asInt(), "behind the two still waiting");
        var item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("FairsTable"))
                .key(WorkshopRepository.key(fairId, "gestion")).consistentRead(true)).item();
        assertTrue(!item.containsKey("waitlist"), "the old list, with its registration ids, is gone: " + item);
        assertEquals(1, signUp("gestion", first).get("waitlistPosition").asInt());
        assertEquals(2, signUp("gestion", third).get("waitlistPosition").asInt());
        assertEquals(3, workshop("gestion").get("waitlistLength").asInt());

        assertEquals(204, call(cancelEvent("gestion", seated)).getStatusCode());
        assertEquals("CONFIRMED", status("gestion", first), "the first of the old list gets the seat");
        assertEquals(1, signUp("gestion", third).get("waitlistPosition").asInt());
        assertEquals(2, signUp("gestion", newcomer).get("waitlistPosition").asInt());
        assertEquals(204, call(cancelEvent("gestion", third)).getStatusCode());
        assertEquals(1, signUp("gestion", newcomer).get("waitlistPosition").asInt());
        assertEquals("CANCELLED", status("gestion", gone));
    }

    private void oldSignup(String workshopId, Registrant who, String status) {
        String at = "2026-11-20T10:00:00Z";
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("SignupsTable")).item(Map.of(
                "pk", AttributeValue.fromS("WS#" + fairId + "#" + workshopId),
                "sk", AttributeValue.fromS("S#" + who.registrationId()),
                "type", AttributeValue.fromS(SignupRepository.TYPE_SIGNUP), "fairId", AttributeValue.fromS(fairId),
                "workshopId", AttributeValue.fromS(workshopId),
                "registrationId", AttributeValue.fromS(who.registrationId()),
                "status", AttributeValue.fromS(status), "createdAt", AttributeValue.fromS(at),
                "updatedAt", AttributeValue.fromS(at))));
    }

    @Test
    void leavingTheWaitingListMovesTheOthersUp() throws Exception {
        fixtures.workshop(fairId, "gestion", 1, 10, 12);
        Registrant seated = fixtures.registrant(fairId, "Seated");
        Registrant a = fixtures.registrant(fairId, "A");
        Registrant b = fixtures.registrant(fairId, "B");
        signUp("gestion", seated);
        signUp("gestion", a);
        signUp("gestion", b);

        assertEquals(204, call(cancelEvent("gestion", a)).getStatusCode());

        assertEquals(1, signUp("gestion", b).get("waitlistPosition").asInt());
        assertEquals(1, workshop("gestion").get("waitlistLength").asInt());
        assertEquals(1, workshop("gestion").get("seatsTaken").asInt());
    }

    @Test
    void onlyTheRegistrantsOwnTokenSignsUp() throws Exception {
        fixtures.workshop(fairId, "gestion", 5, 10, 12);
        Registrant amina = fixtures.registrant(fairId, "Amina");
        Registrant omar = fixtures.registrant(fairId, "Omar");

        APIGatewayV2HTTPEvent noToken = withHeader(signUpEvent("gestion", amina), "authorization", null);
        assertEquals(401, call(noToken).getStatusCode());
        APIGatewayV2HTTPEvent wrongToken = withHeader(signUpEvent("gestion", amina), "authorization",
                "Bearer " + omar.accessToken());
        assertEquals(404, call(wrongToken).getStatusCode());
        APIGatewayV2HTTPEvent badBody = withBody(signUpEvent("gestion", amina), "{\"registration\":\"x\"}");
        APIGatewayV2HTTPResponse invalid = call(badBody);
        assertEquals(400, invalid.getStatusCode());
        assertEquals(404, call(signUpEvent("no-such-workshop", amina)).getStatusCode());
        assertEquals(404, call(cancelEvent("gestion", amina)).getStatusCode(), "not signed up");
        assertEquals(0, workshop("gestion").get("seatsTaken").asInt());
    }

    @Test
    void aFullWaitingListIsSaidPlainly() throws Exception {
        fixtures.workshop(fairId, "plein", 1, 10, 12);
        signUp("plein", fixtures.registrant(fairId, "Seated"));
        // Count the list as full directly: 2,000 sign-ups would only slow the test.
        aws.dynamoDb().updateItem(b -> b.tableName(aws.tableName("FairsTable"))
                .key(WorkshopRepository.key(fairId, "plein"))
                .updateExpression("SET waiting = :n, ticketsIssued = :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(
                        Integer.toString(SignupRepository.MAX_WAITLIST)))));
        Registrant late = fixtures.registrant(fairId, "Late");

        APIGatewayV2HTTPResponse response = call(signUpEvent("plein", late));

        assertEquals(409, response.getStatusCode());
        assertEquals("waitlist_full", Json.parse(response.getBody()).get("code").asText());
        assertEquals("NONE", status("plein", late));
    }
}
