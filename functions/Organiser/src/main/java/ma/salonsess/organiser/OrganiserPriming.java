package ma.salonsess.organiser;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import ma.salonsess.shared.snapstart.ApiSample;

/**
 * The requests SnapStart priming (see {@code Priming}) sends through {@link OrganiserHandler}
 * before the snapshot: a fair and a workshop saved, as in {@code events/}, and a workshop's list.
 */
final class OrganiserPriming {
    private OrganiserPriming() {
    }

    static List<APIGatewayV2HTTPEvent> samples() {
        return List.of(
                ApiSample.of(OrganiserHandler.PUT_FAIR).organiser(true).json("{\"name\": {\"fr\": \"Foire régionale "
                        + "Souss-Massa\", \"ar\": \"المعرض الجهوي سوس ماسة\"}, \"city\": \"Agadir\", \"venue\": "
                        + "\"Place Al Amal\", \"startDate\": \"2027-03-18\", \"endDate\": \"2027-03-21\", "
                        + "\"timeZone\": \"Africa/Casablanca\", \"organiserEmails\": [\"priming@example.org\"], "
                        + "\"defaultLanguage\": \"fr\"}").build(),
                ApiSample.of(OrganiserHandler.PUT_WORKSHOP).organiser(false).json("{\"title\": {\"fr\": \"Gestion "
                        + "financière\", \"ar\": \"التدبير المالي\"}, \"room\": \"Salle B\", "
                        + "\"startsAt\": \"2027-03-18T10:00:00+01:00\", \"endsAt\": \"2027-03-18T12:00:00+01:00\", "
                        + "\"capacity\": 30, \"language\": \"fr\"}").build(),
                ApiSample.of(OrganiserHandler.SIGNUPS).organiser(false).build());
    }
}
