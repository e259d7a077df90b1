package ma.salonsess.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.salonsess.shared.json.Json;

/** An HTTP answer as a handler builds it, before it becomes API Gateway's response class. */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static HttpResponse json(int status, JsonNode body) {
        return new HttpResponse(status, Map.of("content-type", "application/json"), Json.write(body));
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, Map.of(), "");
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, more, body);
    }
}
