package ma.salonsess.shared.survey;

import static ma.salonsess.shared.dynamo.Items.bool;
import static ma.salonsess.shared.dynamo.Items.m;
import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.dynamo.Transactions;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.text.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("surveyKey", s(key));
    }

    /**
     * Claims the invitation of {@code survey} for sending: true when nobody sent it yet (a claim
     * left SENDING by a failed attempt is taken again). What is recorded of the registrant is
     * refreshed; answers, if any, are untouched.
     */
    public boolean claimInvitation(Survey survey, Instant now, Instant purgeAt) {
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
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(survey.key()))
                    .updateExpression(set.toString() + remove)
                    .conditionExpression("attribute_not_exists(surveyKey) OR invitation = :sending")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyInvited) {
            return false;
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
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Stores the answers: true the first time, false if answered already (nothing changes then). */
    public boolean answer(String key, SurveyAnswers answers, Instant at) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression("SET answers = :answers, answeredAt = :at")
                    .conditionExpression("attribute_exists(surveyKey) AND attribute_not_exists(answeredAt)")
                    .expressionAttributeValues(Map.of(":answers", m(answersItem(answers)), ":at", s(at.toString()))));
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
        List<Survey> surveys = response.items().stream().map(SurveyRepository::fromItem).toList();
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
                .items().forEach(item -> visitor.accept(fromItem(item)));
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

    /** What an answered survey keeps once anonymous: what the results count, nothing else. */
    private static final List<String> KEPT = List.of("fairId", "role", "language", "region", "sector", "workshopIds",
            "invitation", "reminder", "answeredAt", "purgeAt");

    private void anonymise(String key) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> anonymous = new HashMap<>();
        KEPT.stream().filter(item::containsKey).forEach(name -> anonymous.put(name, item.get(name)));
        Map<String, AttributeValue> answers = new HashMap<>(Items.map(item, "answers"));
        answers.remove("comments");
        anonymous.put("answers", m(answers));
        // Random, so that no key or index value leads back to the registrant.
        anonymous.put("surveyKey", s("erased-" + java.util.UUID.randomUUID()));
        anonymous.put("registrationId", s("erased-" + java.util.UUID.randomUUID()));
        Transactions.write(dynamoDb, List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(key))
                        .conditionExpression("attribute_exists(answeredAt)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(anonymous)
                        .conditionExpression("attribute_not_exists(surveyKey)")).build()));
    }

    private static Map<String, AttributeValue> answersItem(SurveyAnswers a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("questionnaire", s(a.questionnaire().name()));
        item.put("satisfaction", n(a.satisfaction()));
        item.put("wouldReturn", bool(a.wouldReturn()));
        if (a.comments() != null) {
            item.put("comments", s(a.comments()));
        }
        if (a.madeSales() != null) {
            item.put("madeSales", bool(a.madeSales()));
        }
        if (a.salesAmountMad() != null) {
            item.put("salesAmountMad", n(a.salesAmountMad()));
        }
        if (a.buyerContacts() != null) {
            item.put("buyerContacts", n(a.buyerContacts()));
        }
        List<AttributeValue> workshops = new ArrayList<>();
        for (SurveyAnswers.WorkshopRating w : a.workshops()) {
            Map<String, AttributeValue> rating = new HashMap<>();
            rating.put("workshopId", s(w.workshopId()));
            rating.put("attended", bool(w.attended()));
            if (w.usefulness() != null) {
                rating.put("usefulness", n(w.usefulness()));
            }
            workshops.add(m(rating));
        }
        item.put("workshops", AttributeValue.fromL(workshops));
        return item;
    }

    static Survey fromItem(Map<String, AttributeValue> item) {
        SurveyAnswers answers = null;
        if (item.containsKey("answers")) {
            var a = Items.map(item, "answers");
            List<SurveyAnswers.WorkshopRating> ratings = new ArrayList<>();
            if (a.containsKey("workshops")) {
                for (AttributeValue w : a.get("workshops").l()) {
                    var r = w.m();
                    ratings.add(new SurveyAnswers.WorkshopRating(r.get("workshopId").s(), r.get("attended").bool(),
                            r.containsKey("usefulness") ? (int) Items.number(r, "usefulness") : null));
                }
            }
            answers = new SurveyAnswers(Questionnaire.valueOf(a.get("questionnaire").s()),
                    (int) Items.number(a, "satisfaction"), a.get("wouldReturn").bool(),
                    Items.optionalString(a, "comments").orElse(null),
                    a.containsKey("madeSales") ? a.get("madeSales").bool() : null,
                    a.containsKey("salesAmountMad") ? (int) Items.number(a, "salesAmountMad") : null,
                    a.containsKey("buyerContacts") ? (int) Items.number(a, "buyerContacts") : null, ratings);
        }
        return new Survey(item.get("surveyKey").s(), item.get("fairId").s(), item.get("registrationId").s(),
                Role.valueOf(item.get("role").s()), Language.fromCode(item.get("language").s()),
                Items.optionalString(item, "region").map(Region::fromCode).orElse(null),
                Items.optionalString(item, "sector").map(Sector::valueOf).orElse(null),
                item.containsKey("workshopIds") ? Items.strings(item, "workshopIds") : List.of(),
                Items.optionalString(item, "invitation").orElse(null),
                Items.optionalString(item, "reminder").orElse(null),
                Items.optionalString(item, "answeredAt").map(Instant::parse).orElse(null), answers);
    }
}
