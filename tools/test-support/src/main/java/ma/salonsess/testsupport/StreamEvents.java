package ma.salonsess.testsupport;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import ma.salonsess.localaws.LambdaAttributeValues;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB stream records as Lambda delivers them, made from items, for stream functions' tests. */
public final class StreamEvents {
    private static final AtomicLong SEQUENCE = new AtomicLong(100_000_000_000_000_000L);

    private StreamEvents() {
    }

    /** One record; {@code before} or {@code after} null as for INSERT and REMOVE. */
    public static DynamodbEvent.DynamodbStreamRecord record(String eventName, List<String> keyNames,
                                                            Map<String, AttributeValue> before,
                                                            Map<String, AttributeValue> after) {
        Map<String, AttributeValue> image = after != null ? after : before;
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        keyNames.forEach(k -> keys.put(k, image.get(k)));
        StreamRecord data = new StreamRecord();
        data.setKeys(LambdaAttributeValues.convert(keys));
        if (before != null) {
            data.setOldImage(LambdaAttributeValues.convert(before));
        }
        if (after != null) {
            data.setNewImage(LambdaAttributeValues.convert(after));
        }
        data.setSequenceNumber(Long.toString(SEQUENCE.incrementAndGet()));
        data.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.NEW_AND_OLD_IMAGES);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(data.getSequenceNumber());
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setEventVersion("1.1");
        record.setAwsRegion("eu-west-3");
        record.setDynamodb(data);
        return record;
    }

    public static DynamodbEvent batch(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }
}
