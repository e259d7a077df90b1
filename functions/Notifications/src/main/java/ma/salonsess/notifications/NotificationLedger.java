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
    boolean claim(String id) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                            "id", AttributeValue.fromS(id),
                            "state", AttributeValue.fromS("SENDING"),
                            "claimedAt", AttributeValue.fromS(clock.instant().toString()),
                            "expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(id) OR #state = :sending")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":sending", AttributeValue.fromS("SENDING"))));
            return true;
        } catch (ConditionalCheckFailedException alreadySent) {
            return false;
        }
    }

    void sent(String id, String messageId) {
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))
                .updateExpression("SET #state = :sent, messageId = :m, sentAt = :at")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS("SENT"),
                        ":m", AttributeValue.fromS(messageId), ":at", AttributeValue.fromS(clock.instant().toString()))));
    }
}
