package ma.salonsess.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The DynamoDB side of {@code benchmarks/load/opening-morning.mjs}, reading the local run's
 * {@code endpoints.json} like any script would:
 * <ul>
 *   <li>{@code ceiling <endpoints.json> <fairId> <threads> <seconds>}: DynamoDB Local's own ceiling
 *       for the calls of the load's cycle (a fair page, a programme, a registration, a programme, a
 *       sign-up), made straight with the SDK by as many threads as the load has connections. The
 *       writes are the same shape (conditional puts in one transaction) but go to the idempotency
 *       table under ids of their own, which no function reads and the TTL removes.</li>
 *   <li>{@code registrations <endpoints.json> <fairId>}: one line per registration of the fair,
 *       {@code registrationId email}, read strongly consistently.</li>
 * </ul>
 */
public final class OpeningMorningDynamoDb {
    private OpeningMorningDynamoDb() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode aws = Json.parse(Files.readString(Path.of(args[1]))).get("aws");
        Map<String, String> variables = new HashMap<>();
        aws.get("environment").properties().forEach(e -> variables.put(e.getKey(), e.getValue().asText()));
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(Env.of(variables));
        JsonNode tables = aws.get("tables");
        String fairId = args[2];
        switch (args[0]) {
            case "ceiling" -> ceiling(dynamoDb, tables, fairId, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "registrations" -> registrations(dynamoDb, tables.get("RegistrationsTable").asText(), fairId);
            default -> throw new IllegalArgumentException("ceiling or registrations, not " + args[0]);
        }
    }

    private static void registrations(DynamoDbClient dynamoDb, String table, String fairId) {
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("fairId = :f AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(fairId),
                                ":p", AttributeValue.fromS("REG#"))))
                .items().forEach(item -> System.out.println(item.get("registrationId").s() + " "
                        + (item.containsKey("email") ? item.get("email").s() : "-")));
    }

    private static void ceiling(DynamoDbClient dynamoDb, JsonNode tables, String fairId, int threads, int seconds)
            throws Exception {
        String fairs = tables.get("FairsTable").asText();
        String scratch = tables.get("IdempotencyTable").asText();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Double> cycles = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    cycle(dynamoDb, fairs, scratch, fairId);
                    cycles.add((System.nanoTime() - start) / 1e6);
                }
                return cycles;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        all.sort(Double::compare);
        System.out.println(Json.write(Json.object().put("cycles", all.size()).put("seconds", seconds)
                .put("callsPerCycle", CALLS_PER_CYCLE)
                .put("cycleP50Ms", all.get(all.size() / 2)).put("cycleP99Ms", all.get((int) (all.size() * 0.99)))));
    }

    /** The DynamoDB calls behind one cycle of the load's HTTP requests (see the class comment). */
    static final int CALLS_PER_CYCLE = 10;

    private static void cycle(DynamoDbClient dynamoDb, String fairs, String scratch, String fairId) {
        Map<String, AttributeValue> fairKey = Map.of("fairId", AttributeValue.fromS(fairId),
                "sk", AttributeValue.fromS("FAIR"));
        // The fair page: one GetItem.
        dynamoDb.getItem(b -> b.tableName(fairs).key(fairKey));
        // The programme: one Query of the fair's partition.
        programme(dynamoDb, fairs, fairId);
        // A registration: the fair, then three conditional puts in one transaction.
        dynamoDb.getItem(b -> b.tableName(fairs).key(fairKey));
        dynamoDb.transactWriteItems(b -> b.transactItems(put(scratch), put(scratch), put(scratch)));
        // The programme again.
        programme(dynamoDb, fairs, fairId);
        // A sign-up: the registration, the programme, the signup and the agenda, then one transaction.
        dynamoDb.getItem(b -> b.tableName(fairs).key(fairKey).consistentRead(true));
        programme(dynamoDb, fairs, fairId);
        dynamoDb.getItem(b -> b.tableName(scratch).key(Map.of("id", AttributeValue.fromS("none"))));
        dynamoDb.getItem(b -> b.tableName(scratch).key(Map.of("id", AttributeValue.fromS("none"))));
        dynamoDb.transactWriteItems(b -> b.transactItems(put(scratch), put(scratch), put(scratch)));
    }

    private static void programme(DynamoDbClient dynamoDb, String fairs, String fairId) {
        dynamoDb.query(b -> b.tableName(fairs).keyConditionExpression("fairId = :f")
                .expressionAttributeValues(Map.of(":f", AttributeValue.fromS(fairId))));
    }

    private static final String PADDING = "x".repeat(600);

    private static TransactWriteItem put(String table) {
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("ceiling-" + UUID.randomUUID()),
                "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() + 600)),
                "body", AttributeValue.fromS(PADDING));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(id)")).build();
    }
}
