package ma.salonsess.shared.signup;

import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import ma.salonsess.shared.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Signups and agendas as items of the signups table (keys as {@link SignupRepository} describes
 * them), and back; the calls to DynamoDB stay in the repository.
 */
final class SignupItem {
    static final String TYPE_PLACE = "PLACE";

    private SignupItem() {
    }

    static String workshopKey(String fairId, String workshopId) {
        return "WS#" + fairId + "#" + workshopId;
    }

    static Map<String, AttributeValue> signupKey(String fairId, String workshopId, String registrationId) {
        return Map.of("pk", s(workshopKey(fairId, workshopId)), "sk", s("S#" + registrationId));
    }

    static String lineKey(String fairId, String workshopId) {
        return "LINE#" + fairId + "#" + workshopId;
    }

    /** Zero-padded, so that the line sorts by ticket. */
    static String ticketKey(long ticket) {
        return String.format("T#%010d", ticket);
    }

    static Map<String, AttributeValue> placeKey(String fairId, String workshopId, long ticket) {
        return Map.of("pk", s(lineKey(fairId, workshopId)), "sk", s(ticketKey(ticket)));
    }

    /**
     * A place in line: its ticket and who holds it. When its holder leaves the line the item stays,
     * without the registration, marked {@code left}: the places behind are counted from it.
     */
    static Map<String, AttributeValue> placeItem(String fairId, String workshopId, long ticket, String registrationId) {
        Map<String, AttributeValue> item = new HashMap<>(placeKey(fairId, workshopId, ticket));
        item.put("type", s(TYPE_PLACE));
        item.put("ticket", Items.n(ticket));
        if (registrationId == null) {
            item.put("left", AttributeValue.fromBool(true));
        } else {
            item.put("registrationId", s(registrationId));
        }
        return item;
    }

    static Map<String, AttributeValue> agendaKey(String fairId, String registrationId) {
        return Map.of("pk", s("AG#" + fairId + "#" + registrationId), "sk", s("AGENDA"));
    }

    static Map<String, AttributeValue> signupItem(String fairId, String workshopId, String registrationId,
                                                  Signup.Status status, Instant now, long ticket) {
        Map<String, AttributeValue> item = new HashMap<>(signupKey(fairId, workshopId, registrationId));
        item.put("type", s(SignupRepository.TYPE_SIGNUP));
        item.put("fairId", s(fairId));
        item.put("workshopId", s(workshopId));
        item.put("registrationId", s(registrationId));
        item.put("status", s(status.name()));
        item.put("createdAt", s(now.toString()));
        item.put("updatedAt", s(now.toString()));
        if (ticket > 0) {
            item.put("ticket", Items.n(ticket));
        }
        return item;
    }

    static Signup fromItem(Map<String, AttributeValue> item) {
        return new Signup(string(item, "fairId"), string(item, "workshopId"), string(item, "registrationId"),
                Signup.Status.valueOf(string(item, "status")),
                Instant.parse(string(item, "createdAt")), Instant.parse(string(item, "updatedAt")),
                item.containsKey("ticket") ? Items.number(item, "ticket") : 0);
    }

    static Agenda agenda(Map<String, AttributeValue> item) {
        AttributeValue confirmed = item.get("confirmed");
        return new Agenda(confirmed == null || !confirmed.hasSs() ? Set.of() : new HashSet<>(confirmed.ss()),
                Items.number(item, "version"));
    }
}
