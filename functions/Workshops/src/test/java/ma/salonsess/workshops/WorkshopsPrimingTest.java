package ma.salonsess.workshops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.StackContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming of the workshops function: its routes run, nothing is written or sent. */
@ExtendWith(LocalAwsExtension.class)
class WorkshopsPrimingTest {

    @Test
    void primingBeforeTheSnapshotWritesNothingAndTheProgrammeIsThenServed(LocalAws aws) throws Exception {
        DemoFair.seed(RepositoryLayout.root(), aws.dynamoDb(), aws.tableName("FairsTable"));
        WorkshopApi api = new WorkshopApi(aws, DemoFair.ID);
        StackContents before = StackContents.of(aws);

        // What Lambda's runtime does before it takes the snapshot (WorkshopApi built the handler).
        Priming.registered("WorkshopsFunction").orElseThrow().beforeCheckpoint(null);

        assertEquals(before, StackContents.of(aws), "no item, object or email written");
        Priming.Run run = Priming.lastRun("WorkshopsFunction").orElseThrow();
        assertTrue(run.failure().isEmpty(), () -> "priming ran to its end: " + run.failure());
        assertTrue(run.answeredCalls() >= 4, "each route got as far as its AWS calls: " + run.answeredCalls());
        assertEquals(30, api.workshop("strategie-commerciale").get("capacity").asInt(),
                "the programme is served after priming");
    }
}
