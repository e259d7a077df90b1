package ma.salonsess.shared.fair;

import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fairs in the fairs table: one item per fair with sort key {@code FAIR}; the fair's workshops
 * share its partition, so its programme is one query.
 */
public final class FairRepository {
    static final String FAIR_SORT_KEY = "FAIR";
    private final DynamoDbClient dynamoDb;
    private final String table;

    public FairRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public Optional<Fair> find(String fairId) {
        var item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("fairId", s(fairId), "sk", s(FAIR_SORT_KEY)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(FairItem.fromItem(item));
    }

    public void save(Fair fair) {
        Map<String, AttributeValue> item = FairItem.toItem(fair);
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    /**
     * An organiser's save: everything but {@code organiserEmails}, which only admins set (the gate
     * staff are the organisers' to name), and only
     * while {@code organiserEntry} is still among them (an admin may have just removed it).
     *
     * @return false when the fair is gone or the organiser no longer is one; nothing was written
     */
    public boolean updateAsOrganiser(Fair fair, String organiserEntry) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":name", text(fair.name()));
        values.put(":city", s(fair.city()));
        values.put(":venue", s(fair.venue()));
        values.put(":start", s(fair.startDate().toString()));
        values.put(":end", s(fair.endDate().toString()));
        values.put(":zone", s(fair.timeZone().getId()));
        values.put(":language", s(fair.defaultLanguage().code()));
        values.put(":me", s(organiserEntry));
        values.put(":stewards", Items.list(fair.stewardEmails()));
        values.put(":supervisors", Items.list(fair.supervisorEmails()));
        values.put(":hall", Items.n(fair.hallCapacity()));
        values.put(":admittedOnly", AttributeValue.fromBool(fair.surveyAdmittedOnly()));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("fairId", s(fair.fairId()), "sk", s(FAIR_SORT_KEY)))
                    .updateExpression("SET #name = :name, #city = :city, #venue = :venue, #start = :start, "
                            + "#end = :end, #zone = :zone, #language = :language, stewardEmails = :stewards, "
                            + "supervisorEmails = :supervisors, hallCapacity = :hall, surveyAdmittedOnly = :admittedOnly")
                    .conditionExpression("attribute_exists(sk) AND contains(organiserEmails, :me)")
                    // Aliases throughout: NAME and others are DynamoDB reserved words.
                    .expressionAttributeNames(Map.of("#name", "name", "#city", "city", "#venue", "venue",
                            "#start", "startDate", "#end", "endDate", "#zone", "timeZone", "#language", "defaultLanguage"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** When the last digest of the fair went out, if one did. */
    public Optional<Instant> lastDigestAt(String fairId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("fairId", s(fairId), "sk", s(FAIR_SORT_KEY)))).item();
        return item == null ? Optional.empty()
                : Items.optionalString(item, "lastDigestAt").map(Instant::parse);
    }

    public void digestSent(String fairId, Instant at) {
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("fairId", s(fairId), "sk", s(FAIR_SORT_KEY)))
                .updateExpression("SET lastDigestAt = :at").conditionExpression("attribute_exists(sk)")
                .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    }

    /** Every fair (a small table: a few dozen fairs a year); for the daily digest. */
    public List<Fair> all() {
        List<Fair> fairs = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).filterExpression("sk = :fair")
                        .expressionAttributeValues(Map.of(":fair", s(FAIR_SORT_KEY))))
                .items().forEach(item -> fairs.add(FairItem.fromItem(item)));
        return fairs;
    }
}
