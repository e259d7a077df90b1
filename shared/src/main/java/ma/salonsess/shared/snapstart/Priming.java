package ma.salonsess.shared.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.log.Log;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * SnapStart priming. Lambda snapshots a function once its initialisation is done; whatever the
 * first request loads and compiles after that (Jackson, the forms' validation, the domain, the
 * SDK's marshallers, endpoint rules and signer) is loaded again after every restore, while a
 * person waits. So each function registers a CRaC {@link Resource} whose {@code beforeCheckpoint}
 * runs the function's own request path on sample events, on this thread, with every AWS call
 * stopped once it is built and signed, before it is sent ({@link #GUARD}, on every client
 * {@code AwsClients} builds): priming reads nothing, writes nothing, opens no connection that the
 * snapshot would carry, and cannot fail the snapshot (what it throws is logged as a warning).
 */
public final class Priming {
    /** Stops, on a thread that is priming, every AWS call just before it would be sent. */
    public static final ExecutionInterceptor GUARD = new Guard();
    private static final ThreadLocal<int[]> STOPPED_CALLS = new ThreadLocal<>();
    /** CRaC holds resources weakly: these keep them, one per function (a test JVM builds many handlers). */
    private static final Map<String, Resource> REGISTERED = new ConcurrentHashMap<>();
    private static final Map<String, Run> LAST_RUNS = new ConcurrentHashMap<>();

    private Priming() {
    }

    /** What one priming did: the AWS calls it built and stopped, and how long it took. */
    public record Run(String function, int stoppedCalls, Duration took, Optional<RuntimeException> failure) {
    }

    /**
     * Registers, for SnapStart, a priming of {@code handler} on the sample events {@code samples}
     * gives (built when the snapshot is taken, not now).
     */
    public static <I> void register(String function, RequestHandler<I, ?> handler, Supplier<List<I>> samples) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                run(function, () -> samples.get().forEach(sample -> handler.handleRequest(sample, null)));
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // Nothing to reopen: priming kept no connection.
            }
        };
        REGISTERED.put(function, resource);
        Core.getGlobalContext().register(resource);
    }

    /** The resource last registered for {@code function}; tests call its {@code beforeCheckpoint}. */
    public static Optional<Resource> registered(String function) {
        return Optional.ofNullable(REGISTERED.get(function));
    }

    /** What the last priming of {@code function} in this JVM did. */
    public static Optional<Run> lastRun(String function) {
        return Optional.ofNullable(LAST_RUNS.get(function));
    }

    /** Runs {@code exercise} with AWS calls stopped on this thread; never throws. */
    public static Run run(String function, Runnable exercise) {
        long start = System.nanoTime();
        int[] stopped = new int[1];
        STOPPED_CALLS.set(stopped);
        RuntimeException failure = null;
        try {
            exercise.run();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            STOPPED_CALLS.remove();
        }
        Run run = new Run(function, stopped[0], Duration.ofNanos(System.nanoTime() - start),
                Optional.ofNullable(failure));
        LAST_RUNS.put(function, run);
        if (failure != null) {
            Log.warn(null, "Priming " + function + " stopped early; the snapshot is taken all the same", failure);
        }
        System.out.println(Json.write(Json.object().put("level", "INFO").put("message", "primed " + function)
                .put("awsCallsStopped", run.stoppedCalls()).put("millis", run.took().toMillis())));
        return run;
    }

    /** Whether this thread is priming; what it logs meanwhile is the stopped calls' noise, not news. */
    public static boolean active() {
        return STOPPED_CALLS.get() != null;
    }

    /** The failure a stopped call raises; no retry policy retries it. */
    public static final class StoppedCall extends RuntimeException {
        StoppedCall(String operation) {
            super("Priming: " + operation + " was not sent", null, false, false);
        }
    }

    private static final class Guard implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                                       ExecutionAttributes attributes) {
            int[] stopped = STOPPED_CALLS.get();
            if (stopped != null) {
                stopped[0]++;
                throw new StoppedCall(context.request().getClass().getSimpleName());
            }
        }
    }
}
