package ma.salonsess.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which emails went out, keyed by the event that caused each: a conditional write claims an
 * email before it is sent, so a replayed stream record or a retried batch never sends it twice.
 * A claim whose sending failed stays SENDING and is taken again by the retry.
 *
 * <p>Items are keyed by the SHA-256 of the event's key, never the key itself, and keep neither the
 * address nor SES's message id: the event key names the registration, and the ledger outlives an
 * erasure by up to 90 days. Registration ids are random UUIDs (122 bits), so the hash leads back
 * to nobody without the id, which erasure removes everywhere else; deleting the items instead would
 * need an index by registration, and a replayed record must still find them.
 */
final class NotificationLedger {
    /** Long enough to outlive any replay of the stream (24 h) and its retries. */
    private static final Duration KEEP = Duration.ofDays(90);
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    NotificationLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** True when this email is to be sent now: not sent before. */
    boolean claim(String eventKey) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(NotificationLedgerItem.claim(eventKey, clock.instant(), clock.instant().plus(KEEP)))
                    .conditionExpression("attribute_not_exists(id) OR #state = :sending")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":sending", AttributeValue.fromS("SENDING"))));
            return true;
        } catch (ConditionalCheckFailedException alreadySent) {
            return false;
        }
    }

    void sent(String eventKey) {
        dynamoDb.updateItem(b -> b.tableName(table).key(NotificationLedgerItem.key(eventKey))
                .updateExpression("SET #state = :sent, sentAt = :at")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS("SENT"),
                        ":at", AttributeValue.fromS(clock.instant().toString()))));
    }
}
