package ma.salonsess.shared.workshop;

import static ma.salonsess.shared.dynamo.Items.string;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.text.Language;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A workshop as an item of the fairs table (under its fair), and back; the calls to DynamoDB stay
 * in {@link WorkshopRepository}.
 */
final class WorkshopItem {
    private WorkshopItem() {
    }

    static ScheduledWorkshop fromItem(Map<String, AttributeValue> item) {
        Workshop workshop = new Workshop(string(item, "fairId"), string(item, "workshopId"),
                Items.localized(item, "title"),
                item.containsKey("description") ? Items.localized(item, "description") : null,
                string(item, "room"), OffsetDateTime.parse(string(item, "startsAt")),
                OffsetDateTime.parse(string(item, "endsAt")), (int) Items.number(item, "capacity"),
                Language.fromCode(string(item, "language")));
        return new ScheduledWorkshop(workshop, seats(item));
    }

    static Seats seats(Map<String, AttributeValue> item) {
        Map<Long, Integer> left = new HashMap<>();
        Items.map(item, "left").forEach((block, count) -> left.put(Long.parseLong(block), Integer.parseInt(count.n())));
        boolean lineInPlaces = item.containsKey("waiting") && item.containsKey("left") && !item.containsKey("waitlist");
        return new Seats((int) Items.number(item, "capacity"), (int) Items.number(item, "seatsTaken"),
                item.containsKey("ticketsIssued") ? Items.number(item, "ticketsIssued") : 0,
                // A line still kept the old way is counted from its map until a request moves it.
                item.containsKey("waiting") ? (int) Items.number(item, "waiting") : oldLine(item).size(), left,
                lineInPlaces);
    }

    /** The line as it was kept on the item before places had items of their own: registration to ticket. */
    static Map<String, Long> oldLine(Map<String, AttributeValue> item) {
        Map<String, Long> line = new HashMap<>();
        Items.map(item, "waitlist")
                .forEach((registrationId, ticket) -> line.put(registrationId, Long.parseLong(ticket.n())));
        return line;
    }
}
