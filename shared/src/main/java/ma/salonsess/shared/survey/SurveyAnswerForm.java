package ma.salonsess.shared.survey;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.validation.FormReader;

/** Reads the answers to a questionnaire, naming every field that is wrong. */
public final class SurveyAnswerForm {
    private SurveyAnswerForm() {
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(SurveyAnswers answers) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    /**
     * @param offeredWorkshops the workshops this registrant held a seat in: the only ones they
     *                         may rate
     */
    public static Result read(JsonNode body, Questionnaire questionnaire, Set<String> offeredWorkshops) {
        FormReader form = new FormReader();
        Set<String> known = new LinkedHashSet<>();
        questionnaire.questions().forEach(q -> known.add(q.field()));
        form.rejectUnknown(body, "", known);
        Optional<Integer> satisfaction = form.integer(body, "satisfaction", "satisfaction", true, 1, 5);
        Optional<Boolean> wouldReturn = form.bool(body, "wouldReturn", "wouldReturn", true);
        Optional<String> comments = comments(form, body);
        Boolean madeSales = null;
        Integer salesAmount = null;
        Integer buyerContacts = null;
        List<SurveyAnswers.WorkshopRating> ratings = new ArrayList<>();
        if (questionnaire == Questionnaire.EXHIBITOR) {
            madeSales = form.bool(body, "madeSales", "madeSales", true).orElse(null);
            salesAmount = form.integer(body, "salesAmountMad", "salesAmountMad", false, 0, Questionnaire.MAX_SALES_MAD)
                    .orElse(null);
            if (Boolean.FALSE.equals(madeSales) && salesAmount != null && salesAmount > 0) {
                form.fail("salesAmountMad", "inconsistent", "A sales amount is given, but no sales were made.");
            }
            buyerContacts = form.integer(body, "buyerContacts", "buyerContacts", true, 0,
                    Questionnaire.MAX_BUYER_CONTACTS).orElse(null);
        } else {
            readWorkshops(form, body, offeredWorkshops, ratings);
        }
        if (form.hasErrors()) {
            return new Invalid(form.errors());
        }
        return new Valid(new SurveyAnswers(questionnaire, satisfaction.orElseThrow(), wouldReturn.orElseThrow(),
                comments.orElse(null), madeSales, salesAmount, buyerContacts, ratings));
    }

    /**
     * Free text over several lines: line breaks and tabs are kept; other control, invisible and
     * bidi-control characters and broken surrogates are refused, as in every one-line text.
     */
    private static Optional<String> comments(FormReader form, JsonNode body) {
        JsonNode value = body.get("comments");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            form.fail("comments", "invalid_type", "This field must be a string.");
            return Optional.empty();
        }
        String text = Normalizer.normalize(value.asText(), Normalizer.Form.NFC).strip();
        if (text.codePointCount(0, text.length()) > Questionnaire.MAX_COMMENTS) {
            form.fail("comments", "too_long", "At most " + Questionnaire.MAX_COMMENTS + " characters.");
            return Optional.empty();
        }
        if (text.codePoints().anyMatch(c -> FormReader.invisible(c) && c != '\n' && c != '\r' && c != '\t')) {
            form.fail("comments", "invalid_characters",
                    "Control, invisible and direction-changing characters other than line breaks are not allowed.");
            return Optional.empty();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static void readWorkshops(FormReader form, JsonNode body, Set<String> offered,
                                      List<SurveyAnswers.WorkshopRating> ratings) {
        JsonNode list = body.get("workshops");
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray() || list.size() > offered.size()) {
            form.fail("workshops", "invalid_type", "Must be a list of at most " + offered.size()
                    + " workshops, those you had a seat in.");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "workshops." + i;
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                form.fail(field, "invalid_type", "This item must be an object.");
                continue;
            }
            form.rejectUnknown(item, field + ".", Set.of("workshopId", "attended", "usefulness"));
            Optional<String> id = form.text(item, "workshopId", field + ".workshopId", true, 100);
            Optional<Boolean> attended = form.bool(item, "attended", field + ".attended", true);
            Optional<Integer> usefulness = form.integer(item, "usefulness", field + ".usefulness",
                    attended.orElse(false), 1, 5);
            if (id.isPresent() && !offered.contains(id.get())) {
                form.fail(field + ".workshopId", "not_offered", "You had no seat in this workshop.");
            } else if (id.isPresent() && !seen.add(id.get())) {
                form.fail(field + ".workshopId", "duplicate", "This workshop is already rated above.");
            }
            if (attended.isPresent() && !attended.get() && usefulness.isPresent()) {
                form.fail(field + ".usefulness", "inconsistent", "Rate only a workshop you attended.");
            }
            if (id.isPresent() && attended.isPresent()) {
                ratings.add(new SurveyAnswers.WorkshopRating(id.get(), attended.get(), usefulness.orElse(null)));
            }
        }
    }
}
