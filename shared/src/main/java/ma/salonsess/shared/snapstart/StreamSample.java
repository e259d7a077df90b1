package ma.salonsess.shared.snapstart;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB stream record as Lambda hands it to a function, built in code for {@link Priming}
 * (the {@code events/} samples' shape): string attributes only, which is what the handlers read first.
 */
public final class StreamSample {
    private StreamSample() {
    }

    /** One record; {@code keys} name the item, the images may be null. */
    public static DynamodbEvent of(String eventName, Map<String, String> keys, Map<String, String> newImage,
                                   Map<String, String> oldImage) {
        StreamRecord data = new StreamRecord();
        data.setKeys(attributes(keys));
        data.setNewImage(newImage == null ? null : attributes(newImage));
        data.setOldImage(oldImage == null ? null : attributes(oldImage));
        data.setSequenceNumber("100000000000000000001");
        data.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("priming");
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setAwsRegion("eu-west-3");
        record.setDynamodb(data);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** The keys and image of a registration item of the priming fair. */
    public static Map<String, String> registration() {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("fairId", ApiSample.FAIR);
        item.put("sk", "REG#" + ApiSample.REGISTRATION);
        item.put("type", "REGISTRATION");
        item.put("registrationId", ApiSample.REGISTRATION);
        item.put("role", "VISITOR");
        item.put("status", "CONFIRMED");
        item.put("firstName", "Amina");
        item.put("lastName", "Alaoui");
        item.put("email", "priming@example.org");
        item.put("language", "ar");
        return item;
    }

    public static Map<String, String> registrationKeys() {
        return Map.of("fairId", ApiSample.FAIR, "sk", "REG#" + ApiSample.REGISTRATION);
    }

    private static Map<String, AttributeValue> attributes(Map<String, String> values) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        values.forEach((name, value) -> attributes.put(name, new AttributeValue().withS(value)));
        return attributes;
    }
}
