package ma.salonsess.shared.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The survey mapper on its own, without DynamoDB. */
class SurveyItemTest {
    private static final Instant ANSWERED = Instant.parse("2026-05-06T18:00:00Z");
    private static final SurveyAnswers ANSWERS = new SurveyAnswers(Questionnaire.VISITOR, 4, true, "Très bien",
            null, null, null, List.of(new SurveyAnswers.WorkshopRating("atelier", true, 5),
            new SurveyAnswers.WorkshopRating("autre", false, null)));

    private static Map<String, AttributeValue> answeredItem() {
        Map<String, AttributeValue> item = new HashMap<>(SurveyItem.key("key-1"));
        item.put("fairId", AttributeValue.fromS("salon"));
        item.put("registrationId", AttributeValue.fromS("reg-1"));
        item.put("role", AttributeValue.fromS(Role.VISITOR.name()));
        item.put("language", AttributeValue.fromS("fr"));
        item.put("region", AttributeValue.fromS(Region.ORIENTAL.code()));
        item.put("workshopIds", Items.list(List.of("atelier", "autre")));
        item.put("invitation", AttributeValue.fromS("SENT"));
        item.put("answeredAt", AttributeValue.fromS(ANSWERED.toString()));
        item.put("answers", SurveyItem.answers(ANSWERS));
        return item;
    }

    @Test
    void anAnsweredSurveyReadsBack() {
        assertEquals(new Survey("key-1", "salon", "reg-1", Role.VISITOR, Language.FR, Region.ORIENTAL, null,
                List.of("atelier", "autre"), "SENT", null, ANSWERED, ANSWERS), SurveyItem.fromItem(answeredItem()));
    }

    @Test
    void anAnonymousCopyKeepsWhatTheResultsCountAndNothingThatLeadsBack() {
        Map<String, AttributeValue> anonymous = SurveyItem.anonymous(answeredItem());

        assertTrue(anonymous.get("surveyKey").s().startsWith("erased-"));
        assertTrue(anonymous.get("registrationId").s().startsWith("erased-"));
        assertFalse(anonymous.get("answers").m().containsKey("comments"));
        Survey read = SurveyItem.fromItem(anonymous);
        assertEquals(4, read.answers().satisfaction());
        assertEquals(ANSWERS.workshops(), read.answers().workshops());
        assertEquals(Region.ORIENTAL, read.region());
    }
}
