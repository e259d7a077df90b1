package ma.salonsess.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import ma.salonsess.shared.validation.FieldError;
import java.util.Map;
import ma.salonsess.shared.json.Json;

/**
 * RFC 9457 problem details. Every 4xx and 5xx answer of the API is one of these, served as
 * {@code application/problem+json}.
 */
public record Problem(int status, String type, String title, String detail, String instance,
                      List<FieldError> errors, Map<String, JsonNode> extra) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(status, "urn:salon-ess:problem:" + code, title, detail, null, List.of(), Map.of());
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "1 field is invalid: " + errors.getFirst().field()
                : errors.size() + " fields are invalid: "
                        + String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return new Problem(400, "urn:salon-ess:problem:validation", "The request has invalid fields",
                detail, null, errors, Map.of());
    }

    public Problem at(String path) {
        return new Problem(status, type, title, detail, path, errors, extra);
    }

    /** An extension member (RFC 9457 section 3.2). */
    public Problem with(String name, String value) {
        return with(name, TextNode.valueOf(value));
    }

    public Problem with(String name, JsonNode value) {
        var more = new LinkedHashMap<>(extra);
        more.put(name, value);
        return new Problem(status, type, title, detail, instance, errors, more);
    }

    public HttpResponse toResponse() {
        ObjectNode body = Json.object();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        extra.forEach(body::set);
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            for (FieldError error : errors) {
                list.addObject()
                        .put("field", error.field())
                        .put("pointer", error.pointer())
                        .put("code", error.code())
                        .put("detail", error.detail());
            }
        }
        return new HttpResponse(status, Map.of("content-type", MEDIA_TYPE), Json.write(body));
    }
}
