package ma.salonsess.shared.fair;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.LocalizedTextJson;

/** A fair as the API shows it. */
public final class FairView {
    private FairView() {
    }

    public static ObjectNode of(Fair fair) {
        ObjectNode node = Json.object();
        node.put("fairId", fair.fairId());
        node.set("name", LocalizedTextJson.of(fair.name()));
        node.put("city", fair.city());
        node.put("venue", fair.venue());
        node.put("startDate", fair.startDate().toString());
        node.put("endDate", fair.endDate().toString());
        node.put("timeZone", fair.timeZone().getId());
        var organisers = node.putArray("organiserEmails");
        fair.organiserEmails().forEach(organisers::add);
        node.put("defaultLanguage", fair.defaultLanguage().code());
        var stewards = node.putArray("stewardEmails");
        fair.stewardEmails().forEach(stewards::add);
        var supervisors = node.putArray("supervisorEmails");
        fair.supervisorEmails().forEach(supervisors::add);
        if (fair.hallCapacity() > 0) {
            node.put("hallCapacity", fair.hallCapacity());
        }
        node.put("surveyAdmittedOnly", fair.surveyAdmittedOnly());
        return node;
    }
}
