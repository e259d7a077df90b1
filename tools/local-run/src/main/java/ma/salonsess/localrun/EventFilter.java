package ma.salonsess.localrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.json.Json;

/**
 * Lambda event filtering (an event source's FilterCriteria), for the rules this project uses:
 * lists of exact values, {@code prefix}, {@code exists}, {@code anything-but} and numeric
 * {@code equals}. A record passes when it matches any one pattern; no pattern lets everything pass.
 */
final class EventFilter {
    private final List<JsonNode> patterns;

    EventFilter(List<String> patterns) {
        this.patterns = patterns.stream().map(EventFilter::parse).toList();
    }

    boolean accepts(JsonNode event) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, event));
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            var field = it.next();
            JsonNode actual = value == null ? null : value.get(field.getKey());
            JsonNode rule = field.getValue();
            if (rule.isObject()) {
                if (!matches(rule, actual)) {
                    return false;
                }
            } else if (rule.isArray()) {
                if (!anyRuleMatches(rule, actual)) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("Filter values must be arrays or objects: " + pattern);
            }
        }
        return true;
    }

    private static boolean anyRuleMatches(JsonNode rules, JsonNode actual) {
        for (JsonNode rule : rules) {
            if (rule.isObject()) {
                if (rule.has("exists")) {
                    if (rule.get("exists").asBoolean() == (actual != null)) {
                        return true;
                    }
                } else if (rule.has("prefix")) {
                    if (actual != null && actual.isTextual() && actual.asText().startsWith(rule.get("prefix").asText())) {
                        return true;
                    }
                } else if (rule.has("anything-but")) {
                    JsonNode excluded = rule.get("anything-but");
                    boolean listed = false;
                    for (JsonNode e : excluded.isArray() ? excluded : Json.array().add(excluded)) {
                        listed |= actual != null && e.asText().equals(actual.asText());
                    }
                    if (actual != null && !listed) {
                        return true;
                    }
                } else if (rule.has("numeric")) {
                    JsonNode numeric = rule.get("numeric");
                    if (actual != null && numeric.size() == 2 && "=".equals(numeric.get(0).asText())
                            && Double.parseDouble(actual.asText()) == numeric.get(1).asDouble()) {
                        return true;
                    }
                } else {
                    throw new IllegalArgumentException("Unsupported filter rule locally: " + rule);
                }
            } else if (actual != null && !actual.isContainerNode() && rule.asText().equals(actual.asText())) {
                return true;
            } else if (rule.isNull() && (actual == null || actual.isNull())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(String pattern) {
        try {
            return Json.parse(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("FilterCriteria pattern is not JSON: " + pattern, e);
        }
    }
}
