package ma.salonsess.shared.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * SnapStart priming. Lambda snapshots a function once its initialisation is done; whatever the
 * first request loads and compiles after that (Jackson, the forms' validation, the domain, the
 * SDK's marshallers, signer, HTTP and response handling) is loaded again after every restore, while
 * a person waits. So each function registers a CRaC {@link Resource} whose {@code beforeCheckpoint}
 * runs the function's own request path on sample events, {@value #ROUNDS} times (so that its hot
 * methods are compiled), on this thread. Meanwhile every AWS call from this thread is built, signed
 * and handed to the HTTP client, which answers it itself ({@link #httpClient}, on every client
 * {@code AwsClients} builds) with a canned answer: {@code {}} (an empty XML document for S3) unless the function's
 * {@link Answers} give one. Nothing leaves the process: priming reads nothing, writes nothing,
 * opens no connection that the snapshot would carry, and cannot fail the snapshot (what it throws
 * is logged as a warning). Other threads are not affected.
 */
public final class Priming {
    /** How many times the samples are sent: enough for the JIT to compile the request path. */
    public static final int ROUNDS = 40;
    private static final ThreadLocal<Session> SESSION = new ThreadLocal<>();
    /** CRaC holds resources weakly: these keep them, one per function (a test JVM builds many handlers). */
    private static final Map<String, Resource> REGISTERED = new ConcurrentHashMap<>();
    private static final Map<String, Run> LAST_RUNS = new ConcurrentHashMap<>();

    private Priming() {
    }

    /** What one priming did: the AWS calls it answered itself, and how long it took. */
    public record Run(String function, int answeredCalls, Duration took, Optional<RuntimeException> failure) {
    }

    /**
     * The canned answers a function's priming gives its AWS calls, so that its request path goes
     * past the first read (a fair that exists, say).
     */
    @FunctionalInterface
    public interface Answers {
        /**
         * @param operation   DynamoDB's {@code X-Amz-Target} operation ({@code GetItem}), or the
         *                    HTTP method and path for the REST services
         * @param requestBody the request's JSON
         * @return the answer's body, or empty for {@code {}}
         */
        Optional<String> body(String operation, String requestBody);

        Answers NONE = (operation, requestBody) -> Optional.empty();
    }

    private static final class Session {
        private final Answers answers;
        private int calls;
        /** A loopback port nobody listens on: see {@link #touchHttpStack}. */
        private int closedPort = -1;

        Session(Answers answers) {
            this.answers = answers;
        }
    }

    /**
     * Registers, for SnapStart, a priming of {@code handler} on the sample events {@code samples}
     * gives (built when the snapshot is taken, not now).
     */
    public static <I> void register(String function, RequestHandler<I, ?> handler, Supplier<List<I>> samples) {
        register(function, handler, samples, Answers.NONE);
    }

    /** As above, with canned answers to the function's AWS calls. */
    public static <I> void register(String function, RequestHandler<I, ?> handler, Supplier<List<I>> samples,
                                    Answers answers) {
        register(function, () -> samples.get().forEach(sample -> handler.handleRequest(sample, null)), answers);
    }

    /** Registers, for SnapStart, {@code exercise} to run before the snapshot, its AWS calls answered here. */
    public static void register(String function, Runnable exercise, Answers answers) {
        register(function, exercise, answers, () -> { });
    }

    /**
     * As above, and {@code reconnect} after each restore, before the first request: the snapshot
     * holds no connection and no setting, so a read there (that cannot change anything) opens the
     * connections and fills the settings' cache while Lambda restores rather than while a person
     * waits. What it throws is logged, never fails the restore.
     */
    public static <I> void register(String function, RequestHandler<I, ?> handler, Supplier<List<I>> samples,
                                    Answers answers, Runnable reconnect) {
        register(function, () -> samples.get().forEach(sample -> handler.handleRequest(sample, null)), answers,
                reconnect);
    }

    private static void register(String function, Runnable exercise, Answers answers, Runnable reconnect) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                run(function, exercise, answers);
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                try {
                    reconnect.run();
                } catch (RuntimeException e) {
                    Log.warn(null, "Reconnecting " + function + " after the restore failed; the first request will", e);
                }
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

    /** Runs {@code exercise} {@value #ROUNDS} times with this thread's AWS calls answered here; never throws. */
    public static Run run(String function, Runnable exercise, Answers answers) {
        long start = System.nanoTime();
        Session session = new Session(answers);
        SESSION.set(session);
        RuntimeException failure = null;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                exercise.run();
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            SESSION.remove();
        }
        Run run = new Run(function, session.calls, Duration.ofNanos(System.nanoTime() - start),
                Optional.ofNullable(failure));
        LAST_RUNS.put(function, run);
        if (failure != null) {
            Log.warn(null, "Priming " + function + " stopped early; the snapshot is taken all the same", failure);
        }
        System.out.println(Json.write(Json.object().put("level", "INFO").put("message", "primed " + function)
                .put("awsCallsAnswered", run.answeredCalls()).put("millis", run.took().toMillis())));
        return run;
    }

    /** Whether this thread is priming: what the request path logs meanwhile is about canned answers. */
    public static boolean active() {
        return SESSION.get() != null;
    }

    /**
     * {@code delegate}, except on a thread that is priming, where the call is answered without it.
     *
     * @param xml whether the service answers in XML (S3), else JSON
     */
    public static SdkHttpClient httpClient(SdkHttpClient delegate, boolean xml) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                Session session = SESSION.get();
                if (session == null) {
                    return delegate.prepareRequest(request);
                }
                touchHttpStack(session, delegate, request);
                return canned(session, request, xml);
            }

            @Override
            public String clientName() {
                return delegate.clientName();
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    /**
     * Sends the first few calls' requests through the real HTTP client to a loopback port nobody
     * listens on: the JDK's HTTP and socket classes load and the connection is refused at once, so
     * nothing is sent anywhere and no connection is left for the snapshot to carry.
     */
    private static void touchHttpStack(Session session, SdkHttpClient delegate, HttpExecuteRequest request) {
        if (session.calls >= 3) {
            return;
        }
        try {
            if (session.closedPort < 0) {
                try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    session.closedPort = socket.getLocalPort();
                }
            }
            var loopback = request.httpRequest().toBuilder().protocol("http").host("127.0.0.1")
                    .port(session.closedPort).build();
            delegate.prepareRequest(HttpExecuteRequest.builder().request(loopback)
                    .contentStreamProvider(request.contentStreamProvider().orElse(null)).build()).call();
        } catch (IOException | RuntimeException refused) {
            // what is expected: nobody listens there
        }
    }

    /**
     * A setting or secret, so that the path goes past reading its configuration (FreshCache keeps
     * nothing read while priming: these never serve a request). An address for the sender's setting,
     * 1 for the others (a version, a count of days or hours, a rate).
     */
    private static Optional<String> configuration(String operation, String body) {
        return switch (operation) {
            case "GetParameter" -> Optional.of("{\"Parameter\":{\"Name\":\"priming\",\"Type\":\"String\",\"Value\":\""
                    + (body.contains("email") ? "priming@example.org" : "1") + "\",\"Version\":1}}");
            case "GetSecretValue" -> Optional.of("{\"Name\":\"priming\",\"VersionId\":\"priming\","
                    + "\"SecretString\":\"a-priming-secret-that-never-signs-anything-real\"}");
            default -> Optional.empty();
        };
    }

    private static ExecutableHttpRequest canned(Session session, HttpExecuteRequest request, boolean xml) {
        session.calls++;
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(null);
        String operation = target != null ? target.substring(target.indexOf('.') + 1)
                : request.httpRequest().method() + " " + request.httpRequest().encodedPath();
        String body = request.contentStreamProvider().map(provider -> {
            try (InputStream in = provider.newStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
        String empty = xml ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Result/>" : "{}";
        byte[] answer = session.answers.body(operation, body).or(() -> configuration(operation, body)).orElse(empty)
                .getBytes(StandardCharsets.UTF_8);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("content-type", xml ? "application/xml" : "application/x-amz-json-1.0")
                                .putHeader("content-length", Integer.toString(answer.length))
                                .putHeader("x-amzn-requestid", "priming").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {
                // answered at once
            }
        };
    }
}
