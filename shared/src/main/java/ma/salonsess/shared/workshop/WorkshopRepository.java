package ma.salonsess.shared.workshop;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import ma.salonsess.shared.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Workshops in the fairs table, in their fair's partition under {@code sk = WORKSHOP#<id>}, with
 * their seat and waiting-list counters ({@link Seats}) on the same item; the places in line are
 * items of the signups table, so a workshop item stays small however long its line.
 */
public final class WorkshopRepository {
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** Saving would leave fewer seats than people already confirmed. */
    public static final class CapacityBelowSeatsTaken extends RuntimeException {
        private final int seatsTaken;

        CapacityBelowSeatsTaken(int seatsTaken) {
            super("Capacity below seats taken", null, false, false);
            this.seatsTaken = seatsTaken;
        }

        public int seatsTaken() {
            return seatsTaken;
        }
    }

    public WorkshopRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public String table() {
        return table;
    }

    public static Map<String, AttributeValue> key(String fairId, String workshopId) {
        return Map.of("fairId", s(fairId), "sk", s("WORKSHOP#" + workshopId));
    }

    /**
     * Creates the workshop or updates what organisers describe, never its counters; refuses a
     * capacity below the seats already taken. Returns true when it was created.
     */
    public boolean save(Workshop w) {
        // Every name aliased: several (capacity, language, type...) are DynamoDB reserved words.
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        BiConsumer<String, AttributeValue> set = (name, value) -> {
            names.put("#" + name, name);
            values.put(":" + name, value);
            sets.add("#" + name + " = :" + name);
        };
        set.accept("type", s("WORKSHOP"));
        set.accept("workshopId", s(w.workshopId()));
        set.accept("title", Items.text(w.title()));
        set.accept("room", s(w.room()));
        set.accept("startsAt", s(w.startsAt().toString()));
        set.accept("endsAt", s(w.endsAt().toString()));
        set.accept("capacity", n(w.capacity()));
        set.accept("language", s(w.language().code()));
        values.put(":zero", n(0));
        for (String counter : List.of("seatsTaken", "ticketsIssued", "waiting")) {
            names.put("#" + counter, counter);
            sets.add("#" + counter + " = if_not_exists(#" + counter + ", :zero)");
        }
        names.put("#left", "left");
        values.put(":empty", AttributeValue.fromM(Map.of()));
        sets.add("#left = if_not_exists(#left, :empty)");
        names.put("#description", "description");
        StringBuilder update = new StringBuilder("SET " + String.join(", ", sets));
        if (w.description() != null) {
            values.put(":description", Items.text(w.description()));
            update.append(", #description = :description");
        } else {
            update.append(" REMOVE #description");
        }
        names.put("#sk", "sk");
        try {
            var result = dynamoDb.updateItem(b -> b.tableName(table).key(key(w.fairId(), w.workshopId()))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_not_exists(#sk) OR #seatsTaken <= :capacity")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues("UPDATED_OLD")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return !result.hasAttributes() || !result.attributes().containsKey("workshopId");
        } catch (ConditionalCheckFailedException e) {
            throw new CapacityBelowSeatsTaken((int) Items.number(e.item(), "seatsTaken"));
        }
    }

    public Optional<ScheduledWorkshop> find(String fairId, String workshopId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(fairId, workshopId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(WorkshopItem.fromItem(item));
    }

    /** The fair's workshops, by start time. */
    public List<ScheduledWorkshop> programme(String fairId) {
        return programme(fairId, true);
    }

    /**
     * The programme as the public sees it: an eventually consistent read (half the units, and
     * the answer is cached a few seconds anyway), a few hundred bytes a workshop whatever its line.
     */
    public List<ScheduledWorkshop> publicProgramme(String fairId) {
        return programme(fairId, false);
    }

    private List<ScheduledWorkshop> programme(String fairId, boolean consistent) {
        List<ScheduledWorkshop> workshops = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(consistent)
                        .keyConditionExpression("fairId = :f AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":f", s(fairId), ":p", s("WORKSHOP#"))))
                .items().forEach(item -> workshops.add(WorkshopItem.fromItem(item)));
        workshops.sort((a, b) -> a.workshop().startsAt().compareTo(b.workshop().startsAt()));
        return workshops;
    }

    /** The workshop's item as it is stored, read strongly consistent; empty when there is none. */
    public Map<String, AttributeValue> item(String fairId, String workshopId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(fairId, workshopId)).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /** The waiting list of an item written before places had items of their own: registration to ticket. */
    public static Map<String, Long> oldLineOf(Map<String, AttributeValue> item) {
        return WorkshopItem.oldLine(item);
    }

    /** The seats and waiting-list counters of a workshop item. */
    public static Seats seatsOf(Map<String, AttributeValue> item) {
        return WorkshopItem.seats(item);
    }
}
