package ma.salonsess.shared.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ma.salonsess.shared.json.Json;

/**
 * What a registrant is told once their registration is accepted, including the access token they
 * will not be shown again (except to a retry carrying the same Idempotency-Key).
 */
public record RegistrationReceipt(String registrationId, String fairId, Role role, Registration.Status status,
                                  String accessToken, BadgeState.Status badgeStatus) {

    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        body.put("registrationId", registrationId);
        body.put("fairId", fairId);
        body.put("role", role.name());
        body.put("status", status.name());
        body.put("accessToken", accessToken);
        body.putObject("badge").put("status", badgeStatus.name());
        return body;
    }

    public static RegistrationReceipt fromJson(String text) {
        try {
            JsonNode node = Json.parse(text);
            return new RegistrationReceipt(node.get("registrationId").asText(), node.get("fairId").asText(),
                    Role.valueOf(node.get("role").asText()), Registration.Status.valueOf(node.get("status").asText()),
                    node.get("accessToken").asText(),
                    BadgeState.Status.valueOf(node.get("badge").get("status").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored receipt is not JSON", e);
        }
    }
}
