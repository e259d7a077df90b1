package ma.salonsess.shared.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The personal link's token to one registrant's survey: an HMAC-SHA256 of the fair and the
 * registration under the survey secret, 256 bits, so it carries no personal data, cannot be
 * guessed or forged, and opens nothing but that survey. The same registrant always gets the same
 * token (the reminder repeats the invitation's link); only its SHA-256 is stored, as the survey's key.
 */
public final class SurveyToken {
    private static final Pattern SHAPE = Pattern.compile("SV1[A-Za-z0-9_-]{43}");
    private final byte[] secret;

    public SurveyToken(String secret) {
        if (secret.length() < 32) {
            throw new IllegalArgumentException("The survey secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String fairId, String registrationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("survey\n" + fairId + "\n" + registrationId).getBytes(StandardCharsets.UTF_8));
            return "SV1" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key a token's survey is stored under; empty when it is not even shaped like a token. */
    public static Optional<String> keyOf(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(HexFormat.of().formatHex(hash));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
