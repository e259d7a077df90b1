package ma.salonsess.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which evening digests went out: one item per fair and day ({@code DIGEST#<day>}, the fair's own
 * date) in the fair's partition of the fairs table, claimed before the email is sent. A retried
 * run (Lambda retries a failed asynchronous invocation twice) so sends only the fairs whose digest
 * failed, and a duplicate delivery of the schedule sends nothing twice. A failed send releases its
 * claim; a claim left by a run that died is taken again once it is older than any run can last.
 */
final class DigestLedger {
    /** The function's timeout (template.yaml): no live run holds a claim longer. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    DigestLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** True when this fair's digest of {@code day} is to be sent now: neither sent nor being sent. */
    boolean claim(String fairId, LocalDate day) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(DigestLedgerItem.key(fairId, day))
                    .updateExpression("SET #state = :sending, claimedAt = :now, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(sk) OR #state = :failed"
                            + " OR (#state = :sending AND claimedAt < :abandoned)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":sending", AttributeValue.fromS("SENDING"),
                            ":failed", AttributeValue.fromS("FAILED"),
                            ":now", AttributeValue.fromN(Long.toString(now)),
                            ":expires", AttributeValue.fromN(Long.toString(DigestLedgerItem.expiresAt(day))),
                            ":abandoned", AttributeValue.fromN(Long.toString(now - ABANDONED_AFTER.toSeconds())))));
            return true;
        } catch (ConditionalCheckFailedException alreadyTaken) {
            return false;
        }
    }

    void sent(String fairId, LocalDate day) {
        mark(fairId, day, "SENT");
    }

    /** Gives the claim back, so that the retry sends this digest. */
    void failed(String fairId, LocalDate day) {
        mark(fairId, day, "FAILED");
    }

    private void mark(String fairId, LocalDate day, String state) {
        dynamoDb.updateItem(b -> b.tableName(table).key(DigestLedgerItem.key(fairId, day))
                .updateExpression("SET #state = :state, markedAt = :at")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":state", AttributeValue.fromS(state),
                        ":at", AttributeValue.fromS(clock.instant().toString()))));
    }
}
