package ma.salonsess.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.StackResources;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Consent;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.workshops.WorkshopsHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Workshop sign-up throughput and latency with 16 concurrent clients, through the real handler,
 * against DynamoDB Local: sign-ups spread over a fair's programme, and a rush on one workshop.
 * Arguments: [signupsPerScenario=1600].
 */
public final class SignupBenchmark {
    private static final int CLIENTS = 16;
    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    private SignupBenchmark() {
    }

    private record Person(String registrationId, String token) {
    }

    public static void main(String[] args) throws Exception {
        int signups = args.length > 0 ? Integer.parseInt(args[0]) : 1600;
        Path root = RepositoryLayout.root();
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        try (EmbeddedAws aws = EmbeddedAws.start(root, EmbeddedAws.Ports.any())) {
            DynamoDbClient dynamoDb = aws.endpoints().dynamoDbClient();
            StackResources resources = new StackResources(template, aws.endpoints(), dynamoDb, Map.of());
            resources.create(aws.endpoints().s3Client());
            WorkshopsHandler handler = new WorkshopsHandler(resources.functionEnv(template.function("WorkshopsFunction")));
            Stack stack = new Stack(dynamoDb, resources.tableName("FairsTable"), resources.tableName("RegistrationsTable"));

            run(stack, handler, 10, 40, Math.max(300, signups / 4)); // warm-up, not reported
            StringBuilder report = new StringBuilder();
            report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                    .append(Runtime.version()).append(", ").append(CLIENTS).append(" concurrent clients\n\n")
                    .append("| scenario | sign-ups | per second | p50 ms | p99 ms | max ms | confirmed / waiting |\n")
                    .append("|---|---:|---:|---:|---:|---:|---|\n");
            report.append(run(stack, handler, 10, 40, signups).row("spread: 10 workshops of 40 seats"));
            report.append(run(stack, handler, 1, 30, signups).row("rush: 1 workshop of 30 seats"));
            System.out.println(report);
            Path out = root.resolve("target/benchmarks/signups.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
            System.out.println("Written to " + out);
        }
    }

    private record Result(int signups, double seconds, double[] latencies, long confirmed, long waiting) {
        String row(String name) {
            return String.format("| %s | %d | %.0f | %.1f | %.1f | %.1f | %d / %d |%n", name, signups,
                    signups / seconds, pct(0.50), pct(0.99), latencies[latencies.length - 1], confirmed, waiting);
        }

        double pct(double p) {
            return latencies[Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1)];
        }
    }

    private static Result run(Stack stack, WorkshopsHandler handler, int workshops, int seats, int signups)
            throws Exception {
        String fairId = stack.fair();
        for (int w = 0; w < workshops; w++) {
            stack.workshop(fairId, "w" + w, seats, w);
        }
        List<Person> people = stack.people(fairId, signups);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        double[] latencies = new double[signups];
        String[] statuses = new String[signups];
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int i = client; i < signups; i += CLIENTS) {
                    Person p = people.get(i);
                    String workshopId = "w" + ThreadLocalRandom.current().nextInt(workshops);
                    long t0 = System.nanoTime();
                    var response = handler.handleRequest(event(fairId, workshopId, p), LambdaContext.forTest());
                    latencies[i] = (System.nanoTime() - t0) / 1e6;
                    if (response.getStatusCode() != 201) {
                        throw new IllegalStateException("Sign-up answered " + response.getStatusCode() + ": "
                                + response.getBody());
                    }
                    statuses[i] = response.getBody().contains("CONFIRMED") ? "C" : "W";
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        long confirmed = Arrays.stream(statuses).filter("C"::equals).count();
        return new Result(signups, seconds, latencies, confirmed, signups - confirmed);
    }

    private static APIGatewayV2HTTPEvent event(String fairId, String workshopId, Person p) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /fairs/{fairId}/workshops/{workshopId}/signups")
                .withRawPath("/fairs/" + fairId + "/workshops/" + workshopId + "/signups")
                .withPathParameters(Map.of("fairId", fairId, "workshopId", workshopId))
                .withHeaders(Map.of("content-type", "application/json", "authorization", "Bearer " + p.token()))
                .withBody("{\"registrationId\":\"" + p.registrationId() + "\"}")
                .build();
    }

    /** Writes the fair, workshops and registrants a run needs, straight into the tables. */
    private record Stack(DynamoDbClient dynamoDb, String fairsTable, String registrationsTable) {
        String fair() {
            String fairId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            new FairRepository(dynamoDb, fairsTable).save(new Fair(fairId, new LocalizedText("Banc d'essai", null, null),
                    "Rabat", "Bab Rouah", DAY, DAY.plusDays(3), Fair.MOROCCO, List.of("organisation@example.org"),
                    Language.FR));
            return fairId;
        }

        /** Workshop n runs at its own hour, so nobody's sign-ups overlap. */
        void workshop(String fairId, String workshopId, int seats, int n) {
            var starts = DAY.atTime(8, 0).plusMinutes(30L * n).atOffset(ZoneOffset.ofHours(1));
            new WorkshopRepository(dynamoDb, fairsTable).save(new Workshop(fairId, workshopId,
                    new LocalizedText("Atelier " + workshopId, null, null), null, "Salle", starts,
                    starts.plusMinutes(25), seats, Language.FR));
        }

        List<Person> people(String fairId, int count) {
            RegistrationRepository registrations = new RegistrationRepository(dynamoDb, registrationsTable);
            return java.util.stream.IntStream.range(0, count).parallel().mapToObj(i -> {
                AccessToken token = AccessToken.generate();
                String id = UUID.randomUUID().toString();
                Instant now = Instant.now();
                registrations.create(new Registration(id, fairId, Role.VISITOR, Registration.Status.CONFIRMED,
                        "Person", "N" + i, null, new EmailAddress("p" + i + "-" + id.substring(0, 6) + "@example.org"),
                        null, Language.FR, null, new Consent(false, false, "bench", Language.FR, now),
                        BadgeState.pending(), token.hash(), now, now.plusSeconds(86_400), 1), Optional.empty());
                return new Person(id, token.value());
            }).toList();
        }
    }
}
