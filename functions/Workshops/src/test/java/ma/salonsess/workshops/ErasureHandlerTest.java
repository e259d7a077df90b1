package ma.salonsess.workshops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.FairFixtures.Registrant;
import ma.salonsess.testsupport.FaultyDynamoDb;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.StreamEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An erased registration leaves the workshops: its seat passes on and nothing of it stays. */
@ExtendWith(LocalAwsExtension.class)
class ErasureHandlerTest {

    @Test
    void anErasedRegistrantsSeatGoesToTheNextInLineAndTheirSignupsAreDeleted(LocalAws aws) throws Exception {
        FairFixtures fixtures = new FairFixtures(aws);
        String fairId = fixtures.newFair();
        fixtures.workshop(fairId, "gestion", 1, 10, 12);
        fixtures.workshop(fairId, "commerce", 1, 14, 16);
        WorkshopApi api = new WorkshopApi(aws, fairId);
        Registrant leaving = fixtures.registrant(fairId, "Leaving");
        Registrant waiting = fixtures.registrant(fairId, "Waiting");
        Registrant seatedElsewhere = fixtures.registrant(fairId, "Other");
        api.call(api.signUpEvent("gestion", leaving));
        api.call(api.signUpEvent("gestion", waiting));
        api.call(api.signUpEvent("commerce", seatedElsewhere));
        api.call(api.signUpEvent("commerce", leaving)); // waits in line there
        var registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        registrations.delete(registrations.find(fairId, leaving.registrationId()).orElseThrow());

        DynamodbEvent event = EventLoader.loadDynamoDbEvent(RepositoryLayout.root()
                .resolve("events/badge-registration-remove.json").toString());
        var keys = event.getRecords().getFirst().getDynamodb().getKeys();
        keys.get("fairId").setS(fairId);
        keys.get("sk").setS("REG#" + leaving.registrationId());
        ErasureHandler handler = new ErasureHandler(aws.functionEnv("SignupErasureFunction"));

        assertTrue(handler.handleRequest(event, LambdaContext.forTest()).getBatchItemFailures().isEmpty());
        assertTrue(handler.handleRequest(event, LambdaContext.forTest()).getBatchItemFailures().isEmpty(), "a replay finds nothing to do");

        assertEquals("CONFIRMED", api.status("gestion", waiting), "the freed seat went to the next in line");
        assertEquals(0, api.workshop("commerce").get("waitlistLength").asInt(), "the place in line was left");
        List<Map<String, AttributeValue>> left = new ArrayList<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName("SignupsTable"))).items().stream()
                .filter(i -> i.values().stream().anyMatch(v -> v.s() != null && v.s().contains(leaving.registrationId())))
                .forEach(left::add);
        assertEquals(List.of(), left, "no signup or agenda of the erased registrant remains");
    }

    @Test
    void aFailedErasureKeepsItsIdsUntilAReplayCompletesIt(LocalAws aws) throws Exception {
        FairFixtures fixtures = new FairFixtures(aws);
        String fairId = fixtures.newFair();
        fixtures.workshop(fairId, "gestion", 1, 10, 12);
        WorkshopApi api = new WorkshopApi(aws, fairId);
        Registrant leaving = fixtures.registrant(fairId, "Leaving");
        Registrant waiting = fixtures.registrant(fairId, "Waiting");
        api.call(api.signUpEvent("gestion", leaving));
        api.call(api.signUpEvent("gestion", waiting));
        var registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        registrations.delete(registrations.find(fairId, leaving.registrationId()).orElseThrow());
        AtomicBoolean down = new AtomicBoolean(true);
        DynamoDbClient faulty = FaultyDynamoDb.failingWhile(aws.dynamoDb(), "query", down::get);
        DynamodbEvent removed = StreamEvents.batch(StreamEvents.record("REMOVE", List.of("fairId", "sk"), Map.of(
                "fairId", AttributeValue.fromS(fairId),
                "sk", AttributeValue.fromS("REG#" + leaving.registrationId())), null));

        var response = new ErasureHandler(aws.functionEnv("SignupErasureFunction"), faulty).handleRequest(removed, LambdaContext.forTest());

        assertEquals(1, response.getBatchItemFailures().size(), "the failure is still reported to Lambda");
        assertEquals("WAITLISTED", api.status("gestion", waiting), "nothing erased yet");
        List<Map<String, AttributeValue>> parked = aws.partition("ErasureRetriesTable", "fairId", fairId);
        assertEquals(List.of(leaving.registrationId()), parked.stream().map(i -> i.get("registrationId").s()).toList(),
                "the ids a replay needs are kept");

        Env replayEnv = aws.functionEnv("ErasureReplayFunction");
        assertThrows(IllegalStateException.class,
                () -> new ErasureReplayHandler(replayEnv, faulty).handleRequest(Map.of(), LambdaContext.forTest()),
                "a replay that cannot complete fails, which raises the alarm");
        assertEquals(1, aws.partition("ErasureRetriesTable", "fairId", fairId).size(), "and keeps the ids");

        down.set(false);
        String replayed = new ErasureReplayHandler(replayEnv, faulty).handleRequest(Map.of(), LambdaContext.forTest());

        assertTrue(replayed.contains("none pending"), replayed);
        assertEquals("CONFIRMED", api.status("gestion", waiting), "the replay completed the erasure");
        assertEquals(List.of(), aws.partition("ErasureRetriesTable", "fairId", fairId), "nothing left to replay");
        assertEquals(List.of(), aws.partition("SignupsTable", "pk", "AG#" + fairId + "#" + leaving.registrationId()),
                "the erased registrant's agenda is gone");
    }

    @Test
    void aSeatFreedBeforeTheErasureReachesTheWorkshopsIsNotGivenToTheErasedRegistrant(LocalAws aws) throws Exception {
        FairFixtures fixtures = new FairFixtures(aws);
        String fairId = fixtures.newFair();
        fixtures.workshop(fairId, "gestion", 1, 10, 12);
        WorkshopApi api = new WorkshopApi(aws, fairId);
        Registrant seated = fixtures.registrant(fairId, "Seated");
        Registrant erased = fixtures.registrant(fairId, "Erased");
        Registrant next = fixtures.registrant(fairId, "Next");
        api.call(api.signUpEvent("gestion", seated));
        api.call(api.signUpEvent("gestion", erased));
        api.call(api.signUpEvent("gestion", next));
        // Erased: the registration is gone, and its erasure has not reached the workshops yet.
        var registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        registrations.delete(registrations.find(fairId, erased.registrationId()).orElseThrow());

        assertEquals(204, api.call(api.cancelEvent("gestion", seated)).getStatusCode());

        assertEquals("CONFIRMED", api.status("gestion", next), "the seat skipped the erased registrant");
        assertEquals("CANCELLED", api.status("gestion", erased), "the erased registrant left the line");
        assertEquals(0, api.workshop("gestion").get("waitlistLength").asInt());
        assertEquals(1, api.workshop("gestion").get("seatsTaken").asInt());
    }
}
