package ma.salonsess.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract holds answers to their formats too, not only to their shape. */
class OpenApiContractTest {
    private static final OpenApiContract API = OpenApiContract.load();
    private static final String ANSWER = "POST /surveys/{token}";

    private static APIGatewayV2HTTPResponse answered(String answeredAt) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"status\":\"ANSWERED\",\"answeredAt\":\"" + answeredAt + "\"}").build();
    }

    @Test
    void anRfc3339DateTimePasses() {
        API.assertMatches(ANSWER, answered("2026-12-10T10:00:00+01:00"));
        API.assertMatches(ANSWER, answered("2026-12-10T09:00:00.250Z"));
    }

    @Test
    void aDateTimeWithoutSecondsFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> API.assertMatches(ANSWER, answered("2026-12-10T10:00+01:00")));
        assertTrue(error.getMessage().contains("answeredAt"), error.getMessage());
    }

    @Test
    void aDateTimeThatIsNoDateFails() {
        assertThrows(AssertionError.class, () -> API.assertMatches(ANSWER, answered("tomorrow morning")));
    }
}
