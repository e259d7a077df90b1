package ma.salonsess.surveys;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.snapstart.ApiSample;

/**
 * What SnapStart priming (see {@code Priming}) sends the survey functions before the snapshot:
 * each survey route (a token of the right shape that no one holds), and a dispatch's schedule input.
 */
final class SurveysPriming {
    private static final String TOKEN = "SV1" + "A".repeat(43);

    private SurveysPriming() {
    }

    static List<APIGatewayV2HTTPEvent> samples() {
        return List.of(
                ApiSample.of(SurveysHandler.QUESTIONNAIRE).path("token", TOKEN).build(),
                ApiSample.of(SurveysHandler.ANSWER).path("token", TOKEN).json("{\"satisfaction\": 4, \"workshops\": "
                        + "[{\"workshopId\": \"" + ApiSample.WORKSHOP + "\", \"attended\": true, \"usefulness\": 5}], "
                        + "\"wouldReturn\": true, \"comments\": \"Très bon salon\"}").build(),
                ApiSample.of(SurveysHandler.DISPATCH).organiser(false).build(),
                ApiSample.of(SurveysHandler.RESULTS).organiser(false).build());
    }

    static List<Map<String, Object>> dispatch() {
        return List.of(Map.of("fairId", ApiSample.FAIR, "round", "INVITATIONS"));
    }
}
