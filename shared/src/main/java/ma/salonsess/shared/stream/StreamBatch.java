package ma.salonsess.shared.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import ma.salonsess.shared.log.Invocation;

/**
 * Handles a DynamoDB stream batch record by record, in order, and stops at the first that fails,
 * reporting it (partial batch response, with ReportBatchItemFailures). For a stream Lambda does not
 * retry the failed records alone: it retries the shard from the lowest sequence number reported,
 * so every record after it comes again anyway; handling them now would only do their work twice.
 * (SQS and SNS sources differ: there only the reported messages come again.)
 */
public final class StreamBatch {
    private StreamBatch() {
    }

    public static StreamsEventResponse eachRecord(DynamodbEvent event, Context context,
                                                  Consumer<DynamodbEvent.DynamodbStreamRecord> handler) {
        return eachRecord(event, context, handler, null);
    }

    /**
     * As above, and a record that fails is first parked with what a replay needs ({@link ParkedRecords}),
     * so it can be replayed after the stream has forgotten it; if parking fails too, the failure is
     * still reported (the dead-letter queue keeps the record's position for 24 hours).
     */
    public static StreamsEventResponse eachRecord(DynamodbEvent event, Context context,
                                                  Consumer<DynamodbEvent.DynamodbStreamRecord> handler,
                                                  ParkedRecords parking) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords();
        Invocation invocation = Invocation.start(context, "dynamodb-stream " + table(records));
        Set<String> fairs = new TreeSet<>();
        int done = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String fair = fairOf(record);
            if (fair != null) {
                fairs.add(fair);
            }
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                if (parking != null) {
                    try {
                        parking.park(record, Instant.now(), e);
                    } catch (RuntimeException notParked) {
                        e.addSuppressed(notParked);
                    }
                }
                invocation.failed(fairs, "record " + record.getEventID() + " failed after " + done + " of "
                        + records.size() + "; the batch is retried from it", e);
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
            }
            done++;
        }
        invocation.ended(fairs, "processed " + done + " record(s)");
        return new StreamsEventResponse(List.of());
    }

    /**
     * An invocation with no records is no stream's (Lambda never sends an empty batch): it is the
     * operator's command to replay the parked records ({@code aws lambda invoke ... --payload
     * '{"Records":[]}'}).
     */
    public static boolean isReplayCommand(DynamodbEvent event) {
        return event.getRecords() == null || event.getRecords().isEmpty();
    }

    /**
     * Replays the parked records through {@code handler}, logs one line, and fails while any
     * remain parked, so the command's caller (and the function's errors alarm) sees it.
     */
    public static StreamsEventResponse replay(ParkedRecords parking, Context context,
                                              Consumer<DynamodbEvent.DynamodbStreamRecord> handler) {
        return Invocation.run(context, "replay parked records", null, () -> {
            ParkedRecords.Replayed replayed = parking.replay(handler, Instant.now());
            if (replayed.stillParked() > 0) {
                throw new IllegalStateException(replayed.stillParked() + " record(s) still parked after "
                        + replayed.completed() + " replayed; they stay parked");
            }
            return new StreamsEventResponse(List.of());
        }, response -> "replayed, none left parked");
    }

    /** The table whose stream it is, from the source ARN ({@code ...:table/NAME/stream/...}). */
    private static String table(List<DynamodbEvent.DynamodbStreamRecord> records) {
        String arn = records.isEmpty() ? null : records.get(0).getEventSourceARN();
        if (arn == null || !arn.contains(":table/")) {
            return "unknown";
        }
        String rest = arn.substring(arn.indexOf(":table/") + ":table/".length());
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }

    /** Every table here is partitioned by fair: its key's fairId, an id with no personal data. */
    private static String fairOf(DynamodbEvent.DynamodbStreamRecord record) {
        var keys = record.getDynamodb() == null ? null : record.getDynamodb().getKeys();
        if (keys == null) {
            return null;
        }
        var fair = keys.get("fairId");
        var pk = keys.get("pk"); // sign-ups: WS#<fairId>#<workshopId>
        if (fair == null && pk != null && pk.getS() != null && pk.getS().startsWith("WS#")) {
            return pk.getS().split("#")[1];
        }
        return fair == null ? null : fair.getS();
    }
}
