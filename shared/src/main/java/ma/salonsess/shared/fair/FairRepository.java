package ma.salonsess.shared.fair;

import static ma.salonsess.shared.dynamo.Items.list;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;
import static ma.salonsess.shared.dynamo.Items.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.text.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    public void save(Fair fair) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("fairId", s(fair.fairId()));
        item.put("sk", s(FAIR_SORT_KEY));
        item.put("type", s("FAIR"));
        item.put("name", text(fair.name()));
        item.put("city", s(fair.city()));
        item.put("venue", s(fair.venue()));
        item.put("startDate", s(fair.startDate().toString()));
        item.put("endDate", s(fair.endDate().toString()));
        item.put("timeZone", s(fair.timeZone().getId()));
        item.put("organiserEmails", list(fair.organiserEmails()));
        item.put("defaultLanguage", s(fair.defaultLanguage().code()));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    /** When the last digest of the fair went out, if one did. */
    public Optional<java.time.Instant> lastDigestAt(String fairId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("fairId", s(fairId), "sk", s(FAIR_SORT_KEY)))).item();
        return item == null ? Optional.empty()
                : Items.optionalString(item, "lastDigestAt").map(java.time.Instant::parse);
    }

    public void digestSent(String fairId, java.time.Instant at) {
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("fairId", s(fairId), "sk", s(FAIR_SORT_KEY)))
                .updateExpression("SET lastDigestAt = :at").conditionExpression("attribute_exists(sk)")
                .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    }

    /** Every fair (a small table: a few dozen fairs a year); for the daily digest. */
    public java.util.List<Fair> all() {
        java.util.List<Fair> fairs = new java.util.ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).filterExpression("sk = :fair")
                        .expressionAttributeValues(Map.of(":fair", s(FAIR_SORT_KEY))))
                .items().forEach(item -> fairs.add(fromItem(item)));
        return fairs;
    }

    static Fair fromItem(Map<String, AttributeValue> item) {
        return new Fair(string(item, "fairId"), Items.localized(item, "name"), string(item, "city"),
                string(item, "venue"), LocalDate.parse(string(item, "startDate")),
                LocalDate.parse(string(item, "endDate")), ZoneId.of(string(item, "timeZone")),
                Items.strings(item, "organiserEmails"),
                Items.optionalString(item, "defaultLanguage").map(Language::fromCode).orElse(Language.FR));
    }
}
