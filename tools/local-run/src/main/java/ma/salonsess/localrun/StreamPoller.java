package ma.salonsess.localrun;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Lambda's event source mapping for one DynamoDB stream subscription, locally: reads every shard,
 * drops records the FilterCriteria reject, and invokes the function with batches in order.
 *
 * <p>As on Lambda: a thrown error retries the whole batch; with ReportBatchItemFailures the batch
 * is retried from the first failed record (the ones before it are done); after
 * MaximumRetryAttempts the batch's description goes to the on-failure destination (here, a file
 * under {@code target/local-run/}) and the poller moves on. Without MaximumRetryAttempts Lambda
 * retries until the record expires; locally that is capped at 100 attempts.
 */
final class StreamPoller implements Runnable {
    private static final int UNSET_RETRIES_CAP = 100;
    private final LocalFunction function;
    private final SamTemplate.StreamSubscription subscription;
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final EventFilter filter;
    private final Path deadLetters;
    private final Map<String, String> iterators = new HashMap<>();
    /** The last sequence number delivered (or filtered out) per shard: where to resume from. */
    private final Map<String, String> checkpoints = new HashMap<>();
    private final Set<String> finishedShards = new HashSet<>();
    private volatile boolean running = true;
    private long lastDescribe;

    StreamPoller(LocalFunction function, SamTemplate.StreamSubscription subscription, DynamoDbStreamsClient streams,
                 String streamArn, String region, Path deadLetters) {
        this.function = function;
        this.subscription = subscription;
        this.streams = streams;
        this.streamArn = streamArn;
        this.region = region;
        this.filter = new EventFilter(subscription.filterPatterns());
        this.deadLetters = deadLetters;
        // Positions are taken now, so records written after start-up are seen even under LATEST.
        discoverShards(true);
    }

    String description() {
        return function.name() + " <- " + subscription.tableLogicalId() + " stream (" + subscription.name() + ")";
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                boolean any = pollOnce();
                if (!any) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                System.err.println("[" + function.name() + "] stream poller: " + e);
                sleepQuietly(1000);
            }
        }
    }

    /** Reads each shard once and delivers what it found; true when there were records. */
    boolean pollOnce() throws InterruptedException {
        if (System.currentTimeMillis() - lastDescribe > 1000) {
            discoverShards(false);
        }
        boolean any = false;
        for (String shardId : new ArrayList<>(iterators.keySet())) {
            String iterator = iterators.get(shardId);
            software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse result;
            try {
                result = streams.getRecords(b -> b.shardIterator(iterator).limit(subscription.batchSize()));
            } catch (software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException
                     | software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException stale) {
                // An iterator can go stale (DynamoDB Local: one taken while the shard was empty):
                // resume after the last record handled, as Lambda does from its checkpoint.
                iterators.put(shardId, resumeIterator(shardId));
                continue;
            }
            if (result.nextShardIterator() == null) {
                iterators.remove(shardId);
                finishedShards.add(shardId);
            } else {
                iterators.put(shardId, result.nextShardIterator());
            }
            List<Record> batch = result.records().stream()
                    .filter(r -> filter.accepts(StreamRecords.filterView(r))).toList();
            if (!batch.isEmpty()) {
                any = true;
                deliver(batch);
            }
            if (!result.records().isEmpty()) {
                checkpoints.put(shardId, result.records().getLast().dynamodb().sequenceNumber());
            }
        }
        return any;
    }

    private void discoverShards(boolean atStartup) {
        lastDescribe = System.currentTimeMillis();
        List<Shard> shards = new ArrayList<>();
        String last = null;
        do {
            String start = last;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(start))
                    .streamDescription();
            shards.addAll(description.shards());
            last = description.lastEvaluatedShardId();
        } while (last != null);
        for (Shard shard : shards) {
            String id = shard.shardId();
            if (iterators.containsKey(id) || finishedShards.contains(id)) {
                continue;
            }
            // Shards found later are children of ones we read: they start at their beginning.
            ShardIteratorType type = atStartup && "LATEST".equals(subscription.startingPosition())
                    ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
            iterators.put(id, streams.getShardIterator(b -> b.streamArn(streamArn).shardId(id).shardIteratorType(type))
                    .shardIterator());
        }
    }

    private String resumeIterator(String shardId) {
        String after = checkpoints.get(shardId);
        return streams.getShardIterator(b -> {
            b.streamArn(streamArn).shardId(shardId);
            if (after != null) {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            } else {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            }
        }).shardIterator();
    }

    private void deliver(List<Record> batch) throws InterruptedException {
        List<Record> pending = batch;
        int maxRetries = subscription.maximumRetryAttempts() < 0 ? UNSET_RETRIES_CAP : subscription.maximumRetryAttempts();
        for (int attempt = 0; ; attempt++) {
            int failedFrom = invoke(pending);
            if (failedFrom < 0) {
                return;
            }
            pending = pending.subList(failedFrom, pending.size());
            if (attempt >= maxRetries) {
                sendToOnFailureDestination(pending, attempt + 1);
                return;
            }
            Thread.sleep(Math.min(5000, 100L << Math.min(attempt, 6)));
        }
    }

    /** Invokes the function; -1 when the whole batch is done, else the index to retry from. */
    private int invoke(List<Record> batch) {
        DynamodbEvent event = StreamRecords.toEvent(batch, streamArn, region);
        Object result;
        try {
            result = function.invoke(event);
        } catch (Exception e) {
            System.err.println("[" + function.name() + "] batch of " + batch.size() + " failed: " + e);
            return 0;
        }
        if (!subscription.reportBatchItemFailures() || !(result instanceof StreamsEventResponse response)
                || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return -1;
        }
        int first = batch.size();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String sequence = failure.getItemIdentifier();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).dynamodb().sequenceNumber().equals(sequence)) {
                    first = Math.min(first, i);
                }
            }
            if (sequence == null || sequence.isEmpty()) {
                first = 0; // Lambda treats an empty identifier as a failure of the whole batch
            }
        }
        return first == batch.size() ? -1 : first;
    }

    private void sendToOnFailureDestination(List<Record> records, int attempts) {
        var entry = Json.object()
                .put("timestamp", Instant.now().toString())
                .put("function", function.name())
                .put("condition", "RetryAttemptsExhausted")
                .put("approximateInvokeCount", attempts)
                .put("streamArn", streamArn)
                .put("startSequenceNumber", records.getFirst().dynamodb().sequenceNumber())
                .put("endSequenceNumber", records.getLast().dynamodb().sequenceNumber())
                .put("batchSize", records.size());
        try {
            Files.createDirectories(deadLetters.getParent());
            Files.writeString(deadLetters, Json.write(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[" + function.name() + "] cannot write " + deadLetters + ": " + e);
        }
        System.err.println("[" + function.name() + "] gave up on " + records.size() + " record(s) after " + attempts
                + " attempts; described in " + deadLetters);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
