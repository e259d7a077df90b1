package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localrun.fixtures.RecordingScheduleHandler;
import ma.salonsess.localrun.fixtures.RecordingStreamHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local run drives a template's DynamoDB stream subscriptions and schedules as Lambda would. */
class EventSourcesTest {
    @TempDir
    static Path deadLetters;
    private static LocalBackend backend;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        Path root = RepositoryLayout.root();
        backend = LocalBackend.start(new LocalBackend.Options(root,
                root.resolve("tools/local-run/src/test/resources/event-sources/template.yaml"), 0,
                EmbeddedAws.Ports.any(), false, deadLetters));
        dynamoDb = backend.aws().endpoints().dynamoDbClient();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @BeforeEach
    void forget() {
        RecordingStreamHandler.DELIVERED.clear();
        RecordingStreamHandler.BATCH_SIZES.clear();
        RecordingScheduleHandler.RECEIVED.clear();
    }

    private static void put(String id, String kind) {
        dynamoDb.putItem(b -> b.tableName("EventsTable").item(Map.of("id", AttributeValue.fromS(id),
                "kind", AttributeValue.fromS(kind))));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; delivered: "
                        + RecordingStreamHandler.DELIVERED);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void newItemsReachTheSubscribedFunctionInOrder() throws Exception {
        put("a", "event");
        put("b", "event");
        put("c", "event");
        await(() -> RecordingStreamHandler.DELIVERED.size() >= 3, "three records");
        assertEquals(List.of("a", "b", "c"), RecordingStreamHandler.DELIVERED);
    }

    @Test
    void theFilterCriteriaKeepOtherRecordsAway() throws Exception {
        put("other", "noise");
        put("seen", "event");
        dynamoDb.updateItem(b -> b.tableName("EventsTable").key(Map.of("id", AttributeValue.fromS("seen")))
                .updateExpression("SET extra = :x").expressionAttributeValues(Map.of(":x", AttributeValue.fromS("1"))));
        put("last", "event");
        await(() -> RecordingStreamHandler.DELIVERED.contains("last"), "the last insert");
        Thread.sleep(500);
        assertEquals(List.of("seen", "last"), RecordingStreamHandler.DELIVERED,
                "no 'noise' item, and no MODIFY event");
    }

    @Test
    void aReportedFailureIsRetriedFromThatRecordOnly() throws Exception {
        // Written together so that they arrive in one batch.
        dynamoDb.transactWriteItems(b -> b.transactItems(List.of("x1", "fail-once-x2", "x3").stream()
                .map(id -> software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                        .put(p -> p.tableName("EventsTable").item(Map.of("id", AttributeValue.fromS(id),
                                "kind", AttributeValue.fromS("event"))))
                        .build()).toList()));
        await(() -> RecordingStreamHandler.DELIVERED.lastIndexOf("x3")
                > RecordingStreamHandler.DELIVERED.lastIndexOf("fail-once-x2")
                && RecordingStreamHandler.DELIVERED.indexOf("fail-once-x2")
                < RecordingStreamHandler.DELIVERED.lastIndexOf("fail-once-x2"), "the retry");
        Thread.sleep(300);
        List<String> delivered = List.copyOf(RecordingStreamHandler.DELIVERED);
        assertEquals(1, delivered.stream().filter("x1"::equals).count(), "x1 succeeded; not sent again: " + delivered);
        assertEquals(2, delivered.stream().filter("fail-once-x2"::equals).count(), delivered.toString());
        // One transaction's records nearly always come in one batch, where x3 follows the failure and
        // is sent again; should the poller read between them, x3 comes once, in the retried batch.
        boolean x3InTheFailedBatch = delivered.subList(delivered.indexOf("fail-once-x2"),
                delivered.lastIndexOf("fail-once-x2")).contains("x3");
        assertEquals(x3InTheFailedBatch ? 2 : 1, delivered.stream().filter("x3"::equals).count(),
                "what came after the failure is sent again, as on Lambda: " + delivered + " in batches of "
                        + RecordingStreamHandler.BATCH_SIZES);
    }

    @Test
    void aRecordThatKeepsFailingEndsInTheOnFailureDestination() throws Exception {
        put("poison-1", "event");
        Path file = deadLetters.resolve("RecorderFunction-Inserts.jsonl");
        await(() -> Files.exists(file), "the dead-letter entry");
        assertEquals(3, RecordingStreamHandler.DELIVERED.stream().filter("poison-1"::equals).count(),
                "one attempt and MaximumRetryAttempts (2) retries");
        String entry = Files.readString(file);
        assertTrue(entry.contains("\"condition\":\"RetryAttemptsExhausted\""), entry);
        put("after-poison", "event");
        await(() -> RecordingStreamHandler.DELIVERED.contains("after-poison"), "the stream to move on");
    }

    @Test
    void aScheduleFiresOnDemandWithItsInput() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(backend.apiUrl() + "/_local/schedules/TickFunction/Evening"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, RecordingScheduleHandler.RECEIVED.size());
        var event = RecordingScheduleHandler.RECEIVED.getFirst();
        assertEquals("Scheduled Event", event.getDetailType());
        assertEquals(Map.of("digest", "evening"), event.getDetail());
        assertTrue(response.body().contains("ran {digest=evening}"), response.body());
    }

    @Test
    void theLocalControlsDescribeEveryEventSource() throws Exception {
        var description = backend.describe();
        assertEquals(1, description.get("streamSubscriptions").size());
        assertEquals(1, description.get("schedules").size(), "the disabled schedule is not armed");
        assertTrue(description.get("schedules").get(0).asText().contains("cron(0 19 * * ? *)"));
        assertFalse(description.get("routes").elements().hasNext());
    }
}
