package ma.salonsess.shared.registration;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.registration.AccessLinkItem.key;
import static ma.salonsess.shared.registration.AccessLinkItem.limitId;
import static ma.salonsess.shared.registration.AccessLinkItem.linkId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The access links table ({@code id}, TTL {@code expiresAt}): a link is stored under the SHA-256
 * of its secret ({@code LINK#<hash>}), never the secret; an address's recent requests under the
 * SHA-256 of the fair and the address ({@code LIMIT#<hash>}), for an hour.
 */
public final class AccessLinkRepository {
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** The times of an address's recent requests, and the version that guards their update. */
    public record RequestLog(List<Instant> times, long version) {
    }

    /** What redeeming a link found. */
    public sealed interface Redemption {
    }

    /** The link was valid and is now spent. */
    public record Redeemed(String registrationId) implements Redemption {
    }

    /** No such link (for this fair). */
    public record Unknown() implements Redemption {
    }

    /** Used already, or expired. */
    public record Spent() implements Redemption {
    }

    public AccessLinkRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public RequestLog requests(String fairId, EmailAddress email) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(limitId(fairId, email))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new RequestLog(List.of(), 0);
        }
        return AccessLinkItem.requestLog(item);
    }

    /** Replaces the log if nobody changed it since {@code log} was read; false if somebody did. */
    public boolean saveRequests(String fairId, EmailAddress email, RequestLog log, List<Instant> times,
                                Instant expiresAt) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(AccessLinkItem.requestLog(fairId, email, times, log.version() + 1, expiresAt))
                    .conditionExpression("attribute_not_exists(id) OR version = :v")
                    .expressionAttributeValues(Map.of(":v", n(log.version()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    public void saveLink(String secretHash, String fairId, String registrationId, Instant validUntil) {
        dynamoDb.putItem(b -> b.tableName(table)
                .item(AccessLinkItem.link(secretHash, fairId, registrationId, validUntil))
                .conditionExpression("attribute_not_exists(id)"));
    }

    /**
     * Spends the link in one conditional write, so that of two simultaneous redemptions only one
     * succeeds; the spent item keeps no registration id.
     */
    public Redemption redeem(String secretHash, String fairId, Instant now) {
        try {
            var old = dynamoDb.updateItem(b -> b.tableName(table).key(key(linkId(secretHash)))
                    .updateExpression("SET usedAt = :now REMOVE registrationId")
                    .conditionExpression("attribute_exists(id) AND fairId = :f AND attribute_not_exists(usedAt) "
                            + "AND validUntil > :nowSeconds")
                    .expressionAttributeValues(Map.of(":now", s(now.toString()), ":f", s(fairId),
                            ":nowSeconds", n(now.getEpochSecond())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return new Redeemed(old.get("registrationId").s());
        } catch (ConditionalCheckFailedException notRedeemable) {
            var item = dynamoDb.getItem(b -> b.tableName(table).key(key(linkId(secretHash))).consistentRead(true)).item();
            boolean ours = item != null && !item.isEmpty() && Items.optionalString(item, "fairId")
                    .filter(fairId::equals).isPresent();
            return ours ? new Spent() : new Unknown();
        }
    }
}
