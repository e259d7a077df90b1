package ma.salonsess.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.snapstart.Priming;

/**
 * Run in a fresh JVM on a function's deployable jar: builds the handler as Lambda does, primes it
 * as SnapStart would before its snapshot (or not), then times its first request and, in the same
 * JVM, the median of the next ones. Prints {@code FIRST ms}, {@code WARM_P50 ms}, {@code PRIMING ms}.
 * Arguments: registration|programme, primed|unprimed, fairId, warm requests.
 *
 * <p>Self-contained: its class file alone is put beside the jar, so it builds its own events
 * rather than sharing the other probes' (nothing else of this module is on that classpath).
 */
public final class PrimingProbe {
    private PrimingProbe() {
    }

    public static void main(String[] args) throws Exception {
        String which = args[0];
        boolean primed = args[1].equals("primed");
        String fairId = args[2];
        int warm = Integer.parseInt(args[3]);
        String function = which.equals("registration") ? "RegistrationFunction" : "WorkshopsFunction";
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = (RequestHandler<
                APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(which.equals("registration")
                ? "ma.salonsess.registration.RegistrationHandler" : "ma.salonsess.workshops.WorkshopsHandler")
                .getConstructor(Env.class).newInstance(Env.system());
        if (primed) {
            long start = System.nanoTime();
            Priming.registered(function).orElseThrow().beforeCheckpoint(null);
            System.out.printf("PRIMING %.2f%n", (System.nanoTime() - start) / 1e6);
            // Then what Lambda does on restore, before it hands the first request over.
            Priming.registered(function).orElseThrow().afterRestore(null);
        }
        System.out.println("-- first request --");
        System.out.printf("FIRST %.2f%n", timed(handler, which, fairId));
        System.out.println("-- warm requests --");
        double[] times = new double[warm];
        for (int i = 0; i < warm; i++) {
            times[i] = timed(handler, which, fairId);
        }
        Arrays.sort(times);
        System.out.printf("WARM_P50 %.2f%n", times[warm / 2]);
        System.out.println("DONE");
    }

    private static double timed(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                String which, String fairId) {
        APIGatewayV2HTTPEvent event = which.equals("registration") ? registration(fairId) : programme(fairId);
        long start = System.nanoTime();
        int status = handler.handleRequest(event, null).getStatusCode();
        double ms = (System.nanoTime() - start) / 1e6;
        if (status != (which.equals("registration") ? 201 : 200)) {
            throw new IllegalStateException(which + " answered " + status);
        }
        return ms;
    }

    private static APIGatewayV2HTTPEvent registration(String fairId) {
        String body = "{\"role\":\"VISITOR\",\"firstName\":\"Amina\",\"lastName\":\"Alaoui\",\"email\":\"probe-"
                + UUID.randomUUID() + "@example.org\",\"language\":\"fr\",\"consent\":{\"dataProcessing\":true}}";
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /fairs/{fairId}/registrations")
                .withRawPath("/fairs/" + fairId + "/registrations")
                .withPathParameters(Map.of("fairId", fairId))
                .withHeaders(Map.of("content-type", "application/json",
                        "idempotency-key", UUID.randomUUID().toString()))
                .withBody(body)
                .build();
    }

    private static APIGatewayV2HTTPEvent programme(String fairId) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /fairs/{fairId}/workshops")
                .withRawPath("/fairs/" + fairId + "/workshops")
                .withPathParameters(Map.of("fairId", fairId))
                .withHeaders(Map.of())
                .build();
    }
}
