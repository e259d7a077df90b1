package ma.salonsess.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.json.Json;

/**
 * The local stand-in for the organiser user pool and API Gateway's JWT authorizer: it signs RS256
 * tokens with a key made at start-up, and verifies them as the authorizer does (signature,
 * issuer, audience or client_id, expiry, not-before), passing claims on as API Gateway does
 * (every value a string; arrays as {@code [a b]}).
 */
final class LocalJwt {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final KeyPair keys;

    LocalJwt() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(ObjectNode claims) {
        String header = ENCODER.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}"
                .getBytes(StandardCharsets.UTF_8));
        String payload = ENCODER.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + ENCODER.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims as the function would receive them, or empty when the authorizer would answer 401. */
    Optional<Map<String, String>> verify(String token, String issuer, List<String> audiences, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = Json.parse(new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8));
            if (!"RS256".equals(header.path("alg").asText())) {
                return Optional.empty();
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(keys.getPublic());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = Json.parse(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
            boolean audienceOk = audiences.contains(claims.path("client_id").asText(""))
                    || (claims.path("aud").isArray()
                    ? java.util.stream.StreamSupport.stream(claims.path("aud").spliterator(), false)
                            .anyMatch(a -> audiences.contains(a.asText()))
                    : audiences.contains(claims.path("aud").asText("")));
            long seconds = now.getEpochSecond();
            if (!issuer.equals(claims.path("iss").asText()) || !audienceOk || !claims.path("exp").canConvertToLong()
                    || claims.path("exp").asLong() <= seconds
                    || (claims.has("nbf") && claims.path("nbf").asLong() > seconds)) {
                return Optional.empty();
            }
            Map<String, String> passed = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = claims.fields(); it.hasNext(); ) {
                var claim = it.next();
                JsonNode value = claim.getValue();
                if (value.isArray()) {
                    StringBuilder joined = new StringBuilder("[");
                    value.forEach(v -> joined.append(joined.length() > 1 ? " " : "").append(v.asText()));
                    passed.put(claim.getKey(), joined.append("]").toString());
                } else {
                    passed.put(claim.getKey(), value.isValueNode() ? value.asText() : Json.write(value));
                }
            }
            return Optional.of(passed);
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
