package ma.salonsess.surveys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.survey.Questionnaire;
import ma.salonsess.shared.survey.Survey;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.time.Rfc3339;
import ma.salonsess.shared.workshop.ScheduledWorkshop;

/** The questionnaire as the survey page shows it, worded in the registrant's language. */
final class QuestionnaireView {
    private QuestionnaireView() {
    }

    static ObjectNode of(Survey survey, Fair fair, Map<String, ScheduledWorkshop> heldSeats) {
        Language language = survey.language();
        ObjectNode node = Json.object();
        node.put("questionnaire", survey.questionnaire().name());
        node.put("language", language.code());
        node.put("direction", language.rightToLeft() ? "rtl" : "ltr");
        node.putObject("fair").put("name", fair.name().in(language)).put("city", fair.city())
                .put("startDate", fair.startDate().toString()).put("endDate", fair.endDate().toString());
        node.put("answered", survey.answered());
        if (survey.answered()) {
            node.put("answeredAt", Rfc3339.format(survey.answeredAt()));
        }
        var questions = node.putArray("questions");
        for (Questionnaire.Question q : survey.questionnaire().questions()) {
            if (q == Questionnaire.Question.WORKSHOPS && heldSeats.isEmpty()) {
                continue; // nothing to ask of someone who held no seat
            }
            ObjectNode question = questions.addObject().put("id", q.field()).put("type", q.kind())
                    .put("required", q.required()).put("label", q.label().in(language));
            switch (q) {
                case SATISFACTION -> question.put("min", 1).put("max", 5);
                case SALES_AMOUNT -> question.put("min", 0).put("max", Questionnaire.MAX_SALES_MAD);
                case BUYER_CONTACTS -> question.put("min", 0).put("max", Questionnaire.MAX_BUYER_CONTACTS);
                case COMMENTS -> question.put("maxLength", Questionnaire.MAX_COMMENTS);
                case WORKSHOPS -> {
                    var offered = question.putArray("workshops");
                    for (ScheduledWorkshop w : heldSeats.values()) {
                        offered.addObject().put("workshopId", w.workshop().workshopId())
                                .put("title", w.workshop().title().in(language))
                                .put("startsAt", Rfc3339.format(w.workshop().startsAt()));
                    }
                }
                default -> {
                }
            }
        }
        return node;
    }
}
