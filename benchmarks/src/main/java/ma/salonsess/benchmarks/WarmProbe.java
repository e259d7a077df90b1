package ma.salonsess.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.registration.RegistrationHandler;
import ma.salonsess.shared.config.Env;

/**
 * Run in a JVM of its own on the deployable jar's classpath, as on Lambda, where the handler's JVM
 * holds nothing but the handler: builds the registration handler once, answers the warm-up
 * registrations, then times each of the measured ones and the time inside its SDK calls
 * ({@link DynamoDbCallTimer}). The emulators stay in the parent's JVM, so their garbage collection
 * and threads are not counted as the handler's. Prints one {@code RESULT} line per measure:
 * name, p50, p99, p99.9 in milliseconds. Arguments: fairId, warm-up count, measured count.
 */
public final class WarmProbe {
    private WarmProbe() {
    }

    public static void main(String[] args) {
        Timings timings = measure(new RegistrationHandler(Env.system()), args[0], Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        print("total", timings.total());
        print("calls", timings.inCalls());
        print("own", timings.own());
    }

    /** Per request, in milliseconds, each sorted: the whole request, its SDK calls, and the rest. */
    record Timings(double[] total, double[] inCalls, double[] own) {
    }

    /** Times {@code requests} registrations after {@code warmup} untimed ones. */
    static Timings measure(RegistrationHandler handler, String fairId, int warmup, int requests) {
        for (int i = 0; i < warmup; i++) {
            register(handler, fairId);
        }
        DynamoDbCallTimer.takeNanos();
        double[] total = new double[requests];
        double[] own = new double[requests];
        double[] inCalls = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            register(handler, fairId);
            long elapsed = System.nanoTime() - start;
            long inSdk = DynamoDbCallTimer.takeNanos();
            total[i] = elapsed / 1e6;
            inCalls[i] = inSdk / 1e6;
            own[i] = (elapsed - inSdk) / 1e6;
        }
        Arrays.sort(total);
        Arrays.sort(inCalls);
        Arrays.sort(own);
        return new Timings(total, inCalls, own);
    }

    private static void print(String name, double[] values) {
        System.out.printf("RESULT %s %.2f %.2f %.2f%n", name, Percentiles.of(values, 0.50),
                Percentiles.of(values, 0.99), Percentiles.of(values, 0.999));
    }

    /** One registration of a new person, as the form sends it, with an Idempotency-Key; fails unless 201. */
    static void register(RegistrationHandler handler, String fairId) {
        String body = "{\"role\":\"VISITOR\",\"firstName\":\"Amina\",\"lastName\":\"Alaoui\","
                + "\"arabicName\":\"أمينة العلوي\",\"email\":\"warm-" + UUID.randomUUID() + "@example.org\","
                + "\"phone\":\"0612345678\",\"language\":\"ar\","
                + "\"consent\":{\"dataProcessing\":true,\"photos\":false}}";
        var event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /fairs/{fairId}/registrations")
                .withRawPath("/fairs/" + fairId + "/registrations")
                .withPathParameters(Map.of("fairId", fairId))
                .withHeaders(Map.of("content-type", "application/json",
                        "idempotency-key", UUID.randomUUID().toString()))
                .withBody(body)
                .build();
        int status = handler.handleRequest(event, new LambdaContext("RegistrationFunction", 15, 1024)).getStatusCode();
        if (status != 201) {
            throw new IllegalStateException("Registration answered " + status);
        }
    }
}
