package ma.salonsess.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A claim of the notifications ledger as an item, keyed by the hash of the event's key (see
 * {@link NotificationLedger} for why); the calls to DynamoDB stay in the ledger.
 */
final class NotificationLedgerItem {
    private NotificationLedgerItem() {
    }

    static Map<String, AttributeValue> key(String eventKey) {
        return Map.of("id", AttributeValue.fromS(id(eventKey)));
    }

    static Map<String, AttributeValue> claim(String eventKey, Instant claimedAt, Instant expiresAt) {
        return Map.of(
                "id", AttributeValue.fromS(id(eventKey)),
                "state", AttributeValue.fromS("SENDING"),
                "claimedAt", AttributeValue.fromS(claimedAt.toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    }

    static String id(String eventKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("notification\n" + eventKey).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
