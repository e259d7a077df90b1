package ma.salonsess.shared.registration;

import static ma.salonsess.shared.dynamo.Items.m;
import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import ma.salonsess.shared.dynamo.CompanionWrite;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.dynamo.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Registrations in the registrations table, partitioned by fair. Next to each registration
 * ({@code sk = REG#<id>}) an email claim ({@code sk = EMAIL#<sha256 of the address>}) makes one
 * email register once per fair; both are written and deleted together.
 */
public final class RegistrationRepository {
    public static final String TYPE_REGISTRATION = "REGISTRATION";
    public static final String TYPE_EMAIL_CLAIM = "EMAIL_CLAIM";
    private static final String IDEMPOTENCY_RECORD = "idempotencyRecord";
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** The email address already has a registration for this fair. */
    public static final class EmailAlreadyRegistered extends RuntimeException {
        public EmailAlreadyRegistered() {
            super("Email already registered for this fair", null, false, false);
        }
    }

    /** The extra write that had to succeed with the registration (an idempotency claim) did not. */
    public static final class CompanionWriteFailed extends RuntimeException {
        public CompanionWriteFailed() {
            super("The companion write's condition failed", null, false, false);
        }
    }

    public RegistrationRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * Creates the registration and its email claim, together with {@code companion} (if any) in
     * one transaction: all are written, or none.
     */
    public void create(Registration registration, Optional<CompanionWrite> companion) {
        create(registration, companion, Optional.empty());
    }

    /**
     * As {@link #create(Registration, Optional)}, noting on the registration the id of the
     * idempotency record written with it (a hash), so that erasing it can delete that record too.
     */
    public void create(Registration registration, Optional<CompanionWrite> companion,
                       Optional<String> idempotencyRecord) {
        List<TransactWriteItem> items = new ArrayList<>(3);
        Map<String, AttributeValue> item = RegistrationItem.toItem(registration);
        idempotencyRecord.ifPresent(id -> item.put(IDEMPOTENCY_RECORD, s(id)));
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(sk)")).build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(RegistrationItem.emailClaim(registration))
                .conditionExpression("attribute_not_exists(sk)")).build());
        companion.map(CompanionWrite::item).ifPresent(items::add);
        try {
            Transactions.write(dynamoDb, items);
        } catch (TransactionCanceledException e) {
            if (companion.isPresent() && Transactions.conditionFailed(e, 2)) {
                throw new CompanionWriteFailed();
            }
            if (Transactions.conditionFailed(e, 1)) {
                throw new EmailAlreadyRegistered();
            }
            throw e;
        }
    }

    public Optional<Registration> find(String fairId, String registrationId) {
        var item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("fairId", s(fairId), "sk", s(registrationSortKey(registrationId))))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RegistrationItem.fromItem(item));
    }

    /** The registration with its email health (whether its address still takes mail). */
    public Optional<Listed> findListed(String fairId, String registrationId) {
        var item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("fairId", s(fairId), "sk", s(registrationSortKey(registrationId))))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Listed(RegistrationItem.fromItem(item), RegistrationItem.health(item)));
    }

    /**
     * The registration, if {@code token} is its access token. A wrong token and a missing
     * registration look the same, so a token never reveals that someone else's registration exists.
     */
    public Optional<Registration> findOwned(String fairId, String registrationId, AccessToken token) {
        return find(fairId, registrationId).filter(r -> token.matches(r.accessTokenHash()));
    }

    /** The registration of this address for this fair, found through its email claim. */
    public Optional<Registration> findByEmail(String fairId, EmailAddress email) {
        var claim = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("fairId", s(fairId), "sk", s(emailSortKey(email)))).consistentRead(true)).item();
        return claim == null || claim.isEmpty() ? Optional.empty() : find(fairId, string(claim, "registrationId"));
    }

    /** Gives the registration a new access token (by its hash): the old one no longer opens it. */
    public boolean replaceAccessToken(String fairId, String registrationId, String accessTokenHash) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of("fairId", s(fairId), "sk", s(registrationSortKey(registrationId))))
                    .updateExpression("SET accessTokenHash = :h").conditionExpression("attribute_exists(sk)")
                    .expressionAttributeValues(Map.of(":h", s(accessTokenHash))));
            return true;
        } catch (ConditionalCheckFailedException erased) {
            return false;
        }
    }

    /** Every registration of a fair, page by page (never a scan of other fairs' data). */
    public void forEachInFair(String fairId, Consumer<Registration> visitor) {
        forEachInFairWithHealth(fairId, (registration, health) -> visitor.accept(registration));
    }

    /** What the emails to a registration met: why the address is undeliverable, and unsent ones. */
    public record EmailHealth(String undeliverableReason, boolean emailPending) {
    }

    /** As {@link #forEachInFair}, with each registration's email health. */
    public void forEachInFairWithHealth(String fairId,
                                        BiConsumer<Registration, EmailHealth> visitor) {
        dynamoDb.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("fairId = :f AND begins_with(sk, :reg)")
                        .expressionAttributeValues(Map.of(":f", s(fairId), ":reg", s("REG#"))))
                .items().forEach(item -> visitor.accept(RegistrationItem.fromItem(item),
                        RegistrationItem.health(item)));
    }

    /** A registration with its email health, as a page gives it. */
    public record Listed(Registration registration, EmailHealth health) {
    }

    /** One page of a fair's registrations, and where the next starts (empty: no more). */
    public record Page(List<Listed> registrations, Optional<String> next) {
    }

    /**
     * Up to {@code limit} registrations of a fair after the cursor {@code after} (empty: from the
     * start), for work that stops and resumes (the survey dispatch).
     */
    public Page page(String fairId, Optional<String> after, int limit) {
        var response = dynamoDb.query(b -> {
            b.tableName(table).limit(limit)
                    .keyConditionExpression("fairId = :f AND begins_with(sk, :reg)")
                    .expressionAttributeValues(Map.of(":f", s(fairId), ":reg", s("REG#")));
            after.ifPresent(sk -> b.exclusiveStartKey(Map.of("fairId", s(fairId), "sk", s(sk))));
        });
        List<Listed> listed = response.items().stream()
                .map(item -> new Listed(RegistrationItem.fromItem(item), RegistrationItem.health(item))).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get("sk").s()) : Optional.empty();
        return new Page(listed, next);
    }

    /** The registrations with these ids (those that exist), in batches of 100. */
    public Map<String, Registration> findAll(String fairId, Collection<String> registrationIds) {
        Map<String, Registration> found = new HashMap<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(registrationIds));
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + 100)).stream()
                    .map(id -> Map.of("fairId", s(fairId), "sk", s(registrationSortKey(id)))).toList();
            Map<String, KeysAndAttributes> request =
                    Map.of(table, KeysAndAttributes.builder()
                            .keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                var finalRequest = request;
                var response = dynamoDb.batchGetItem(b -> b.requestItems(finalRequest));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(string(item, "registrationId"), RegistrationItem.fromItem(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /**
     * A transaction item that holds only while the registration exists: a seat or a place in line
     * written with it cannot go to a registration erased meanwhile.
     */
    public TransactWriteItem stillRegistered(String fairId, String registrationId) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(Map.of("fairId", s(fairId), "sk", s(registrationSortKey(registrationId))))
                .conditionExpression("attribute_exists(sk)")).build();
    }

    /** {@link #stillRegistered}, for a use case to hand to another repository's transaction. */
    public CompanionWrite whileRegistered(String fairId, String registrationId) {
        return CompanionWrite.of(stillRegistered(fairId, registrationId));
    }

    /** Deletes the registration and its email claim (a registrant's request to erase their data). */
    public void delete(Registration registration) {
        delete(registration, List.of());
    }

    /** As {@link #delete(Registration)}, with other deletions ({@code alsoDelete}) in the same transaction. */
    public void delete(Registration registration, List<CompanionWrite> alsoDelete) {
        List<TransactWriteItem> items = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of(
                        "fairId", s(registration.fairId()),
                        "sk", s(registrationSortKey(registration.registrationId()))))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of(
                        "fairId", s(registration.fairId()),
                        "sk", s(emailSortKey(registration.email()))))).build()));
        alsoDelete.forEach(write -> items.add(write.item()));
        Transactions.write(dynamoDb, items);
    }

    /** The id of the idempotency record written with the registration, if it was sent with a key. */
    public Optional<String> idempotencyRecord(String fairId, String registrationId) {
        var item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("fairId", s(fairId), "sk", s(registrationSortKey(registrationId))))
                .projectionExpression(IDEMPOTENCY_RECORD).consistentRead(true)).item();
        return item == null ? Optional.empty() : Items.optionalString(item, IDEMPOTENCY_RECORD);
    }

    /**
     * Records that the badge for {@code version} of the registration is in the bucket. False when
     * the registration is gone (erased meanwhile) or a badge of a later version is already recorded.
     */
    public boolean markBadgeReady(String fairId, String registrationId, BadgeState ready) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of("fairId", s(fairId), "sk", s(registrationSortKey(registrationId))))
                    .updateExpression("SET badge = :badge")
                    .conditionExpression("attribute_exists(sk) AND (attribute_not_exists(badge.version) "
                            + "OR badge.version <= :version)")
                    .expressionAttributeValues(Map.of(":version", n(ready.version()),
                            ":badge", RegistrationItem.badge(ready))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Notes that an email of this kind could not be sent yet (organisers see it in the digest). */
    public void markEmailPending(String fairId, String registrationId, String kind) {
        changeEmailsPending(fairId, registrationId, "ADD emailsPending :k", kind);
    }

    public void clearEmailPending(String fairId, String registrationId, String kind) {
        changeEmailsPending(fairId, registrationId, "DELETE emailsPending :k", kind);
    }

    private void changeEmailsPending(String fairId, String registrationId, String change, String kind) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of("fairId", s(fairId), "sk", s(registrationSortKey(registrationId))))
                    .updateExpression(change).conditionExpression("attribute_exists(sk)")
                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromSs(List.of(kind)))));
        } catch (ConditionalCheckFailedException erased) {
            // the registration is gone: nothing to note on it
        }
    }

    /** The index of registrations by address (keys only): bounces and complaints arrive by address. */
    public static final String BY_EMAIL = "byEmail";

    /**
     * Marks every registration of this address (lower case) as undeliverable, with why and when;
     * returns how many. Marking twice changes nothing but the time.
     */
    public int markUndeliverable(String normalizedEmail, String reason, Instant at) {
        int marked = 0;
        for (var item : dynamoDb.queryPaginator(b -> b.tableName(table).indexName(BY_EMAIL)
                .keyConditionExpression("emailNormalized = :e")
                .expressionAttributeValues(Map.of(":e", s(normalizedEmail)))).items()) {
            try {
                dynamoDb.updateItem(b -> b.tableName(table)
                        .key(Map.of("fairId", item.get("fairId"), "sk", item.get("sk")))
                        .updateExpression("SET emailUndeliverable = :u")
                        .conditionExpression("attribute_exists(sk)")
                        .expressionAttributeValues(Map.of(":u", m(Map.of("reason", s(reason), "at", s(at.toString()))))));
                marked++;
            } catch (ConditionalCheckFailedException erased) {
                // gone since the index was read
            }
        }
        return marked;
    }

    public static String registrationSortKey(String registrationId) {
        return "REG#" + registrationId;
    }

    static String emailSortKey(EmailAddress email) {
        return "EMAIL#" + AccessToken.sha256Hex(email.normalized());
    }
}
