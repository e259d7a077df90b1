package ma.salonsess.shared.stream;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stream records a function could not handle, parked by the function itself before it reports the
 * failure: the record's keys, its event name and the few attributes of its images the function
 * reads (ids and statuses, never a name or an address). A stream forgets its records after 24 hours
 * and its dead-letter queue holds only positions in it; this table holds what a replay needs for
 * 30 days ({@link #KEEP}, the table's TTL), one item per record ({@code source}, its event id).
 * A replay hands each back to the function's own code, which does nothing twice.
 */
public final class ParkedRecords {
    public static final Duration KEEP = Duration.ofDays(30);
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String source;
    private final Set<String> attributes;

    /** A parked record as the function will see it again, and how often it failed. */
    public record Parked(String eventId, DynamodbEvent.DynamodbStreamRecord record, long attempts) {
    }

    /** What a replay did: records handled and removed, and those that failed again and stay. */
    public record Replayed(int completed, int stillParked) {
    }

    /**
     * @param source     whose records these are (the function's name in the fair's words: "badges")
     * @param attributes the image attributes the function reads, the only ones kept
     */
    public ParkedRecords(DynamoDbClient dynamoDb, String table, String source, Set<String> attributes) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.source = source;
        this.attributes = Set.copyOf(attributes);
    }

    /** Parks a record that failed; parking it again (a retried batch) only counts the attempt. */
    public void park(DynamodbEvent.DynamodbStreamRecord record, Instant at, Throwable error) {
        Map<String, AttributeValue> item = ParkedRecordItem.of(record, attributes);
        dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of("source", s(source), "eventId", s(record.getEventID())))
                .updateExpression("SET eventName = :e, recordKeys = :k, oldImage = :o, newImage = :n, "
                        + "firstFailedAt = if_not_exists(firstFailedAt, :at), lastFailedAt = :at, lastError = :err, "
                        + "expiresAt = :ttl ADD attempts :one")
                .expressionAttributeValues(Map.of(":e", item.get("eventName"), ":k", item.get("recordKeys"),
                        ":o", item.get("oldImage"), ":n", item.get("newImage"), ":at", s(at.toString()),
                        ":err", s(error.getClass().getName()), ":ttl", n(at.plus(KEEP).getEpochSecond()),
                        ":one", n(1))));
    }

    /** Every record of this source still parked, oldest event first. */
    public List<Parked> all() {
        List<Parked> parked = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", "source"))
                        .expressionAttributeValues(Map.of(":s", s(source))))
                .items().forEach(item -> parked.add(ParkedRecordItem.parked(item)));
        return parked;
    }

    public void done(Parked parked) {
        dynamoDb.deleteItem(b -> b.tableName(table)
                .key(Map.of("source", s(source), "eventId", s(parked.eventId()))));
    }

    /** Hands every parked record to {@code handler}; removes those it handles, counts again those it does not. */
    public Replayed replay(Consumer<DynamodbEvent.DynamodbStreamRecord> handler, Instant now) {
        int completed = 0;
        int failed = 0;
        for (Parked parked : all()) {
            try {
                handler.accept(parked.record());
            } catch (RuntimeException e) {
                park(parked.record(), now, e);
                failed++;
                continue;
            }
            done(parked);
            completed++;
        }
        return new Replayed(completed, failed);
    }
}
