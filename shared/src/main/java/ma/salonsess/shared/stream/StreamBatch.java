package ma.salonsess.shared.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.function.Consumer;
import ma.salonsess.shared.log.Log;

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
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                Log.error(context, "Stream record " + record.getEventID() + " failed; the batch is retried from it", e);
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
