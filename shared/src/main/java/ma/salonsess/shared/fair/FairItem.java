package ma.salonsess.shared.fair;

import static ma.salonsess.shared.dynamo.Items.list;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;
import static ma.salonsess.shared.dynamo.Items.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.text.Language;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A fair as an item of the fairs table, and back; the calls to DynamoDB stay in {@link FairRepository}. */
final class FairItem {
    private FairItem() {
    }

    static Map<String, AttributeValue> toItem(Fair fair) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("fairId", s(fair.fairId()));
        item.put("sk", s(FairRepository.FAIR_SORT_KEY));
        item.put("type", s("FAIR"));
        item.put("name", text(fair.name()));
        item.put("city", s(fair.city()));
        item.put("venue", s(fair.venue()));
        item.put("startDate", s(fair.startDate().toString()));
        item.put("endDate", s(fair.endDate().toString()));
        item.put("timeZone", s(fair.timeZone().getId()));
        item.put("organiserEmails", list(fair.organiserEmails()));
        item.put("defaultLanguage", s(fair.defaultLanguage().code()));
        item.put("stewardEmails", list(fair.stewardEmails()));
        item.put("supervisorEmails", list(fair.supervisorEmails()));
        item.put("hallCapacity", Items.n(fair.hallCapacity()));
        item.put("surveyAdmittedOnly", AttributeValue.fromBool(fair.surveyAdmittedOnly()));
        return item;
    }

    static Fair fromItem(Map<String, AttributeValue> item) {
        return new Fair(string(item, "fairId"), Items.localized(item, "name"), string(item, "city"),
                string(item, "venue"), LocalDate.parse(string(item, "startDate")),
                LocalDate.parse(string(item, "endDate")), ZoneId.of(string(item, "timeZone")),
                Items.strings(item, "organiserEmails"),
                Items.optionalString(item, "defaultLanguage").map(Language::fromCode).orElse(Language.FR),
                Items.strings(item, "stewardEmails"), Items.strings(item, "supervisorEmails"),
                item.containsKey("hallCapacity") ? (int) Items.number(item, "hallCapacity") : 0,
                item.containsKey("surveyAdmittedOnly") && Boolean.TRUE.equals(item.get("surveyAdmittedOnly").bool()));
    }
}
