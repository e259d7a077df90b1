package ma.salonsess.shared.idempotency;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An idempotency record as an item of the idempotency table (its payload already sealed); the
 * calls to DynamoDB and the sealing stay in {@link IdempotencyStore}.
 */
final class IdempotencyItem {
    private IdempotencyItem() {
    }

    static Map<String, AttributeValue> key(String recordId) {
        return Map.of("id", s(recordId));
    }

    static Map<String, AttributeValue> record(String recordId, String fingerprint, String sealedPayload,
                                              Instant createdAt, Instant expiresAt) {
        return Map.of("id", s(recordId),
                "fingerprint", s(fingerprint),
                "payload", s(sealedPayload),
                "createdAt", s(createdAt.toString()),
                "expiresAt", n(expiresAt.getEpochSecond()));
    }
}
