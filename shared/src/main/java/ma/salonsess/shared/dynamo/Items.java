package ma.salonsess.shared.dynamo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.text.LocalizedText;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing DynamoDB attribute values without an object mapper (no reflection). */
public final class Items {
    private Items() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue m(Map<String, AttributeValue> value) {
        return AttributeValue.fromM(value);
    }

    public static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    public static AttributeValue text(LocalizedText text) {
        var map = new HashMap<String, AttributeValue>();
        map.put("fr", s(text.fr()));
        if (text.ar() != null) {
            map.put("ar", s(text.ar()));
        }
        if (text.en() != null) {
            map.put("en", s(text.en()));
        }
        return m(map);
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("Item has no string attribute " + name);
        }
        return value.s();
    }

    public static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("Item has no number attribute " + name);
        }
        return Long.parseLong(value.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    public static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? Map.of() : value.m();
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    public static LocalizedText localized(Map<String, AttributeValue> item, String name) {
        Map<String, AttributeValue> text = map(item, name);
        return new LocalizedText(string(text, "fr"), optionalString(text, "ar").orElse(null),
                optionalString(text, "en").orElse(null));
    }
}
