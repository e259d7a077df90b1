package ma.salonsess.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import ma.salonsess.registration.RegistrationHandler;
import ma.salonsess.shared.config.Env;

/**
 * Run in a fresh JVM on the deployable jar's classpath: builds the registration handler as Lambda
 * does (once, from the environment) and answers one registration. Prints the status.
 * Arguments: fairId, email.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        RegistrationHandler handler = new RegistrationHandler(Env.system());
        String body = "{\"role\":\"VISITOR\",\"firstName\":\"Amina\",\"lastName\":\"Alaoui\",\"email\":\"" + args[1]
                + "\",\"language\":\"fr\",\"consent\":{\"dataProcessing\":true}}";
        var event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /fairs/{fairId}/registrations")
                .withRawPath("/fairs/" + args[0] + "/registrations")
                .withPathParameters(Map.of("fairId", args[0]))
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .build();
        System.out.println("STATUS " + handler.handleRequest(event, null).getStatusCode());
    }
}
