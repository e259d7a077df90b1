package ma.salonsess.shared.erasure;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.erasure.ErasureRetryItem.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Erasures that failed, one item per registration and part of the erasure ({@code fairId},
 * {@code task = <part>#<registrationId>}), kept until that part's replay completes them. A stream's dead-letter queue only holds positions in a stream
 * that forgets its records after 24 hours; this table holds the ids themselves, for as long as it
 * takes, and nothing else of the person.
 */
public final class ErasureRetries {
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** An erasure still to complete, and how it has fared so far. */
    public record Pending(String fairId, String registrationId, Instant firstFailedAt, long attempts) {
    }

    /** The parts of an erasure done by different functions, each parked and replayed on its own. */
    public enum Part { SIGNUPS_AND_SURVEY, BADGE }

    public ErasureRetries(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Records a failed attempt; recording the same erasure again only counts the attempt. */
    public void park(Part part, String fairId, String registrationId, Instant at, String reason) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(part, fairId, registrationId))
                .updateExpression("SET registrationId = :r, part = :p, "
                        + "firstFailedAt = if_not_exists(firstFailedAt, :at), lastFailedAt = :at, "
                        + "lastError = :reason ADD attempts :one")
                .expressionAttributeValues(Map.of(":r", s(registrationId), ":p", s(part.name()),
                        ":at", s(at.toString()), ":reason", s(reason), ":one", n(1))));
    }

    public void done(Part part, String fairId, String registrationId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key(part, fairId, registrationId)));
    }

    /** Every erasure of this part still pending (a scan: the table holds only failures, normally none). */
    public List<Pending> all(Part part) {
        List<Pending> pending = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true).filterExpression("part = :p")
                .expressionAttributeValues(Map.of(":p", s(part.name())))).items().forEach(item -> pending.add(ErasureRetryItem.pending(item)));
        return pending;
    }
}
