package ma.salonsess.shared.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import ma.salonsess.shared.json.Json;

/** Reads a request body that must be a JSON object: 415, 413 or 400 otherwise. */
public final class JsonRequestBody {
    /** Larger than any form we take by far; stated in the OpenAPI document. */
    public static final int MAX_BYTES = 16 * 1024;

    private JsonRequestBody() {
    }

    public static ObjectNode read(HttpRequest request) {
        return read(request, MAX_BYTES);
    }

    /** With another size limit, for a route that takes more (a scanner's offline batch). */
    public static ObjectNode read(HttpRequest request, int maxBytes) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        String mediaType = contentType.split(";", 2)[0].trim();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json.").at(request.path()));
        }
        if (request.bodyBytes() > maxBytes) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Request body too large",
                    "The body is " + request.bodyBytes() + " bytes; the limit is " + maxBytes + " bytes.")
                    .at(request.path()));
        }
        JsonNode node;
        try {
            node = request.body().isBlank() ? null : Json.parse(request.body());
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON: " + e.getOriginalMessage()).at(request.path()));
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The body must be a JSON object.").at(request.path()));
        }
        return (ObjectNode) node;
    }
}
