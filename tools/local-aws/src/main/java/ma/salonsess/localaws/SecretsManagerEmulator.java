package ma.salonsess.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ma.salonsess.shared.json.Json;

/**
 * Secrets Manager on a loopback port: CreateSecret, GetSecretValue and PutSecretValue over AWS's
 * JSON 1.1 protocol ({@code X-Amz-Target: secretsmanager.*}), with the staging labels AWS moves on
 * a new value: it becomes AWSCURRENT, the value it replaces AWSPREVIOUS, as when a secret is rotated.
 */
public final class SecretsManagerEmulator extends AwsJsonEmulator {
    private static final String CURRENT = "AWSCURRENT";
    private static final String PREVIOUS = "AWSPREVIOUS";
    private final String region;
    private final Map<String, Secret> secrets = new LinkedHashMap<>();

    private static final class Secret {
        final String name;
        final String arn;
        final List<ObjectNode> versions = new ArrayList<>();

        Secret(String name, String arn) {
            this.name = name;
            this.arn = arn;
        }
    }

    private SecretsManagerEmulator(int port, String region) {
        super(port, "secrets-manager-emulator");
        this.region = region;
    }

    public static SecretsManagerEmulator start(int port, String region) {
        return new SecretsManagerEmulator(port, region);
    }

    @Override
    JsonNode answer(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateSecret" -> create(request);
            case "GetSecretValue" -> get(request);
            case "PutSecretValue" -> put(secret(required(request, "SecretId")), request);
            default -> throw new ServiceError("UnknownOperationException", "Not emulated: " + operation);
        };
    }

    private ObjectNode create(JsonNode request) {
        String name = required(request, "Name");
        if (secrets.containsKey(name)) {
            throw new ServiceError("ResourceExistsException", "The operation failed because the secret " + name
                    + " already exists.");
        }
        String arn = "arn:aws:secretsmanager:" + region + ":000000000000:secret:" + name + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        Secret secret = new Secret(name, arn);
        secrets.put(name, secret);
        if (request.hasNonNull("SecretString")) {
            return put(secret, request);
        }
        return Json.object().put("ARN", arn).put("Name", name);
    }

    private ObjectNode put(Secret secret, JsonNode request) {
        String value = required(request, "SecretString");
        String versionId = request.path("ClientRequestToken").asText(UUID.randomUUID().toString());
        for (ObjectNode v : secret.versions) {
            if (v.path("VersionId").asText().equals(versionId)) {
                if (!v.path("SecretString").asText().equals(value)) {
                    throw new ServiceError("ResourceExistsException", "A version with this ClientRequestToken "
                            + "already exists with another value.");
                }
                return reply(secret, v);
            }
        }
        for (ObjectNode v : secret.versions) {
            var stages = new ArrayList<String>();
            v.path("VersionStages").forEach(s -> stages.add(s.asText()));
            stages.remove(PREVIOUS);
            if (stages.remove(CURRENT)) {
                stages.add(PREVIOUS);
            }
            var array = v.putArray("VersionStages");
            stages.forEach(array::add);
        }
        ObjectNode version = Json.object().put("VersionId", versionId).put("SecretString", value)
                .put("CreatedDate", Instant.now().getEpochSecond());
        version.putArray("VersionStages").add(CURRENT);
        secret.versions.add(version);
        return reply(secret, version);
    }

    private ObjectNode get(JsonNode request) {
        Secret secret = secret(required(request, "SecretId"));
        String wantedId = request.path("VersionId").asText(null);
        String wantedStage = request.path("VersionStage").asText(wantedId == null ? CURRENT : null);
        for (ObjectNode v : secret.versions) {
            boolean idMatches = wantedId == null || wantedId.equals(v.path("VersionId").asText());
            boolean stageMatches = wantedStage == null || hasStage(v, wantedStage);
            if (idMatches && stageMatches) {
                ObjectNode out = reply(secret, v);
                out.put("SecretString", v.path("SecretString").asText());
                out.put("CreatedDate", v.path("CreatedDate").asLong());
                return out;
            }
        }
        throw new ServiceError("ResourceNotFoundException", "Secrets Manager can't find the specified secret value "
                + "for " + (wantedId != null ? "VersionId: " + wantedId : "staging label: " + wantedStage));
    }

    private static boolean hasStage(ObjectNode version, String stage) {
        for (JsonNode s : version.path("VersionStages")) {
            if (s.asText().equals(stage)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode reply(Secret secret, ObjectNode version) {
        ObjectNode out = Json.object().put("ARN", secret.arn).put("Name", secret.name)
                .put("VersionId", version.path("VersionId").asText());
        out.set("VersionStages", version.path("VersionStages").deepCopy());
        return out;
    }

    /** A secret by name or ARN, as AWS accepts either for SecretId. */
    private Secret secret(String id) {
        Secret byName = secrets.get(id);
        if (byName != null) {
            return byName;
        }
        return secrets.values().stream().filter(s -> s.arn.equals(id)).findFirst()
                .orElseThrow(() -> new ServiceError("ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret."));
    }
}
