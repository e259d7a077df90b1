package ma.salonsess.shared.badge;

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
 * What a badge's QR code holds: the registration id (a random UUID, no name, email or phone) and
 * an HMAC-SHA256 over it with the fairs' badge secret, so a check-in scanner that has the secret
 * verifies a badge offline and nobody can forge one. The same secret names badge files in the
 * bucket, so their keys say nothing either.
 */
public final class BadgeToken {
    private static final String PREFIX = "SE1";
    private static final Pattern SHAPE = Pattern.compile("SE1\\.([0-9a-f-]{36})\\.([A-Za-z0-9_-]{22})");
    private final byte[] secret;

    public BadgeToken(String secret) {
        if (secret.length() < 32) {
            throw new IllegalArgumentException("The badge secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String registrationId) {
        return PREFIX + "." + registrationId + "." + mac("badge\n" + registrationId);
    }

    /** The registration id of a genuine token; empty for a forged, altered or foreign one. */
    public Optional<String> verify(String token) {
        var m = SHAPE.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean genuine = MessageDigest.isEqual(mac("badge\n" + m.group(1)).getBytes(StandardCharsets.US_ASCII),
                m.group(2).getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Where a registration's badge is stored: the same key every time, telling nothing of whose it is. */
    public String objectKey(String fairId, String registrationId) {
        byte[] digest = hmac("object\n" + fairId + "\n" + registrationId);
        return "badges/" + fairId + "/" + HexFormat.of().formatHex(digest, 0, 16) + ".pdf";
    }

    private String mac(String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hmac(message), 16));
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
