package ma.salonsess.localrun;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import ma.salonsess.localaws.AwsEndpoints;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.SchedulerEmulator;
import ma.salonsess.localaws.StackResources;
import ma.salonsess.shared.json.Json;
import org.joda.time.DateTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole backend on this machine: the embedded AWS stack with the template's tables and
 * buckets, every function of the template loaded once, and every event source it declares wired
 * to them: HTTP API routes, DynamoDB stream subscriptions and schedules.
 *
 * <p>Local controls on the API port: {@code GET /_local} describes what runs;
 * {@code POST /_local/schedules/{FunctionId}/{EventName}} fires a schedule now;
 * {@code POST /_local/sns/{FunctionId}/{EventName}} delivers the body as one SNS message to a
 * function subscribed to a topic (SES feedback, say, which no local service produces).
 *
 * <p>Schedules the functions create at run time (EventBridge Scheduler, emulated) fire when due:
 * their target function is invoked with their input, as Scheduler would, then they complete.
 */
public final class LocalBackend implements AutoCloseable {
    private final EmbeddedAws aws;
    private final SamTemplate template;
    private final StackResources resources;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final List<StreamPoller> pollers = new ArrayList<>();
    private final List<Thread> pollerThreads = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-schedules");
        t.setDaemon(true);
        return t;
    });
    private final List<String> scheduleDescriptions = new ArrayList<>();
    private final Map<String, LocalFunction> functionsByArn = new LinkedHashMap<>();
    /** Runs what dynamic schedules start: a long survey dispatch must not hold up the others. */
    private final ScheduledExecutorService dynamicSchedules = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-dynamic-schedules");
        t.setDaemon(true);
        return t;
    });
    private final HttpApiServer http;
    private final LocalJwt jwt = new LocalJwt();
    private final Map<String, HttpApiServer.Authorizer> authorizers = new LinkedHashMap<>();
    private SamTemplate.JwtAuthorizer organiserAuthorizer;
    private final String site;

    /**
     * @param template         the SAM template to run
     * @param apiPort          where the HTTP API listens (0: a free port)
     * @param awsPorts         ports of the emulators
     * @param seedDemoFair     whether to write the demo fair of {@code local/demo-fair.json}
     * @param deadLetterFolder the local run's state folder: where batches a stream subscription gave up on are
     *                         described, and {@code endpoints.json} ({@link #describe()}) is written
     */
    public record Options(Path repositoryRoot, Path template, int apiPort, EmbeddedAws.Ports awsPorts,
                          boolean seedDemoFair, Path deadLetterFolder) {
    }

    private LocalBackend(Options options, Map<String, String> parameterOverrides) throws IOException {
        this.template = SamTemplate.load(options.template());
        this.site = parameterOverrides.get("PublicSiteUrl");
        this.aws = EmbeddedAws.start(options.repositoryRoot(), options.awsPorts());
        try {
            DynamoDbClient dynamoDb = aws.endpoints().dynamoDbClient();
            this.resources = new StackResources(template, aws.endpoints(), dynamoDb, parameterOverrides);
            resources.create(aws.endpoints().s3Client());
            if (options.seedDemoFair()) {
                DemoFair.seed(options.repositoryRoot(), dynamoDb, resources.tableName("FairsTable"));
            }
            for (SamTemplate.FunctionDefinition f : template.functions()) {
                functions.put(f.logicalId(), new LocalFunction(f, resources.functionEnv(f),
                        intProperty(f, "Timeout", 30), intProperty(f, "MemorySize", 1024)));
                functionsByArn.put(resources.functionArn(f), functions.get(f.logicalId()));
            }
            this.http = new HttpApiServer(options.apiPort(), corsHeaders(), this::control);
            for (SamTemplate.JwtAuthorizer authorizer : template.jwtAuthorizers().values()) {
                String issuer = template.resolve(authorizer.issuer(), resources);
                List<String> audience = authorizer.audience().stream().map(a -> template.resolve(a, resources)).toList();
                authorizers.put(authorizer.name(), token -> jwt.verify(token, issuer, audience, java.time.Instant.now()));
                if (organiserAuthorizer == null) {
                    organiserAuthorizer = authorizer;
                }
            }
            DynamoDbStreamsClient streams = aws.endpoints().streamsClient();
            for (LocalFunction function : functions.values()) {
                for (SamTemplate.HttpRoute route : function.definition().httpRoutes()) {
                    requireInput(function, APIGatewayV2HTTPEvent.class, route.name());
                    HttpApiServer.Authorizer authorizer = null;
                    if (route.authorizer() != null) {
                        authorizer = authorizers.get(route.authorizer());
                        if (authorizer == null) {
                            throw new IllegalStateException(route.name() + " names an unknown JWT authorizer "
                                    + route.authorizer());
                        }
                    }
                    http.add(route, function, authorizer);
                }
                for (SamTemplate.StreamSubscription s : function.definition().streamSubscriptions()) {
                    requireInput(function, DynamodbEvent.class, s.name());
                    StreamPoller poller = new StreamPoller(function, s, streams, resources.streamArn(s.tableLogicalId()),
                            aws.endpoints().region(),
                            options.deadLetterFolder().resolve(function.name() + "-" + s.name() + ".jsonl"));
                    pollers.add(poller);
                }
                for (SamTemplate.Schedule s : function.definition().schedules()) {
                    if (s.enabled()) {
                        ScheduleExpression expression = ScheduleExpression.parse(s.expression(), s.timeZone());
                        scheduleNext(function, s, expression, ZonedDateTime.now());
                        scheduleDescriptions.add(function.name() + " <- " + s.name() + ": " + expression);
                    }
                }
            }
            for (StreamPoller poller : pollers) {
                Thread thread = new Thread(poller, "stream-" + poller.description());
                thread.setDaemon(true);
                thread.start();
                pollerThreads.add(thread);
            }
            dynamicSchedules.scheduleWithFixedDelay(this::fireDueSchedules, 1, 1, TimeUnit.SECONDS);
            http.start();
            // Written once started, so a script or the AWS CLI can find the emulators while it runs.
            Files.createDirectories(options.deadLetterFolder());
            Files.writeString(options.deadLetterFolder().resolve("endpoints.json"), Json.write(describe()) + "\n");
        } catch (RuntimeException | IOException e) {
            aws.close();
            throw e;
        }
    }

    public static LocalBackend start(Options options) {
        return start(options, Map.of());
    }

    /** @param parameterOverrides template parameters, such as PublicSiteUrl: the local site the emails link to */
    public static LocalBackend start(Options options, Map<String, String> parameterOverrides) {
        try {
            return new LocalBackend(options, parameterOverrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI apiUrl() {
        return URI.create("http://localhost:" + http.port());
    }

    public EmbeddedAws aws() {
        return aws;
    }

    public StackResources resources() {
        return resources;
    }

    /**
     * Signs a token as the organiser user pool would: issuer and audience of the template's JWT
     * authorizer, plus {@code claims} (which may override them, to make bad tokens for tests).
     */
    public String signToken(ObjectNode claims) {
        if (organiserAuthorizer == null) {
            throw new IllegalStateException("The template declares no JWT authorizer");
        }
        long now = java.time.Instant.now().getEpochSecond();
        ObjectNode all = Json.object();
        all.put("iss", template.resolve(organiserAuthorizer.issuer(), resources));
        all.put("aud", template.resolve(organiserAuthorizer.audience().getFirst(), resources));
        all.put("token_use", "id");
        all.put("iat", now);
        all.put("exp", now + 12 * 3600);
        all.setAll(claims);
        return jwt.sign(all);
    }

    /**
     * A token of a member of the organisers group, valid 12 hours: what the local run prints. Its
     * verified email is an organiser of the demo fair ({@code local/demo-fair.json}).
     */
    public String organiserToken() {
        ObjectNode claims = Json.object().put("sub", "local-organiser").put("email", "organisation@example.org")
                .put("email_verified", true);
        claims.putArray("cognito:groups").add("organisers");
        return signToken(claims);
    }

    /** A token of a member of the admins group (every fair; creates fairs, names organisers), valid 12 hours. */
    public String adminToken() {
        ObjectNode claims = Json.object().put("sub", "local-admin").put("email", "admin@example.org")
                .put("email_verified", true);
        claims.putArray("cognito:groups").add("admins");
        return signToken(claims);
    }

    /** A token of the demo fair's steward (stewards group; steward@example.org), valid 12 hours. */
    public String stewardToken() {
        ObjectNode claims = Json.object().put("sub", "local-steward").put("email", "steward@example.org")
                .put("email_verified", true);
        claims.putArray("cognito:groups").add("stewards");
        return signToken(claims);
    }

    /** A token of the demo fair's supervisor (supervisors group; supervisor@example.org), valid 12 hours. */
    public String supervisorToken() {
        ObjectNode claims = Json.object().put("sub", "local-supervisor").put("email", "supervisor@example.org")
                .put("email_verified", true);
        claims.putArray("cognito:groups").add("supervisors");
        return signToken(claims);
    }

    /** Fires one of a function's schedules now, as EventBridge would at its time; returns the result. */
    public Object fireSchedule(String functionId, String eventName) throws Exception {
        LocalFunction function = functions.get(functionId);
        if (function == null) {
            throw new IllegalArgumentException("No function " + functionId);
        }
        SamTemplate.Schedule schedule = function.definition().schedules().stream()
                .filter(s -> s.name().equals(eventName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No schedule " + eventName + " on " + functionId));
        return function.invoke(scheduledInput(function, schedule, ZonedDateTime.now()));
    }

    /** Delivers {@code message} to a function's SNS subscription, as SNS would: one record. */
    public Object deliverSns(String functionId, String eventName, String message) throws Exception {
        LocalFunction function = functions.get(functionId);
        if (function == null) {
            throw new IllegalArgumentException("No function " + functionId);
        }
        boolean subscribed = function.definition().events().stream()
                .anyMatch(e -> e instanceof SamTemplate.OtherEvent o && o.name().equals(eventName) && o.type().equals("SNS"));
        if (!subscribed) {
            throw new IllegalArgumentException("No SNS event " + eventName + " on " + functionId);
        }
        if (function.inputType() != Map.class && function.inputType() != Object.class) {
            throw new IllegalStateException(functionId + " takes " + function.inputType().getName()
                    + "; the local SNS delivery hands a Map");
        }
        Map<String, Object> sns = new LinkedHashMap<>();
        sns.put("Type", "Notification");
        sns.put("MessageId", UUID.randomUUID().toString());
        sns.put("TopicArn", "arn:aws:sns:" + aws.endpoints().region() + ":000000000000:" + eventName);
        sns.put("Message", message);
        sns.put("Timestamp", java.time.Instant.now().toString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("Sns", sns);
        return function.invoke(Map.of("Records", List.of(record)));
    }

    /** Invokes the targets of the run-time schedules whose time has come; returns how many ran. */
    public synchronized int fireDueSchedules() {
        int fired = 0;
        for (SchedulerEmulator.StoredSchedule due : aws.scheduler().due(java.time.Instant.now())) {
            // A target may name the function's alias (":live", as on AWS); locally there is one version.
            String arn = due.targetArn();
            LocalFunction target = functionsByArn.getOrDefault(arn,
                    functionsByArn.get(arn.split(":").length > 7 ? arn.substring(0, arn.lastIndexOf(':')) : arn));
            try {
                if (target == null) {
                    System.err.println("[scheduler] " + due.name() + " targets " + due.targetArn()
                            + ", which is no function of the template: dropped");
                } else {
                    Object result = target.invoke(Json.MAPPER.convertValue(parse(due.input()), Map.class));
                    System.out.println("[" + target.name() + "] schedule " + due.name() + ": " + result);
                    fired++;
                }
            } catch (Exception e) {
                // Lambda would retry the asynchronous invocation twice, then dead-letter it.
                System.err.println("[" + target.name() + "] schedule " + due.name() + " failed: " + e);
            } finally {
                aws.scheduler().completed(due);
            }
        }
        return fired;
    }

    private void scheduleNext(LocalFunction function, SamTemplate.Schedule schedule, ScheduleExpression expression,
                              ZonedDateTime after) {
        ZonedDateTime next = expression.next(after);
        if (next == null) {
            return;
        }
        long delay = Math.max(0, next.toInstant().toEpochMilli() - System.currentTimeMillis());
        scheduler.schedule(() -> {
            try {
                function.invoke(scheduledInput(function, schedule, next));
            } catch (Exception e) {
                System.err.println("[" + function.name() + "] scheduled run failed: " + e);
            }
            scheduleNext(function, schedule, expression, next);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private Object scheduledInput(LocalFunction function, SamTemplate.Schedule schedule, ZonedDateTime time) {
        Class<?> type = function.inputType();
        Map<String, Object> detail = Map.of();
        if (schedule.input() != null) {
            detail = Json.MAPPER.convertValue(parse(schedule.input()), Map.class);
        }
        if (type == ScheduledEvent.class) {
            ScheduledEvent event = new ScheduledEvent();
            event.setId(UUID.randomUUID().toString());
            event.setVersion("0");
            event.setDetailType("Scheduled Event");
            event.setSource("aws.events");
            event.setAccount("000000000000");
            event.setRegion(aws.endpoints().region());
            event.setTime(new DateTime(time.toInstant().toEpochMilli()));
            event.setResources(List.of("arn:aws:events:" + aws.endpoints().region() + ":000000000000:rule/"
                    + function.name() + "-" + schedule.name()));
            event.setDetail(detail);
            return event;
        }
        if (type == Map.class || type == Object.class) {
            return schedule.input() != null ? detail : Map.of("time", time.toInstant().toString(),
                    "source", "aws.events", "detail-type", "Scheduled Event");
        }
        if (type == String.class) {
            return schedule.input() != null ? schedule.input() : "{}";
        }
        throw new IllegalStateException(function.name() + ": cannot build a " + type.getName() + " for a schedule");
    }

    private HttpApiServer.LocalControlAnswer control(String method, String path, String body) {
        String[] parts = path.substring(1).split("/");
        try {
            if (method.equals("GET") && parts.length == 1) {
                return new HttpApiServer.LocalControlAnswer(200, Json.write(describe()));
            }
            if (method.equals("POST") && parts.length == 4 && parts[1].equals("sns")) {
                Object result = deliverSns(parts[2], parts[3], body);
                return new HttpApiServer.LocalControlAnswer(200, Json.write(Json.object()
                        .put("function", parts[2]).put("event", parts[3]).put("result", String.valueOf(result))));
            }
            if (method.equals("POST") && parts.length == 4 && parts[1].equals("schedules")) {
                Object result = fireSchedule(parts[2], parts[3]);
                return new HttpApiServer.LocalControlAnswer(200, Json.write(Json.object()
                        .put("function", parts[2]).put("event", parts[3]).put("result", String.valueOf(result))));
            }
            return new HttpApiServer.LocalControlAnswer(404, "{\"message\":\"No such local control\"}");
        } catch (IllegalArgumentException e) {
            return new HttpApiServer.LocalControlAnswer(404, Json.write(Json.object().put("message", e.getMessage())));
        } catch (Exception e) {
            return new HttpApiServer.LocalControlAnswer(500, Json.write(Json.object().put("message", e.toString())));
        }
    }

    public ObjectNode describe() {
        ObjectNode root = Json.object();
        root.put("api", apiUrl().toString());
        root.put("mailViewer", aws.mailViewer().toString());
        if (site != null) {
            root.put("site", site);
        }
        root.set("aws", describeAws());
        ArrayNode routes = root.putArray("routes");
        ArrayNode streams = root.putArray("streamSubscriptions");
        for (LocalFunction f : functions.values()) {
            f.definition().httpRoutes().forEach(r -> routes.add(r.routeKey() + " -> " + f.name()));
        }
        pollers.forEach(p -> streams.add(p.description()));
        ArrayNode schedules = root.putArray("schedules");
        scheduleDescriptions.forEach(schedules::add);
        ArrayNode pending = root.putArray("pendingRuntimeSchedules");
        aws.scheduler().all().forEach(s -> pending.add(s.name() + " " + s.expression() + " -> " + s.targetArn()));
        ArrayNode topics = root.putArray("snsSubscriptions");
        for (LocalFunction f : functions.values()) {
            f.definition().events().stream()
                    .filter(e -> e instanceof SamTemplate.OtherEvent o && o.type().equals("SNS"))
                    .forEach(e -> topics.add(f.name() + " <- " + e.name() + ": POST /_local/sns/" + f.name() + "/" + e.name()));
        }
        return root;
    }

    /**
     * Where each emulator answers and how to sign for it, with the tables' and buckets' names: what
     * the AWS CLI, NoSQL Workbench or a script needs to look at the local data. DynamoDB Local keeps
     * one database per access key and region, so those must be these exactly.
     */
    private ObjectNode describeAws() {
        AwsEndpoints endpoints = aws.endpoints();
        ObjectNode node = Json.object();
        node.put("region", endpoints.region());
        node.put("accessKeyId", endpoints.accessKeyId());
        node.put("secretAccessKey", endpoints.secretAccessKey());
        node.putObject("endpoints")
                .put("dynamodb", endpoints.dynamoDb().toString())
                .put("dynamodbStreams", endpoints.dynamoDb().toString())
                .put("s3", endpoints.s3().toString())
                .put("ses", endpoints.ses().toString())
                .put("scheduler", endpoints.scheduler().toString());
        ObjectNode tables = node.putObject("tables");
        template.tables().forEach(t -> tables.put(t.logicalId(), resources.tableName(t.logicalId())));
        ObjectNode buckets = node.putObject("buckets");
        template.buckets().forEach(b -> buckets.put(b, resources.bucketName(b)));
        // The SDKs' and the AWS CLI's own variables: `export` them and every call goes to the emulators.
        ObjectNode variables = node.putObject("environment");
        new TreeMap<>(endpoints.clientVariables()).forEach(variables::put);
        return node;
    }

    private Map<String, String> corsHeaders() {
        // Locally any origin may call: the web forms run from a dev server on another port.
        return Map.of("access-control-allow-origin", "*",
                "access-control-allow-methods", "GET, POST, PUT, DELETE, OPTIONS",
                "access-control-allow-headers", "content-type, authorization, idempotency-key",
                "access-control-expose-headers", "location, idempotent-replayed, retry-after",
                "access-control-max-age", "600");
    }

    private static void requireInput(LocalFunction function, Class<?> expected, String event) {
        if (!function.inputType().isAssignableFrom(expected)) {
            throw new IllegalStateException(function.name() + " takes " + function.inputType().getName()
                    + " but its event " + event + " delivers " + expected.getName());
        }
    }

    private static int intProperty(SamTemplate.FunctionDefinition f, String name, int fallback) {
        Object value = f.properties().get(name);
        return value instanceof Number n ? n.intValue() : fallback;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Schedule Input is not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        http.close();
        pollers.forEach(StreamPoller::stop);
        pollerThreads.forEach(Thread::interrupt);
        scheduler.shutdownNow();
        dynamicSchedules.shutdownNow();
        aws.close();
    }
}
