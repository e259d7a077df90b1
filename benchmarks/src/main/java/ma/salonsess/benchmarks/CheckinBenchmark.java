package ma.salonsess.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import ma.salonsess.checkin.CheckinHandler;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.StackResources;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Entry;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Consent;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;

/**
 * The fair day's check-in through the real handler ({@link CheckinHandler}, one JVM) against
 * DynamoDB Local, on the demo fair's first day:
 * <ul>
 *   <li>warm single scans: p50/p99 of the request, of its DynamoDB calls and of the handler's own time;</li>
 *   <li>a gate's morning: 3,000 scans from 6 devices at once, 10% of them repeats (half the same scan
 *       sent again, half the badge shown again at another gate);</li>
 *   <li>a batch sync: 5,000 offline scans in batches of 500 from two devices whose badges overlap;</li>
 *   <li>the scanner kit's revoked list for a 100,000-registration fair, by share of erased badges.</li>
 * </ul>
 * Each scenario checks exactly one entry per badge per day. Arguments: [warmScans=3000].
 */
public final class CheckinBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);
    private static final String DEVICE_CHARS = "gate-";

    private CheckinBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmScans = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path root = RepositoryLayout.root();
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        try (EmbeddedAws aws = EmbeddedAws.start(root, EmbeddedAws.Ports.any())) {
            var dynamoDb = aws.endpoints().dynamoDbClient();
            StackResources resources = new StackResources(template, aws.endpoints(), dynamoDb, Map.of());
            resources.create(aws.endpoints().s3Client());
            DemoFair.seed(root, dynamoDb, resources.tableName("FairsTable"));
            Env env = resources.functionEnv(template.function("CheckinFunction"));
            Clock clock = Clock.fixed(at(12, 0), ZoneOffset.UTC);
            CheckinHandler handler = new CheckinHandler(env, dynamoDb, clock);
            BadgeToken tokens = new Wiring(env).fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new).get();
            RegistrationRepository registrations = new RegistrationRepository(dynamoDb,
                    resources.tableName("RegistrationsTable"));
            CheckinRepository checkins = new CheckinRepository(dynamoDb, resources.tableName("CheckinsTable"));
            Bench bench = new Bench(handler, tokens);

            StringBuilder report = new StringBuilder();
            report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                    .append(Runtime.version()).append("\n\n");
            warm(bench, people(registrations, warmScans + 1500), warmScans, report);
            if (!(args.length > 1 && args[1].equals("warm"))) {
                morning(bench, checkins, people(registrations, 2700), report);
                batches(bench, checkins, people(registrations, 4000), report);
                revoked(report);
            }
            System.out.println(report);
            Path out = root.resolve("target/benchmarks/checkin.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
            System.out.println("Written to " + out);
        }
    }

    /** Local time of the demo fair's first day (UTC+1). */
    static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atOffset(ZoneOffset.ofHours(1)).toInstant();
    }

    private record Bench(CheckinHandler handler, BadgeToken tokens) {
        JsonNode send(String route, String path, String body) {
            var event = APIGatewayV2HTTPEvent.builder().withRouteKey(route).withRawPath(path)
                    .withPathParameters(Map.of("fairId", DemoFair.ID))
                    .withHeaders(Map.of("content-type", "application/json")).withBody(body)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                            .withClaims(Map.of("sub", "bench", "email", "steward@example.org",
                                                    "email_verified", "true", "cognito:groups", "[stewards]"))
                                            .build()).build()).build())
                    .build();
            var response = handler.handleRequest(event, LambdaContext.forTest());
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException(route + " answered " + response.getStatusCode() + ": "
                        + response.getBody());
            }
            try {
                return Json.parse(response.getBody());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String checkIn(ObjectNode scan) {
            return send("POST /staff/fairs/{fairId}/checkins", "/staff/fairs/" + DemoFair.ID + "/checkins",
                    scan.toString()).get("result").asText();
        }

        ObjectNode scan(String registrationId, String point, String scanId, Instant when, String device) {
            ObjectNode scan = Json.object().put("token", tokens.issue(DemoFair.ID, registrationId, Role.VISITOR))
                    .put("point", point).put("scanId", scanId).put("scannedAt", when.toString());
            return device == null ? scan : scan.put("deviceId", device);
        }
    }

    private static void warm(Bench bench, List<String> people, int scans, StringBuilder report) {
        int warmup = people.size() - scans;
        for (int i = 0; i < warmup; i++) {
            bench.checkIn(bench.scan(people.get(i), "entrance", UUID.randomUUID().toString(), at(9, 0), "gate-a"));
        }
        DynamoDbCallTimer.takeNanos();
        double[] total = new double[scans];
        double[] own = new double[scans];
        double[] dynamo = new double[scans];
        for (int i = 0; i < scans; i++) {
            ObjectNode scan = bench.scan(people.get(warmup + i), "entrance", UUID.randomUUID().toString(),
                    at(9, 30), "gate-a");
            long start = System.nanoTime();
            String result = bench.checkIn(scan);
            long elapsed = System.nanoTime() - start;
            long inDynamo = DynamoDbCallTimer.takeNanos();
            if (!"ADMITTED".equals(result)) {
                throw new IllegalStateException("Expected ADMITTED, got " + result);
            }
            total[i] = elapsed / 1e6;
            dynamo[i] = inDynamo / 1e6;
            own[i] = (elapsed - inDynamo) / 1e6;
        }
        Arrays.sort(total);
        Arrays.sort(own);
        Arrays.sort(dynamo);
        report.append("## Warm single scans: ").append(scans).append(" first entries after ").append(warmup)
                .append(" warm-up ones (token verified, 4 DynamoDB calls: scan, registration, entry, answer)\n\n")
                .append("| | p50 ms | p99 ms | p99.9 ms |\n|---|---:|---:|---:|\n")
                .append(Percentiles.row("whole request (handler + DynamoDB)", total))
                .append(Percentiles.row("inside DynamoDB calls", dynamo))
                .append(Percentiles.row("handler's own time (request minus its DynamoDB calls)", own))
                .append(String.format("%nHandler's own time at p99: **%.2f ms** (target: under 2 ms)%n%n",
                        Percentiles.of(own, 0.99)));
        // The badge code's signature check alone, on the same JVM and keys: its share of that own time.
        String code = bench.tokens().issue(DemoFair.ID, people.get(0), Role.VISITOR);
        int checks = 3000;
        for (int i = 0; i < checks; i++) {
            bench.tokens().verify(DemoFair.ID, code);
        }
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            bench.tokens().verify(DemoFair.ID, code);
        }
        report.append(String.format("Verifying one badge code's Ed25519 signature alone: %.2f ms (mean of %d, "
                + "after as many untimed)%n%n", (System.nanoTime() - start) / 1e6 / checks, checks));
    }

    /** 3,000 scans in a gate's morning from 6 devices at once: 2,700 badges, 10% repeats. */
    private static void morning(Bench bench, CheckinRepository checkins, List<String> people, StringBuilder report)
            throws Exception {
        List<ObjectNode> scans = new ArrayList<>();
        List<ObjectNode> repeats = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            String device = DEVICE_CHARS + (i % 6);
            ObjectNode scan = bench.scan(people.get(i), "entrance", UUID.randomUUID().toString(),
                    at(8, 0).plusSeconds(i), device);
            scans.add(scan);
            if (i % 18 == 0) {
                repeats.add(scan.deepCopy()); // the same scan sent again (a lost answer)
            } else if (i % 18 == 9) {
                repeats.add(bench.scan(people.get(i), "gate-b", UUID.randomUUID().toString(),
                        at(8, 0).plusSeconds(i + 600), DEVICE_CHARS + ((i + 1) % 6))); // shown again elsewhere
            }
        }
        List<List<ObjectNode>> perDevice = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            perDevice.add(new ArrayList<>());
        }
        for (int i = 0; i < scans.size(); i++) {
            perDevice.get(i % 6).add(scans.get(i));
        }
        for (int i = 0; i < repeats.size(); i++) {
            perDevice.get(i % 6).add(repeats.get(i));
        }
        Map<String, Integer> answers = new HashMap<>();
        ExecutorService devices = Executors.newFixedThreadPool(6);
        List<Future<Map<String, Integer>>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (List<ObjectNode> device : perDevice) {
            done.add(devices.submit(() -> {
                Map<String, Integer> counts = new HashMap<>();
                for (ObjectNode scan : device) {
                    counts.merge(bench.checkIn(scan), 1, Integer::sum);
                }
                return counts;
            }));
        }
        for (Future<Map<String, Integer>> f : done) {
            f.get().forEach((k, v) -> answers.merge(k, v, Integer::sum));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        devices.shutdown();
        int total = scans.size() + repeats.size();
        String entries = entriesCheck(checkins, people);
        report.append("## A gate's morning: ").append(total).append(" scans from 6 devices at once (")
                .append(people.size()).append(" badges, ").append(repeats.size()).append(" repeats)\n\n")
                .append(String.format("%.1f s, %.0f scans/s; answers %s; %s%n%n", seconds, total / seconds,
                        new java.util.TreeMap<>(answers), entries));
    }

    /** 5,000 offline scans in batches of 500 from two devices: 1,000 badges were let in by both. */
    private static void batches(Bench bench, CheckinRepository checkins, List<String> people, StringBuilder report) {
        List<ObjectNode> deviceA = new ArrayList<>();
        List<ObjectNode> deviceB = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (i < 3000) {
                deviceA.add(bench.scan(people.get(i), "entrance", UUID.randomUUID().toString(),
                        at(10, 0).plusSeconds(i), null));
            }
            if (i >= 2000) {
                // Badges 2000-2999 were admitted by both devices; B saw them a minute earlier.
                deviceB.add(bench.scan(people.get(i), "gate-b", UUID.randomUUID().toString(),
                        at(10, 0).plusSeconds(i - 60), null));
            }
        }
        Map<String, Integer> answers = new HashMap<>();
        int conflicts = 0;
        long start = System.nanoTime();
        for (int from = 0; from < 3000; from += 500) {
            conflicts += sendBatch(bench, "gate-a-phone", deviceA.subList(from, from + 500), answers);
            if (from < 2000) {
                conflicts += sendBatch(bench, "gate-b-phone", deviceB.subList(from, from + 500), answers);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = deviceA.size() + deviceB.size();
        boolean earlierStands = IntStream.range(2000, 3000).allMatch(i -> checkins.entry(DemoFair.ID,
                people.get(i), DAY).map(Entry::point).orElse("").equals("gate-b"));
        report.append("## Batch sync: ").append(total).append(" offline scans, batches of 500 from 2 devices (")
                .append(people.size()).append(" badges, 1,000 admitted by both)\n\n")
                .append(String.format("%.1f s, %.0f scans/s (%.0f ms a batch); answers %s; %d marked conflict; "
                                + "earlier scan stands for every double entry: %s; %s%n%n", seconds, total / seconds,
                        seconds * 1000 / (total / 500.0), new java.util.TreeMap<>(answers), conflicts, earlierStands,
                        entriesCheck(checkins, people)));
    }

    private static int sendBatch(Bench bench, String device, List<ObjectNode> scans, Map<String, Integer> answers) {
        ObjectNode body = Json.object().put("deviceId", device);
        ArrayNode list = body.putArray("scans");
        scans.forEach(list::add);
        JsonNode results = bench.send("POST /staff/fairs/{fairId}/checkins/batch",
                "/staff/fairs/" + DemoFair.ID + "/checkins/batch", body.toString()).get("results");
        int conflicts = 0;
        for (JsonNode r : results) {
            answers.merge(r.path("result").asText("REFUSED"), 1, Integer::sum);
            conflicts += r.path("conflict").asBoolean() ? 1 : 0;
        }
        return conflicts;
    }

    /** Whether every badge has exactly one entry that day. */
    private static String entriesCheck(CheckinRepository checkins, List<String> people) {
        long wrong = people.parallelStream()
                .filter(id -> checkins.ofRegistration(DemoFair.ID, id).entries().size() != 1).count();
        return wrong == 0 ? "exactly one entry per badge: yes (" + people.size() + " checked)"
                : "badges without exactly one entry: " + wrong;
    }

    /** The scanner kit's revoked list, as JSON and gzipped as API Gateway can send it. */
    private static void revoked(StringBuilder report) throws Exception {
        report.append("## Revoked list in the scanner kit, 100,000-registration fair\n\n")
                .append("| erased or replaced | fingerprints | JSON bytes | gzip bytes |\n|---:|---:|---:|---:|\n");
        for (double share : new double[] {0.01, 0.05, 0.2, 1.0}) {
            int count = (int) (100_000 * share);
            ArrayNode list = Json.object().putArray("revoked");
            for (int i = 0; i < count; i++) {
                list.add(BadgeToken.fingerprint("salon-provincial-2027", UUID.randomUUID().toString()));
            }
            byte[] json = list.toString().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(json);
            }
            report.append(String.format("| %.0f%% | %,d | %,d | %,d |%n", share * 100, count, json.length,
                    zipped.size()));
        }
        report.append("\n");
    }

    private static List<String> people(RegistrationRepository registrations, int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            registrations.create(new Registration(id, DemoFair.ID, Role.VISITOR, Registration.Status.CONFIRMED,
                    "Person", "N" + i, null, new EmailAddress("c" + i + "-" + id.substring(0, 8) + "@example.org"),
                    null, Language.FR, null, new Consent(false, false, "bench", Language.FR, now),
                    BadgeState.pending(), AccessToken.generate().hash(), now, now.plusSeconds(86_400), 1),
                    Optional.empty());
            return id;
        }).toList();
    }
}
