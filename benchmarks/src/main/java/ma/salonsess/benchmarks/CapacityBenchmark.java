package ma.salonsess.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import ma.salonsess.badges.BadgeHandler;
import ma.salonsess.digest.DigestApiHandler;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.StackResources;
import ma.salonsess.notifications.NotificationHandler;
import ma.salonsess.registration.RegistrationHandler;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.RegistrationBuilder;
import ma.salonsess.testsupport.StreamEvents;
import ma.salonsess.workshops.WorkshopsHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What each request costs in DynamoDB: calls, read and write capacity units (every call asks for
 * {@code ReturnConsumedCapacity}, see {@link CapacityMeter}) and the sizes of the items involved,
 * through the real handlers on the local stack. A national salon's fair: 20 workshops, one of 30
 * seats with a waiting list filled to 2,000 by real sign-ups; {@code registrations} more registrants
 * for the digest. Arguments: [registrations=5000]. The units are what AWS bills on demand; the
 * model in docs/benchmarks.md multiplies them out.
 */
public final class CapacityBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);
    private static final String ORGANISER = "organisation@example.org";
    private static final int WORKSHOPS = 20;
    private static final int RUSH_SEATS = 30;
    private static final int LINE = 2000;

    private final StringBuilder report = new StringBuilder();
    private final DynamoDbClient dynamoDb;
    private final StackResources resources;
    private final SamTemplate template;
    private final RegistrationRepository registrations;

    private CapacityBenchmark(DynamoDbClient dynamoDb, StackResources resources, SamTemplate template) {
        this.dynamoDb = dynamoDb;
        this.resources = resources;
        this.template = template;
        this.registrations = new RegistrationRepository(dynamoDb, resources.tableName("RegistrationsTable"));
    }

    private record Person(String registrationId, String token) {
    }

    public static void main(String[] args) throws Exception {
        int registrants = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path root = RepositoryLayout.root();
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        try (EmbeddedAws aws = EmbeddedAws.start(root, EmbeddedAws.Ports.any())) {
            DynamoDbClient dynamoDb = aws.endpoints().dynamoDbClient();
            StackResources resources = new StackResources(template, aws.endpoints(), dynamoDb, Map.of());
            resources.create(aws.endpoints().s3Client());
            CapacityMeter.enable();
            String out = new CapacityBenchmark(dynamoDb, resources, template).run(registrants);
            System.out.println(out);
            Path file = root.resolve("target/benchmarks/capacity.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
            System.out.println("Written to " + file);
        }
    }

    private String run(int registrants) throws Exception {
        String fairId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        new FairRepository(dynamoDb, resources.tableName("FairsTable")).save(new Fair(fairId,
                new LocalizedText("Salon national", null, null), "Rabat", "Bab Rouah", DAY, DAY.plusDays(3),
                Fair.MOROCCO, List.of(ORGANISER), Language.FR));
        WorkshopRepository workshops = new WorkshopRepository(dynamoDb, resources.tableName("FairsTable"));
        for (int w = 0; w < WORKSHOPS; w++) {
            // Two a day-part over three days; none overlaps another.
            var starts = DAY.atTime(9, 0).plusDays(w / 8).plusHours(w % 8).atOffset(ZoneOffset.ofHours(1));
            workshops.save(new Workshop(fairId, "w" + w, new LocalizedText("Atelier " + w, "ورشة " + w,
                    "Workshop " + w), null, "Salle " + (w % 4), starts, starts.plusMinutes(50),
                    w == 0 ? RUSH_SEATS : 40, Language.FR));
        }
        RegistrationHandler registration = new RegistrationHandler(env("RegistrationFunction"));
        WorkshopsHandler workshopsHandler = new WorkshopsHandler(env("WorkshopsFunction"));

        report.append("| operation | DynamoDB calls (refused) | RCU | WCU (Local) | WCU billed |\n")
                .append("|---|---:|---:|---:|---:|\n");
        // Register (through the handler, with its idempotency key) and read one's own registration.
        CapacityMeter.reset();
        var registered = registration.handleRequest(registerEvent(fairId, 0), LambdaContext.forTest());
        check(registered.getStatusCode() == 201, "register " + registered.getBody());
        row("register (POST /registrations)");
        var body = Json.parse(registered.getBody());
        Person me = new Person(body.get("registrationId").asText(), body.get("accessToken").asText());
        APIGatewayV2HTTPEvent read = ApiEvents.load("registration-get.json");
        ApiEvents.withPathParameter(read, "fairId", fairId);
        ApiEvents.withPathParameter(read, "registrationId", me.registrationId());
        ApiEvents.withHeader(read, "authorization", "Bearer " + me.token());
        CapacityMeter.reset();
        check(registration.handleRequest(read, LambdaContext.forTest()).getStatusCode() == 200, "read");
        row("read own registration (GET)");

        // The rush: seats, then the line, by real sign-ups; the 1st, 100th and 2,000th measured alone.
        List<Person> people = people(fairId, RUSH_SEATS + LINE + 1);
        parallel(people.subList(0, RUSH_SEATS), p -> signUp(workshopsHandler, fairId, "w0", p));
        Map<Integer, Integer> sizes = new java.util.TreeMap<>();
        sizes.put(0, size(workshopItem(fairId, "w0")));
        int next = RUSH_SEATS;
        for (int place : List.of(1, 100, LINE)) {
            int from = next;
            int upTo = RUSH_SEATS + place - 1;
            parallel(people.subList(from, upTo), p -> signUp(workshopsHandler, fairId, "w0", p));
            CapacityMeter.reset();
            String answer = signUp(workshopsHandler, fairId, "w0", people.get(upTo));
            check(answer.contains("\"waitlistPosition\":" + place), answer);
            row("sign-up, " + place + (place == 1 ? "st" : "th") + " in line");
            sizes.put(place, size(workshopItem(fairId, "w0")));
            next = upTo + 1;
        }
        CapacityMeter.reset();
        String spare = signUp(workshopsHandler, fairId, "w1", people.get(0));
        check(spare.contains("CONFIRMED"), spare);
        row("sign-up, a free seat (another workshop, already holding one)");
        // Programme: 20 workshops, one line of 2,000.
        APIGatewayV2HTTPEvent programme = ApiEvents.withPathParameter(ApiEvents.load("workshops-get.json"),
                "fairId", fairId);
        CapacityMeter.reset();
        check(workshopsHandler.handleRequest(programme, LambdaContext.forTest()).getStatusCode() == 200, "programme");
        row("programme (GET /workshops, 20 workshops, a line of 2,000)");
        // A seated person cancels: the first in line is promoted in the same transaction.
        Person leaving = people.get(1);
        APIGatewayV2HTTPEvent cancel = signupEvent("workshop-signup-delete.json", fairId, "w0", leaving);
        ApiEvents.withPathParameter(cancel, "registrationId", leaving.registrationId());
        CapacityMeter.reset();
        int cancelled = workshopsHandler.handleRequest(cancel, LambdaContext.forTest()).getStatusCode();
        check(cancelled == 204, "cancel " + cancelled);
        row("cancel a seat, first in line promoted (line of 2,000)");
        // Leaving the line from its middle.
        Person waiting = people.get(RUSH_SEATS + 1000);
        APIGatewayV2HTTPEvent leave = signupEvent("workshop-signup-delete.json", fairId, "w0", waiting);
        ApiEvents.withPathParameter(leave, "registrationId", waiting.registrationId());
        CapacityMeter.reset();
        check(workshopsHandler.handleRequest(leave, LambdaContext.forTest()).getStatusCode() == 204, "leave");
        row("leave the line from its middle (line of 2,000)");

        // The stream functions: a badge for a new registration, an email for a place in line.
        badge();
        NotificationHandler notifications = new NotificationHandler(env("NotificationsFunction"));
        Person last = people.get(RUSH_SEATS + LINE - 1);
        Map<String, AttributeValue> signup = dynamoDb.getItem(b -> b.tableName(resources.tableName("SignupsTable"))
                .key(Map.of("pk", AttributeValue.fromS("WS#" + fairId + "#w0"),
                        "sk", AttributeValue.fromS("S#" + last.registrationId())))).item();
        DynamodbEvent waitlisted = StreamEvents.batch(StreamEvents.record("INSERT", List.of("pk", "sk"), null, signup));
        CapacityMeter.reset();
        var emailed = notifications.handleRequest(waitlisted, LambdaContext.forTest());
        check(emailed.getBatchItemFailures().isEmpty(), "email");
        row("email \"you are n-th in line\" (stream record, line of 2,000)");
        sizes.put(-1, size(signup));

        // The digest an organiser asks for, over every registration of the fair.
        registrants(fairId, registrants);
        DigestApiHandler digest = new DigestApiHandler(env("DigestApiFunction"));
        APIGatewayV2HTTPEvent digestEvent = ApiEvents.asOrganiser(ApiEvents.withPathParameter(
                ApiEvents.load("admin-digest-post.json"), "fairId", fairId), ORGANISER);
        CapacityMeter.reset();
        var digested = digest.handleRequest(digestEvent, LambdaContext.forTest());
        check(digested.getStatusCode() / 100 == 2, "digest " + digested.getStatusCode() + digested.getBody());
        row("digest (POST /admin/.../digest, " + (registrants + RUSH_SEATS + LINE + 2) + " registrations)");

        report.append("\n| item | bytes (DynamoDB's size) |\n|---|---:|\n");
        var key = Map.of("fairId", AttributeValue.fromS(fairId),
                "sk", AttributeValue.fromS("REG#" + me.registrationId()));
        var mine = dynamoDb.getItem(b -> b.tableName(resources.tableName("RegistrationsTable")).key(key)).item();
        report.append("| registration | ").append(size(mine)).append(" |\n");
        report.append("| signup (WAITLISTED) | ").append(sizes.remove(-1)).append(" |\n");
        sizes.forEach((place, bytes) -> report.append("| workshop, ").append(place).append(" in line | ")
                .append(bytes).append(" |\n"));
        extraSizes(fairId);
        return report.toString();
    }

    /** The items only the design with a line of its own has (none before). */
    private void extraSizes(String fairId) {
        var line = dynamoDb.query(b -> b.tableName(resources.tableName("SignupsTable"))
                .keyConditionExpression("pk = :pk").limit(1)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("LINE#" + fairId + "#w0")))).items();
        if (!line.isEmpty()) {
            report.append("| place in line | ").append(size(line.getFirst())).append(" |\n");
        }
        var agenda = dynamoDb.scan(b -> b.tableName(resources.tableName("SignupsTable")).limit(50)).items().stream()
                .filter(i -> i.get("sk").s().equals("AGENDA")).findFirst();
        agenda.ifPresent(a -> report.append("| agenda (one seat) | ").append(size(a)).append(" |\n"));
    }

    private void badge() {
        DemoFair.seed(RepositoryLayout.root(), dynamoDb, resources.tableName("FairsTable"));
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(RepositoryLayout.root()
                .resolve("events/badge-registration-insert.json").toString());
        String id = event.getRecords().getFirst().getDynamodb().getKeys().get("sk").getS().substring(4);
        registrations.create(RegistrationBuilder.in(DemoFair.ID).id(id).named("Fatima Zahra", "El Idrissi")
                .arabicName("فاطمة الزهراء الإدريسي").email("fatima.elidrissi@example.org").build(), Optional.empty());
        BadgeHandler badges = new BadgeHandler(env("BadgesFunction"));
        CapacityMeter.reset();
        check(badges.handleRequest(event, LambdaContext.forTest()).getBatchItemFailures().isEmpty(), "badge");
        row("badge for a new registration (stream record)");
    }

    private Map<String, AttributeValue> workshopItem(String fairId, String workshopId) {
        return dynamoDb.getItem(b -> b.tableName(resources.tableName("FairsTable"))
                .key(WorkshopRepository.key(fairId, workshopId))).item();
    }

    private void row(String operation) {
        CapacityMeter.Usage u = CapacityMeter.take();
        report.append(String.format("| %s | %d%s | %s | %s | %s |%n", operation, u.calls(),
                u.failed() > 0 ? " (" + u.failed() + ")" : "", units(u.rcu()), units(u.wcu()),
                units(u.wcuBilled())));
    }

    private static String units(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    }

    private ma.salonsess.shared.config.Env env(String function) {
        return resources.functionEnv(template.function(function));
    }

    private static APIGatewayV2HTTPEvent registerEvent(String fairId, int n) {
        APIGatewayV2HTTPEvent event = ApiEvents.withPathParameter(ApiEvents.load("registration-post-visitor.json"),
                "fairId", fairId);
        ApiEvents.withHeader(event, "idempotency-key", UUID.randomUUID().toString());
        event.setBody(event.getBody().replace("youssef.benali@", "youssef.benali+" + n + "@"));
        return event;
    }

    private static APIGatewayV2HTTPEvent signupEvent(String sample, String fairId, String workshopId, Person p) {
        APIGatewayV2HTTPEvent event = ApiEvents.withPathParameter(ApiEvents.load(sample), "fairId", fairId);
        ApiEvents.withPathParameter(event, "workshopId", workshopId);
        ApiEvents.withHeader(event, "authorization", "Bearer " + p.token());
        return event;
    }

    private static String signUp(WorkshopsHandler handler, String fairId, String workshopId, Person p) {
        APIGatewayV2HTTPEvent event = signupEvent("workshop-signup-post.json", fairId, workshopId, p);
        ApiEvents.withBody(event, "{\"registrationId\":\"" + p.registrationId() + "\"}");
        var response = handler.handleRequest(event, LambdaContext.forTest());
        check(response.getStatusCode() == 201, "sign-up answered " + response.getStatusCode() + response.getBody());
        return response.getBody().replace(" ", "");
    }

    private List<Person> people(String fairId, int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            AccessToken token = AccessToken.generate();
            Registration r = RegistrationBuilder.in(fairId).named("Person", "N" + i).accessToken(token).build();
            registrations.create(r, Optional.empty());
            return new Person(r.registrationId(), token.value());
        }).toList();
    }

    private void registrants(String fairId, int count) {
        IntStream.range(0, count).parallel().forEach(i -> registrations.create(
                RegistrationBuilder.in(fairId).named("Visiteur", "N" + i).build(), Optional.empty()));
    }

    private static void parallel(List<Person> people, java.util.function.Consumer<Person> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Person p : people) {
                futures.add(pool.submit(() -> action.accept(p)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Unexpected: " + what);
        }
    }

    /** An item's size as DynamoDB counts it: names and values, in bytes. */
    static int size(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (var e : item.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + size(e.getValue());
        }
        return bytes;
    }

    private static int size(AttributeValue v) {
        return switch (v.type()) {
            case S -> v.s().getBytes(StandardCharsets.UTF_8).length;
            case N -> 1 + (v.n().replace("-", "").replace(".", "").length() + 1) / 2;
            case B -> v.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> v.ss().stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
            case NS -> v.ns().stream().mapToInt(n -> 1 + (n.length() + 1) / 2).sum();
            case BS -> v.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
            case M -> 3 + v.m().entrySet().stream()
                    .mapToInt(e -> 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + size(e.getValue())).sum();
            case L -> 3 + v.l().stream().mapToInt(x -> 1 + size(x)).sum();
            default -> 0;
        };
    }
}
