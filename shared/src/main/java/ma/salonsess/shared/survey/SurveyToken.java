package ma.salonsess.shared.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.salonsess.shared.config.SecretVersions;

/**
 * The personal link's token to one registrant's survey: an HMAC-SHA256 of the fair and the
 * registration under the survey secret, 256 bits, so it carries no personal data, cannot be
 * guessed or forged, and opens nothing but that survey. The same registrant always gets the same
 * token (the reminder repeats the invitation's link); only its SHA-256 is stored, as the survey's key.
 *
 * <p>The secret rotates ({@link SecretVersions}): invitations are issued under the current value; a
 * reminder repeats the link of the value the invitation was issued under, found by its stored key.
 */
public final class SurveyToken {
    private static final Pattern SHAPE = Pattern.compile("SV1[A-Za-z0-9_-]{43}");
    private final Supplier<SecretVersions> secrets;

    public SurveyToken(String secret) {
        this(() -> SecretVersions.of(secret));
        issue("check", "check");
    }

    /** With the secret's values read when a token is issued (Secrets Manager, kept a minute). */
    public SurveyToken(Supplier<SecretVersions> secrets) {
        this.secrets = secrets;
    }

    public String issue(String fairId, String registrationId) {
        return issue(secrets.get().current(), fairId, registrationId);
    }

    /**
     * The token whose hash is {@code key}, issued again for a reminder under whichever accepted
     * value the invitation used; empty if that value has been rotated out since.
     */
    public Optional<String> reissue(String fairId, String registrationId, String key) {
        for (String secret : secrets.get().all()) {
            String token = issue(secret, fairId, registrationId);
            if (keyOf(token).orElseThrow().equals(key)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    private static String issue(String secret, String fairId, String registrationId) {
        if (secret.length() < 32) {
            throw new IllegalArgumentException("The survey secret must be at least 32 characters");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
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
