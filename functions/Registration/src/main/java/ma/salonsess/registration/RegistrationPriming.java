package ma.salonsess.registration;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.UUID;
import ma.salonsess.shared.snapstart.ApiSample;

/**
 * The requests SnapStart priming sends through {@link RegistrationHandler} (see
 * {@code Priming}): each route once, as in {@code events/}, plus a form with errors, so that
 * validation, problem answers and the SDK requests of a registration are loaded before the snapshot.
 */
final class RegistrationPriming {
    private static final String EXHIBITOR = "{\"role\": \"EXHIBITOR\", \"firstName\": \"Fatima Zahra\", "
            + "\"lastName\": \"El Idrissi\", \"arabicName\": \"فاطمة الزهراء الإدريسي\", "
            + "\"email\": \"priming@example.org\", \"phone\": \"+212 661-234567\", \"language\": \"ar\", "
            + "\"organisation\": {\"name\": \"Coopérative Tighanimine\", \"type\": \"COOPERATIVE\", "
            + "\"region\": \"MA-09\", \"sector\": \"LOCAL_PRODUCE\"}, "
            + "\"consent\": {\"dataProcessing\": true, \"photos\": true, \"shareWithExhibitors\": true}}";

    private RegistrationPriming() {
    }

    static List<APIGatewayV2HTTPEvent> samples() {
        return List.of(
                ApiSample.of(RegistrationHandler.REGISTER).json(EXHIBITOR)
                        .header("idempotency-key", UUID.randomUUID().toString()).build(),
                ApiSample.of(RegistrationHandler.REGISTER).json(EXHIBITOR.replace("priming@", "")).build(),
                ApiSample.of(RegistrationHandler.REGISTER).json("{\"role\": \"VISITOR\", \"email\": \"x\"}").build(),
                ApiSample.of(RegistrationHandler.READ).bearer().build(),
                ApiSample.of(RegistrationHandler.ERASE).bearer().build(),
                ApiSample.of(RegistrationHandler.REQUEST_ACCESS_LINK).json("{\"email\": \"priming@example.org\"}")
                        .build(),
                ApiSample.of(RegistrationHandler.REDEEM_ACCESS_LINK).json("{\"secret\": \"" + "B".repeat(43) + "\"}")
                        .build());
    }
}
