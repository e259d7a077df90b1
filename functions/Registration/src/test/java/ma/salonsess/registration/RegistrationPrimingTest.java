package ma.salonsess.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.StackContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming of the registration function: its request path runs, nothing is written or sent. */
@ExtendWith(LocalAwsExtension.class)
class RegistrationPrimingTest {

    @Test
    void primingBeforeTheSnapshotWritesNothingAndTheFunctionThenRegisters(LocalAws aws) throws Exception {
        DemoFair.seed(RepositoryLayout.root(), aws.dynamoDb(), aws.tableName("FairsTable"));
        RegistrationHandler handler = new RegistrationHandler(aws.functionEnv("RegistrationFunction"));
        StackContents before = StackContents.of(aws);

        // What Lambda's runtime does before it takes the snapshot.
        Priming.registered("RegistrationFunction").orElseThrow().beforeCheckpoint(null);
        // And what it does on restore, before the first request: reads only.
        Priming.registered("RegistrationFunction").orElseThrow().afterRestore(null);

        assertEquals(before, StackContents.of(aws), "no item, object or email written");
        Priming.Run run = Priming.lastRun("RegistrationFunction").orElseThrow();
        assertTrue(run.failure().isEmpty(), () -> "priming ran to its end: " + run.failure());
        assertTrue(run.answeredCalls() >= 5, "each route got as far as its AWS calls: " + run.answeredCalls());

        var visitor = ApiEvents.withHeader(ApiEvents.load("registration-post-visitor.json"), "idempotency-key",
                UUID.randomUUID().toString());
        visitor.setBody(visitor.getBody().replace("youssef.benali@", "primed-" + UUID.randomUUID() + "@"));
        var answer = handler.handleRequest(visitor, LambdaContext.forTest());
        assertEquals(201, answer.getStatusCode(), answer.getBody());
        // Priming read its settings from canned answers: none of them may serve a registration.
        Wiring wiring = new Wiring(aws.functionEnv("RegistrationFunction"));
        String notice = wiring.setting("PRIVACY_NOTICE_VERSION_PARAMETER").get();
        assertNotEquals("1", notice, "the stack's own notice version, not priming's canned one");
        String registrationId = Json.parse(answer.getBody()).path("registrationId").asText();
        String fairId = visitor.getPathParameters().get("fairId");
        assertEquals(notice, wiring.registrations().find(fairId, registrationId).orElseThrow()
                .consent().noticeVersion(), "the consent records the stack's notice version");
    }
}
