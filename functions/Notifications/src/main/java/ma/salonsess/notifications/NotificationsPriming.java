package ma.salonsess.notifications;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.snapstart.ApiSample;
import ma.salonsess.shared.snapstart.StreamSample;

/**
 * What SnapStart priming (see {@code Priming}) sends the email functions before the snapshot: a
 * badge becoming ready and a seat given from the waiting list (the {@code events/} samples'
 * records, on the priming fair), and an SES bounce as SNS delivers it.
 */
final class NotificationsPriming {
    private NotificationsPriming() {
    }

    static List<DynamodbEvent> records() {
        Map<String, String> before = StreamSample.registration();
        Map<String, String> after = new HashMap<>(before);
        after.put("badgeStatus", "READY");
        String workshop = "WS#" + ApiSample.FAIR + "#" + ApiSample.WORKSHOP;
        Map<String, String> waiting = new HashMap<>(Map.of("pk", workshop, "sk", "S#" + ApiSample.REGISTRATION,
                "type", "SIGNUP", "fairId", ApiSample.FAIR, "workshopId", ApiSample.WORKSHOP,
                "registrationId", ApiSample.REGISTRATION, "status", "WAITLISTED",
                "createdAt", "2026-11-22T09:10:00Z", "updatedAt", "2026-11-22T09:10:00Z"));
        Map<String, String> seated = new HashMap<>(waiting);
        seated.put("status", "CONFIRMED");
        seated.put("updatedAt", "2026-11-22T09:16:00Z");
        return List.of(
                StreamSample.of("MODIFY", StreamSample.registrationKeys(), after, before),
                StreamSample.of("MODIFY", Map.of("pk", workshop, "sk", "S#" + ApiSample.REGISTRATION), seated,
                        waiting));
    }

    static List<Map<String, Object>> feedback() {
        String bounce = "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                + "\"bouncedRecipients\":[{\"emailAddress\":\"priming@example.org\"}]}}";
        return List.of(Map.of("Records", List.of(Map.of("EventSource", "aws:sns",
                "Sns", Map.of("Type", "Notification", "Message", bounce)))));
    }
}
