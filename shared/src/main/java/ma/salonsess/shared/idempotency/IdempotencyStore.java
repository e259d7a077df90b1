package ma.salonsess.shared.idempotency;

import static ma.salonsess.shared.dynamo.Items.n;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import ma.salonsess.shared.dynamo.CompanionWrite;
import ma.salonsess.shared.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Remembers the outcome of requests sent with an {@code Idempotency-Key} for 24 hours, so a retry
 * gets the first answer instead of doing the work twice.
 *
 * <p>A record is written in the same transaction as the work it describes (see {@link #claim}):
 * it exists exactly when the work was done. Its payload is sealed with AES-GCM under a key derived
 * from the idempotency key, which is itself stored only as a hash: the table alone does not reveal
 * a secret that the first answer carried (such as a registrant's access token).
 */
public final class IdempotencyStore {
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();
    // One per thread, initialised afresh (a new IV each time) for every use: looking up the
    // transformation on each call cost more than the encryption itself.
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has AES/GCM", e);
        }
    });
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    /** A remembered outcome: the request's fingerprint and the answer's payload. */
    public record Stored(String fingerprint, String payload) {
    }

    public IdempotencyStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    public Optional<Stored> find(IdempotencyKey key) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(IdempotencyItem.key(key.recordId()))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()
                || Items.number(item, "expiresAt") < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new Stored(Items.string(item, "fingerprint"),
                unseal(key, Items.string(item, "payload"))));
    }

    /**
     * The write that records an outcome; fails its condition if the key was claimed meanwhile. An
     * expired record may be replaced: DynamoDB's TTL deletes it only eventually (up to days later),
     * and {@link #find} already ignores it.
     */
    public CompanionWrite claim(IdempotencyKey key, String fingerprint, String payload) {
        var now = clock.instant();
        return CompanionWrite.of(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(IdempotencyItem.record(key.recordId(), fingerprint, seal(key, payload), now,
                        now.plus(RETENTION)))
                .conditionExpression("attribute_not_exists(id) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))).build());
    }

    /**
     * The write that deletes the record {@code recordId} (see {@link IdempotencyKey#recordId}): an
     * erased registration must not be replayed to a retry as if it still existed.
     */
    public CompanionWrite release(String recordId) {
        return CompanionWrite.of(TransactWriteItem.builder()
                .delete(d -> d.tableName(table).key(IdempotencyItem.key(recordId))).build());
    }

    /** A request's fingerprint: the same for the same operation, target and (canonical) body. */
    public static String fingerprint(String... parts) {
        return HexFormat.of().formatHex(IdempotencyKey.sha256(String.join("\n", parts)));
    }

    private static String seal(IdempotencyKey key, String payload) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.sealingKey(), "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal an idempotency record", e);
        }
    }

    private static String unseal(IdempotencyKey key, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.sealingKey(), "AES"),
                    new GCMParameterSpec(128, bytes, 0, 12));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot unseal an idempotency record", e);
        }
    }
}
