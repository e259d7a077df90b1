package ma.salonsess.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import ma.salonsess.digest.DigestApiHandler;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.StackResources;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The digest of a fair with 100,000 registrations, through the real handler (POST .../digest)
 * against the local stack: the time, and the peak heap (benchmarks/run caps it at 700 MB, what a
 * 1 GB Lambda leaves the heap). Registrations are written straight in (batch writes), in the
 * registration function's item format. Time inside AWS calls (DynamoDB Local, the SES emulator) is
 * told apart from the digest's own: DynamoDB Local pages slowly through one large partition.
 * Arguments: [registrations=100000].
 */
public final class DigestBenchmark {
    private DigestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var root = RepositoryLayout.root();
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        try (EmbeddedAws aws = EmbeddedAws.start(root, EmbeddedAws.Ports.any())) {
            DynamoDbClient dynamoDb = aws.endpoints().dynamoDbClient();
            StackResources resources = new StackResources(template, aws.endpoints(), dynamoDb, Map.of());
            resources.create(aws.endpoints().s3Client());
            String fairId = "digest-bench";
            LocalDate day = LocalDate.of(2026, 12, 10);
            new FairRepository(dynamoDb, resources.tableName("FairsTable")).save(new Fair(fairId,
                    new LocalizedText("Foire de 100 000", null, null), "Casablanca", "Parc", day, day.plusDays(3),
                    Fair.MOROCCO, List.of("organisation@example.org"), Language.FR));
            long seedStart = System.nanoTime();
            String table = resources.tableName("RegistrationsTable");
            IntStream.range(0, (count + 24) / 25).parallel().forEach(batch -> {
                List<WriteRequest> writes = new ArrayList<>();
                for (int i = batch * 25; i < Math.min(count, batch * 25 + 25); i++) {
                    writes.add(WriteRequest.builder().putRequest(p -> p.item(item(fairId))).build());
                }
                Map<String, List<WriteRequest>> pending = Map.of(table, writes);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pendingCopy(pending);
                    var response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
                    pending = response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()
                            ? response.unprocessedItems() : Map.of();
                }
            });
            System.out.printf("Seeded %d registrations in %.0f s%n", count, (System.nanoTime() - seedStart) / 1e9);

            DigestApiHandler handler = new DigestApiHandler(resources.functionEnv(template.function("DigestApiFunction")));
            System.gc();
            resetPeaks();
            DynamoDbCallTimer.takeNanos();
            long start = System.nanoTime();
            var response = handler.handleRequest(event(fairId), LambdaContext.forTest());
            double seconds = (System.nanoTime() - start) / 1e9;
            double inCalls = DynamoDbCallTimer.takeNanos() / 1e9;
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("Digest answered " + response.getStatusCode() + ": " + response.getBody());
            }
            String report = String.format("Max heap %d MB, Java %s%n%n"
                            + "| registrations | seconds | inside AWS calls | digest's own time | peak heap | answer |%n"
                            + "|---:|---:|---:|---:|---:|---|%n| %d | %.1f | %.1f | %.1f | %d MB | %s |%n",
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.version(), count, seconds, inCalls,
                    seconds - inCalls, peakHeap() >> 20, response.getBody());
            System.out.println(report);
            Files.createDirectories(root.resolve("target/benchmarks"));
            Files.writeString(root.resolve("target/benchmarks/digest.md"), report);
        }
    }

    private static Map<String, List<WriteRequest>> pendingCopy(Map<String, List<WriteRequest>> pending) {
        return new HashMap<>(pending);
    }

    private static Map<String, AttributeValue> item(String fairId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = UUID.randomUUID().toString();
        Role role = Role.values()[random.nextInt(Role.values().length)];
        Instant created = Instant.parse("2026-11-01T08:00:00Z").plusSeconds(random.nextLong(40L * 86_400));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("fairId", AttributeValue.fromS(fairId));
        item.put("sk", AttributeValue.fromS("REG#" + id));
        item.put("type", AttributeValue.fromS("REGISTRATION"));
        item.put("registrationId", AttributeValue.fromS(id));
        item.put("role", AttributeValue.fromS(role.name()));
        item.put("status", AttributeValue.fromS("CONFIRMED"));
        item.put("firstName", AttributeValue.fromS("Prénom"));
        item.put("lastName", AttributeValue.fromS("Nom " + id.substring(0, 6)));
        item.put("arabicName", AttributeValue.fromS("فاطمة الزهراء"));
        item.put("email", AttributeValue.fromS(id + "@example.org"));
        item.put("emailNormalized", AttributeValue.fromS(id + "@example.org"));
        item.put("language", AttributeValue.fromS(random.nextBoolean() ? "fr" : "ar"));
        if (role == Role.EXHIBITOR) {
            item.put("organisation", AttributeValue.fromM(Map.of("name", AttributeValue.fromS("Coopérative " + id.substring(0, 4)),
                    "type", AttributeValue.fromS("COOPERATIVE"),
                    "region", AttributeValue.fromS(Region.values()[random.nextInt(12)].code()),
                    "sector", AttributeValue.fromS(Sector.values()[random.nextInt(Sector.values().length)].name()))));
        }
        item.put("consent", AttributeValue.fromM(Map.of("dataProcessing", AttributeValue.fromBool(true),
                "photos", AttributeValue.fromBool(false), "shareWithExhibitors", AttributeValue.fromBool(random.nextBoolean()),
                "purposes", AttributeValue.fromL(List.of(AttributeValue.fromS("REGISTRATION"))),
                "noticeVersion", AttributeValue.fromS("2026-11"), "language", AttributeValue.fromS("fr"),
                "givenAt", AttributeValue.fromS(created.toString()))));
        item.put("badge", AttributeValue.fromM(Map.of("status", AttributeValue.fromS("PENDING"))));
        item.put("accessTokenHash", AttributeValue.fromS("0".repeat(64)));
        item.put("createdAt", AttributeValue.fromS(created.toString()));
        item.put("updatedAt", AttributeValue.fromS(created.toString()));
        item.put("purgeAt", AttributeValue.fromN("1830000000"));
        item.put("version", AttributeValue.fromN("1"));
        return item;
    }

    private static APIGatewayV2HTTPEvent event(String fairId) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(Map.of("sub", "bench", "cognito:groups", "[organisers]",
                                        // The fair's organiser: only they (or an admin) get its digest.
                                        "email", "organisation@example.org", "email_verified", "true"))
                                .build()).build())
                .build();
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /admin/fairs/{fairId}/digest")
                .withRawPath("/admin/fairs/" + fairId + "/digest").withPathParameters(Map.of("fairId", fairId))
                .withHeaders(Map.of()).withRequestContext(context).build();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(pool -> pool.resetPeakUsage());
    }

    private static long peakHeap() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
