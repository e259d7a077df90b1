package ma.salonsess.shared.survey;

import java.util.List;

/**
 * A registrant's answers. Trade figures ({@code madeSales}, {@code salesAmountMad},
 * {@code buyerContacts}) are an exhibitor's, null for others; {@code workshops} is empty for them.
 */
public record SurveyAnswers(Questionnaire questionnaire, int satisfaction, boolean wouldReturn, String comments,
                            Boolean madeSales, Integer salesAmountMad, Integer buyerContacts,
                            List<WorkshopRating> workshops) {

    public SurveyAnswers {
        workshops = List.copyOf(workshops);
    }

    /** What a registrant says of a workshop they had a seat in; usefulness only if they attended. */
    public record WorkshopRating(String workshopId, boolean attended, Integer usefulness) {
    }
}
