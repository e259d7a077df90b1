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
import java.util.UUID;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.text.Language;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A survey as an item of the surveys table, and back; the calls to DynamoDB stay in {@link SurveyRepository}. */
final class SurveyItem {
    /** What an answered survey keeps once anonymous: what the results count, nothing else. */
    private static final List<String> KEPT = List.of("fairId", "role", "language", "region", "sector", "workshopIds",
            "invitation", "reminder", "answeredAt", "purgeAt");

    private SurveyItem() {
    }

    static Map<String, AttributeValue> key(String key) {
        return Map.of("surveyKey", s(key));
    }

    static AttributeValue answers(SurveyAnswers a) {
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
        return m(item);
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

    /** An answered survey's item made anonymous: {@link #KEPT}, and the answers without comments. */
    static Map<String, AttributeValue> anonymous(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> anonymous = new HashMap<>();
        KEPT.stream().filter(item::containsKey).forEach(name -> anonymous.put(name, item.get(name)));
        Map<String, AttributeValue> answers = new HashMap<>(Items.map(item, "answers"));
        answers.remove("comments");
        anonymous.put("answers", m(answers));
        // Random, so that no key or index value leads back to the registrant.
        anonymous.put("surveyKey", s("erased-" + UUID.randomUUID()));
        anonymous.put("registrationId", s("erased-" + UUID.randomUUID()));
        return anonymous;
    }
}
