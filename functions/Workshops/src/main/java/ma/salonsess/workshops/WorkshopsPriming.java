package ma.salonsess.workshops;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import ma.salonsess.shared.snapstart.ApiSample;

/**
 * The requests SnapStart priming sends through {@link WorkshopsHandler} (see {@code Priming}):
 * the fair, the programme, a sign-up (and one with a bad body) and a cancellation.
 */
final class WorkshopsPriming {
    private WorkshopsPriming() {
    }

    static List<APIGatewayV2HTTPEvent> samples() {
        String signup = "{\"registrationId\": \"" + ApiSample.REGISTRATION + "\"}";
        return List.of(
                ApiSample.of(WorkshopsHandler.FAIR).build(),
                ApiSample.of(WorkshopsHandler.PROGRAMME).build(),
                ApiSample.of(WorkshopsHandler.SIGN_UP).bearer().json(signup).build(),
                ApiSample.of(WorkshopsHandler.SIGN_UP).bearer().json("{\"registrationId\": 7}").build(),
                ApiSample.of(WorkshopsHandler.CANCEL).bearer().build());
    }
}
