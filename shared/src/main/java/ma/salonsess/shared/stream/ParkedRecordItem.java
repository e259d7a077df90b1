package ma.salonsess.shared.stream;

import static ma.salonsess.shared.dynamo.Items.s;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parked stream record as an item, and back: the Lambda event's attribute values in the SDK's. */
final class ParkedRecordItem {
    private ParkedRecordItem() {
    }

    static Map<String, AttributeValue> of(DynamodbEvent.DynamodbStreamRecord record, Set<String> attributes) {
        StreamRecord dynamodb = record.getDynamodb();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("eventName", s(record.getEventName()));
        item.put("recordKeys", AttributeValue.fromM(toSdk(dynamodb.getKeys(), null)));
        item.put("oldImage", AttributeValue.fromM(toSdk(dynamodb.getOldImage(), attributes)));
        item.put("newImage", AttributeValue.fromM(toSdk(dynamodb.getNewImage(), attributes)));
        return item;
    }

    static ParkedRecords.Parked parked(Map<String, AttributeValue> item) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(item.get("eventId").s());
        record.setEventName(item.get("eventName").s());
        StreamRecord dynamodb = new StreamRecord();
        dynamodb.setKeys(toLambda(item.get("recordKeys").m()));
        Map<String, AttributeValue> old = item.get("oldImage").m();
        Map<String, AttributeValue> now = item.get("newImage").m();
        dynamodb.setOldImage(old.isEmpty() ? null : toLambda(old));
        dynamodb.setNewImage(now.isEmpty() ? null : toLambda(now));
        record.setDynamodb(dynamodb);
        return new ParkedRecords.Parked(item.get("eventId").s(), record,
                item.containsKey("attempts") ? Long.parseLong(item.get("attempts").n()) : 0);
    }

    /** Only the named top-level attributes ({@code null}: all, for keys). */
    private static Map<String, AttributeValue> toSdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image,
            Set<String> only) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        if (image != null) {
            image.forEach((name, value) -> {
                if (only == null || only.contains(name)) {
                    out.put(name, toSdk(value));
                }
            });
        }
        return out;
    }

    private static AttributeValue toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(toSdk(v.getM(), null));
        }
        if (v.getL() != null) {
            List<AttributeValue> list = new ArrayList<>();
            v.getL().forEach(e -> list.add(toSdk(e)));
            return AttributeValue.fromL(list);
        }
        return AttributeValue.fromNul(true);
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> toLambda(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
                new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, toLambda(value)));
        return out;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toLambda(
            AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case BOOL -> out.setBOOL(v.bool());
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case M -> out.setM(toLambda(v.m()));
            case L -> out.setL(v.l().stream().map(ParkedRecordItem::toLambda).toList());
            default -> out.setNULL(true);
        }
        return out;
    }
}
