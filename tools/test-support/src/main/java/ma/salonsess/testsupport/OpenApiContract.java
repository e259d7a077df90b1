package ma.salonsess.testsupport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ma.salonsess.localaws.RepositoryLayout;

/**
 * Checks real responses against the OpenAPI document ({@code openapi.yaml}): the status must be
 * declared for the operation, the content type too, the body must validate against its schema
 * (formats included: date-time, date, email, uri), and declared headers must be there. Keeps the
 * document true as the code changes.
 */
public final class OpenApiContract {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static OpenApiContract instance;
    private final JsonNode document;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Formats asserted, not only noted: a date-time without seconds is not RFC 3339, and fails. */
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    public static synchronized OpenApiContract load() {
        if (instance == null) {
            Path file = RepositoryLayout.root().resolve("openapi.yaml");
            try {
                instance = new OpenApiContract(YAML.readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return instance;
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation as a route key, such as {@code POST /fairs/{fairId}/registrations}. */
    public Set<String> operations() {
        Set<String> keys = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return keys;
    }

    /** Fails with a message naming what differs when {@code response} is not what the document says. */
    public void assertMatches(String routeKey, APIGatewayV2HTTPResponse response) {
        String[] parts = routeKey.split(" ", 2);
        JsonNode operation = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("openapi.yaml has no operation " + routeKey);
        }
        String status = Integer.toString(response.getStatusCode());
        JsonNode declared = resolve(operation.path("responses").path(status));
        if (declared.isMissingNode()) {
            throw new AssertionError("openapi.yaml does not declare status " + status + " for " + routeKey);
        }
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.path("headers").fields(); it.hasNext(); ) {
            var header = it.next();
            if (resolve(header.getValue()).path("required").asBoolean(false)
                    && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase(header.getKey()))) {
                throw new AssertionError(routeKey + " " + status + ": header " + header.getKey() + " is required");
            }
        }
        JsonNode content = declared.path("content");
        String body = response.getBody();
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                throw new AssertionError(routeKey + " " + status + " declares no body but got: " + body);
            }
            return;
        }
        String contentType = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("").split(";", 2)[0].trim();
        JsonNode media = content.path(contentType);
        if (media.isMissingNode()) {
            throw new AssertionError(routeKey + " " + status + ": content type '" + contentType
                    + "' is not declared (declared: " + content.fieldNames().next() + ")");
        }
        ObjectNode schema = ((ObjectNode) media.path("schema").deepCopy());
        schema.set("components", document.path("components"));
        JsonNode json;
        try {
            json = YAML.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(routeKey + " " + status + ": body is not JSON: " + body, e);
        }
        Set<ValidationMessage> errors = schemas.getSchema(schema, config).validate(json);
        if (!errors.isEmpty()) {
            throw new AssertionError(routeKey + " " + status + ": body does not match openapi.yaml: " + errors
                    + "\nbody: " + body);
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (ref.isTextual() && ref.asText().startsWith("#/")) {
            return document.at(ref.asText().substring(1));
        }
        return node;
    }
}
