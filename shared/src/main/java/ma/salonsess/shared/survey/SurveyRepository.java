package ma.salonsess.shared.survey;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.survey.SurveyItem.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import ma.salonsess.shared.dynamo.CompanionWrite;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.dynamo.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The surveys table: one item per registrant and fair, keyed by the token's hash (so the link
 * finds it in one read) and listed per fair through the {@code byFair} index. Every state change
 * is conditional, which is what makes a dispatch run twice send nothing twice and an answer stick
 * once.
 */
public final class SurveyRepository {
    public static final String BY_FAIR = "byFair";
    private static final Map<String, String> NAMES = Map.of("#role", "role", "#language", "language",
            "#region", "region", "#sector", "sector");
    private final DynamoDbClient dynamoDb;
    private final String table;

    public SurveyRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** What claiming an invitation found. */
    public enum Claim { CLAIMED, ALREADY_CLAIMED, REGISTRATION_GONE }

    /**
     * Claims the invitation of {@code survey} for sending: true when nobody sent it yet (a claim
     * left SENDING by a failed attempt is taken again). What is recorded of the registrant is
     * refreshed; answers, if any, are untouched. Written only while the registration exists
     * ({@code whileRegistered}), so an erasure that lands during a dispatch leaves no survey behind.
     */
    public Claim claimInvitation(Survey survey, Instant now, Instant purgeAt, CompanionWrite whileRegistered) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":fair", s(survey.fairId()));
        values.put(":reg", s(survey.registrationId()));
        values.put(":role", s(survey.role().name()));
        values.put(":language", s(survey.language().code()));
        values.put(":ws", Items.list(survey.workshopIds()));
        values.put(":sending", s(Survey.SENDING));
        values.put(":now", s(now.toString()));
        values.put(":purge", n(purgeAt.getEpochSecond()));
        StringBuilder set = new StringBuilder("SET fairId = :fair, registrationId = :reg, #role = :role, "
                + "#language = :language, workshopIds = :ws, invitation = :sending, claimedAt = :now, purgeAt = :purge");
        StringBuilder remove = new StringBuilder();
        if (survey.region() != null) {
            values.put(":region", s(survey.region().code()));
            set.append(", #region = :region");
        } else {
            remove.append(" REMOVE #region");
        }
        if (survey.sector() != null) {
            values.put(":sector", s(survey.sector().name()));
            set.append(", #sector = :sector");
        } else {
            remove.append(remove.isEmpty() ? " REMOVE #sector" : ", #sector");
        }
        TransactWriteItem claim = TransactWriteItem.builder().update(u -> u.tableName(table).key(key(survey.key()))
                .updateExpression(set.toString() + remove)
                .conditionExpression("attribute_not_exists(surveyKey) OR invitation = :sending")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)).build();
        try {
            Transactions.write(dynamoDb, List.of(claim, whileRegistered.item()));
            return Claim.CLAIMED;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                return Claim.ALREADY_CLAIMED;
            }
            if (Transactions.conditionFailed(e, 1)) {
                return Claim.REGISTRATION_GONE;
            }
            throw e;
        }
    }

    public void invitationSent(String key, String messageId, Instant at) {
        mark(key, "invitation", Survey.SENT, messageId, at);
    }

    /** SES refused this address for good: recorded, so the dispatch moves on and the results count it. */
    public void invitationFailed(String key, String reason, Instant at) {
        mark(key, "invitation", Survey.FAILED, reason, at);
    }

    /**
     * Claims the reminder: true only for an invitation sent, not answered, and not reminded yet
     * (or whose reminder claim a failed attempt left).
     */
    public boolean claimReminder(String key, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression("SET reminder = :sending, reminderClaimedAt = :now")
                    .conditionExpression("invitation = :sent AND attribute_not_exists(answeredAt) "
                            + "AND (attribute_not_exists(reminder) OR reminder = :sending)")
                    .expressionAttributeValues(Map.of(":sending", s(Survey.SENDING), ":sent", s(Survey.SENT),
                            ":now", s(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException notDue) {
            return false;
        }
    }

    public void reminderSent(String key, String messageId, Instant at) {
        mark(key, "reminder", Survey.SENT, messageId, at);
    }

    public void reminderFailed(String key, String reason, Instant at) {
        mark(key, "reminder", Survey.FAILED, reason, at);
    }

    private void mark(String key, String what, String state, String detail, Instant at) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression("SET " + what + " = :state, " + what + "Detail = :detail, " + what + "At = :at")
                    .conditionExpression("attribute_exists(surveyKey)")
                    .expressionAttributeValues(Map.of(":state", s(state), ":detail", s(detail), ":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException erasedMeanwhile) {
            // the registrant's data was erased while the email went out: nothing to record
        }
    }

    public Optional<Survey> find(String key) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SurveyItem.fromItem(item));
    }

    /** Stores the answers: true the first time, false if answered already (nothing changes then). */
    public boolean answer(String key, SurveyAnswers answers, Instant at) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression("SET answers = :answers, answeredAt = :at")
                    .conditionExpression("attribute_exists(surveyKey) AND attribute_not_exists(answeredAt)")
                    .expressionAttributeValues(Map.of(":answers", SurveyItem.answers(answers),
                            ":at", s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException answeredAlready) {
            return false;
        }
    }

    /** One page of a fair's surveys and where the next starts (empty: no more). */
    public record Page(List<Survey> surveys, Optional<String> next) {
    }

    /** Up to {@code limit} of a fair's surveys after {@code after}, for the reminder round. */
    public Page page(String fairId, Optional<String> after, int limit) {
        var response = dynamoDb.query(b -> {
            b.tableName(table).indexName(BY_FAIR).limit(limit)
                    .keyConditionExpression("fairId = :f")
                    .expressionAttributeValues(Map.of(":f", s(fairId)));
            after.ifPresent(cursor -> {
                String[] parts = cursor.split(" ", 2);
                b.exclusiveStartKey(Map.of("fairId", s(fairId), "registrationId", s(parts[0]), "surveyKey", s(parts[1])));
            });
        });
        List<Survey> surveys = response.items().stream().map(SurveyItem::fromItem).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get("registrationId").s() + " "
                + response.lastEvaluatedKey().get("surveyKey").s())
                : Optional.empty();
        return new Page(surveys, next);
    }

    /** Every survey of a fair, page by page. */
    public void forEachInFair(String fairId, Consumer<Survey> visitor) {
        dynamoDb.queryPaginator(b -> b.tableName(table).indexName(BY_FAIR)
                        .keyConditionExpression("fairId = :f")
                        .expressionAttributeValues(Map.of(":f", s(fairId))))
                .items().forEach(item -> visitor.accept(SurveyItem.fromItem(item)));
    }

    /**
     * A registrant asked for their data to be erased: an unanswered survey goes; an answered one
     * moves to a random key (its link, which anyone holding the secret and the registration id
     * could issue again, then finds nothing), loses its free text and everything naming the
     * registrant or their emails, and its figures stay in the fair's results.
     */
    public void forget(String fairId, String registrationId) {
        List<String> keys = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).indexName(BY_FAIR)
                        .keyConditionExpression("fairId = :f AND registrationId = :r")
                        .expressionAttributeValues(Map.of(":f", s(fairId), ":r", s(registrationId))))
                .items().forEach(item -> keys.add(item.get("surveyKey").s()));
        for (String key : keys) {
            try {
                dynamoDb.deleteItem(b -> b.tableName(table).key(key(key))
                        .conditionExpression("attribute_not_exists(answeredAt)"));
            } catch (ConditionalCheckFailedException answered) {
                anonymise(key);
            }
        }
    }

    private void anonymise(String key) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> anonymous = SurveyItem.anonymous(item);
        Transactions.write(dynamoDb, List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(key))
                        .conditionExpression("attribute_exists(answeredAt)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(anonymous)
                        .conditionExpression("attribute_not_exists(surveyKey)")).build()));
    }
}
