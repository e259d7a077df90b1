package ma.salonsess.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.salonsess.shared.json.Json;

/**
 * Systems Manager Parameter Store on a loopback port: GetParameter, GetParameters and PutParameter
 * over AWS's JSON 1.1 protocol ({@code X-Amz-Target: AmazonSSM.*}), with versions that count up on
 * each overwrite, so functions read their run-time configuration through the real SDK client as on AWS.
 */
public final class SsmEmulator extends AwsJsonEmulator {
    private final String region;
    private final Map<String, ObjectNode> parameters = new LinkedHashMap<>();

    private SsmEmulator(int port, String region) {
        super(port, "ssm-emulator");
        this.region = region;
    }

    public static SsmEmulator start(int port, String region) {
        return new SsmEmulator(port, region);
    }

    @Override
    JsonNode answer(String operation, JsonNode request) {
        return switch (operation) {
            case "GetParameter" -> Json.object().set("Parameter", found(required(request, "Name")));
            case "GetParameters" -> {
                ObjectNode out = Json.object();
                var found = out.putArray("Parameters");
                var invalid = out.putArray("InvalidParameters");
                for (JsonNode name : request.path("Names")) {
                    ObjectNode p = parameters.get(name.asText());
                    if (p == null) {
                        invalid.add(name.asText());
                    } else {
                        found.add(p.deepCopy());
                    }
                }
                yield out;
            }
            case "PutParameter" -> put(request);
            default -> throw new ServiceError("UnknownOperationException", "Not emulated: " + operation);
        };
    }

    private ObjectNode found(String name) {
        ObjectNode p = parameters.get(name);
        if (p == null) {
            throw new ServiceError("ParameterNotFound", "Parameter " + name + " not found.");
        }
        return p.deepCopy();
    }

    private ObjectNode put(JsonNode request) {
        String name = required(request, "Name");
        String value = required(request, "Value");
        if (value.length() > 4096) {
            throw new ServiceError("ValidationException", "A standard parameter's value is at most 4 KB");
        }
        ObjectNode existing = parameters.get(name);
        if (existing != null && !request.path("Overwrite").asBoolean(false)) {
            throw new ServiceError("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, "
                    + "set the overwrite option in the request to true.");
        }
        long version = existing == null ? 1 : existing.path("Version").asLong() + 1;
        String type = request.path("Type").asText(existing == null ? "String" : existing.path("Type").asText());
        ObjectNode stored = Json.object().put("Name", name).put("Type", type).put("Value", value)
                .put("Version", version).put("LastModifiedDate", Instant.now().getEpochSecond())
                .put("ARN", "arn:aws:ssm:" + region + ":000000000000:parameter" + (name.startsWith("/") ? "" : "/")
                        + name)
                .put("DataType", "text");
        parameters.put(name, stored);
        return Json.object().put("Version", version).put("Tier", "Standard");
    }
}
