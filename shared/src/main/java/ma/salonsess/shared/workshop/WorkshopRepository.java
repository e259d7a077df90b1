package ma.salonsess.shared.workshop;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.text.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Workshops in the fairs table, in their fair's partition under {@code sk = WORKSHOP#<id>}. */
public final class WorkshopRepository {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public WorkshopRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Creates the workshop if it does not exist yet (its seat counter starts at 0). */
    public void createIfAbsent(Workshop w) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                            "fairId", s(w.fairId()),
                            "sk", s("WORKSHOP#" + w.workshopId()),
                            "type", s("WORKSHOP"),
                            "workshopId", s(w.workshopId()),
                            "title", Items.text(w.title()),
                            "room", s(w.room()),
                            "startsAt", s(w.startsAt().toString()),
                            "endsAt", s(w.endsAt().toString()),
                            "capacity", n(w.capacity()),
                            "language", s(w.language().code())))
                    .conditionExpression("attribute_not_exists(sk)"));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
            // already there: seeding twice changes nothing
        }
    }

    public List<Workshop> programme(String fairId) {
        List<Workshop> workshops = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("fairId = :f AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":f", s(fairId), ":p", s("WORKSHOP#"))))
                .items().forEach(item -> workshops.add(fromItem(item)));
        return workshops;
    }

    static Workshop fromItem(Map<String, AttributeValue> item) {
        return new Workshop(string(item, "fairId"), string(item, "workshopId"), Items.localized(item, "title"),
                string(item, "room"), OffsetDateTime.parse(string(item, "startsAt")),
                OffsetDateTime.parse(string(item, "endsAt")), (int) Items.number(item, "capacity"),
                Language.fromCode(string(item, "language")));
    }
}
