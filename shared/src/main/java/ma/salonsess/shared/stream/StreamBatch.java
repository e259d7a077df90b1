package ma.salonsess.shared.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Handles a DynamoDB stream batch record by record and reports the ones that failed (partial
 * batch response, with ReportBatchItemFailures): Lambda then retries only those, and one bad
 * record neither blocks nor repeats the others.
 */
public final class StreamBatch {
    private StreamBatch() {
    }

    public static StreamsEventResponse eachRecord(DynamodbEvent event, Context context,
                                                  Consumer<DynamodbEvent.DynamodbStreamRecord> handler) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                if (context != null) {
                    context.getLogger().log("Record " + record.getEventID() + " failed: " + e);
                }
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }
}
