package ma.salonsess.localaws;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB values from the SDK's form to the Lambda events library's form: what a stream record
 * holds when Lambda delivers it. Used by the local run's stream poller and by tests' stream events.
 */
public final class LambdaAttributeValues {
    private LambdaAttributeValues() {
    }

    public static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> convert(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
                new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, convert(v)));
        return out;
    }

    public static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue convert(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case B -> out.setB(v.b().asByteBuffer());
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
            case M -> out.setM(convert(v.m()));
            case L -> out.setL(v.l().stream().map(LambdaAttributeValues::convert).toList());
            case NUL -> out.setNULL(true);
            case BOOL -> out.setBOOL(v.bool());
            default -> throw new IllegalArgumentException("Unknown attribute type " + v.type());
        }
        return out;
    }
}
