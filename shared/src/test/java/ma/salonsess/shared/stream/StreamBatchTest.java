package ma.salonsess.shared.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamBatchTest {

    private static DynamodbEvent batch(int size) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(IntStream.rangeClosed(1, size).mapToObj(i -> {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID("event-" + i);
            record.setDynamodb(new StreamRecord().withSequenceNumber("10" + i));
            return record;
        }).toList());
        return event;
    }

    private static List<String> reported(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void aBatchThatSucceedsReportsNothing() {
        List<String> handled = new ArrayList<>();
        var response = StreamBatch.eachRecord(batch(3), null, r -> handled.add(r.getEventID()));
        assertEquals(List.of("event-1", "event-2", "event-3"), handled);
        assertEquals(List.of(), reported(response));
    }

    @Test
    void aFailingMiddleRecordIsReportedAndTheOnesAfterItAreLeftForTheRetry() {
        List<String> handled = new ArrayList<>();
        var response = StreamBatch.eachRecord(batch(5), null, r -> {
            handled.add(r.getEventID());
            if (r.getEventID().equals("event-3")) {
                throw new IllegalStateException("boom");
            }
        });
        assertEquals(List.of("event-1", "event-2", "event-3"), handled, "Lambda replays 4 and 5 from record 3 on");
        assertEquals(List.of("103"), reported(response));
    }

    @Test
    void aFailingFirstRecordIsReportedAlone() {
        List<String> handled = new ArrayList<>();
        var response = StreamBatch.eachRecord(batch(2), null, r -> {
            handled.add(r.getEventID());
            throw new IllegalStateException("boom");
        });
        assertEquals(List.of("event-1"), handled);
        assertEquals(List.of("101"), reported(response));
    }
}
