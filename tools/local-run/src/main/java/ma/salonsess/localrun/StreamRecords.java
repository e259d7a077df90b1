package ma.salonsess.localrun;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import ma.salonsess.localaws.LambdaAttributeValues;
import ma.salonsess.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Turns records read from DynamoDB Streams into the {@link DynamodbEvent} Lambda delivers. */
final class StreamRecords {
    private StreamRecords() {
    }

    static DynamodbEvent toEvent(List<Record> records, String streamArn, String region) {
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
        for (Record r : records) {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(r.eventID());
            record.setEventName(r.eventNameAsString());
            record.setEventVersion(r.eventVersion() == null ? "1.1" : r.eventVersion());
            record.setEventSource("aws:dynamodb");
            record.setAwsRegion(region);
            record.setEventSourceARN(streamArn);
            StreamRecord data = new StreamRecord();
            var d = r.dynamodb();
            if (d.approximateCreationDateTime() != null) {
                data.setApproximateCreationDateTime(Date.from(d.approximateCreationDateTime()));
            }
            data.setKeys(LambdaAttributeValues.convert(d.keys()));
            if (d.hasNewImage()) {
                data.setNewImage(LambdaAttributeValues.convert(d.newImage()));
            }
            if (d.hasOldImage()) {
                data.setOldImage(LambdaAttributeValues.convert(d.oldImage()));
            }
            data.setSequenceNumber(d.sequenceNumber());
            data.setSizeBytes(d.sizeBytes());
            if (d.streamViewTypeAsString() != null) {
                data.setStreamViewType(StreamViewType.fromValue(d.streamViewTypeAsString()));
            }
            record.setDynamodb(data);
            converted.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(converted);
        return event;
    }

    /**
     * The record as Lambda's event filtering sees it (JSON with {@code eventName}, {@code dynamodb.Keys},
     * {@code dynamodb.NewImage}, ...), to match FilterCriteria patterns against.
     */
    static ObjectNode filterView(Record r) {
        ObjectNode node = Json.object();
        node.put("eventName", r.eventNameAsString());
        node.put("eventSource", "aws:dynamodb");
        ObjectNode dynamodb = node.putObject("dynamodb");
        dynamodb.set("Keys", image(r.dynamodb().keys()));
        if (r.dynamodb().hasNewImage()) {
            dynamodb.set("NewImage", image(r.dynamodb().newImage()));
        }
        if (r.dynamodb().hasOldImage()) {
            dynamodb.set("OldImage", image(r.dynamodb().oldImage()));
        }
        return node;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode out = Json.object();
        item.forEach((k, v) -> out.set(k, value(v)));
        return out;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode out = Json.object();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            case M -> out.set("M", image(v.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                v.l().forEach(item -> list.add(value(item)));
            }
            case SS -> {
                ArrayNode list = out.putArray("SS");
                v.ss().forEach(list::add);
            }
            default -> out.put(v.type().name(), String.valueOf(v));
        }
        return out;
    }
}
