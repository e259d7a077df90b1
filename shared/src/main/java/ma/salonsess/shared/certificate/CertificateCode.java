package ma.salonsess.shared.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.salonsess.shared.config.SecretVersions;

/**
 * A certificate of attendance's public id: the fair and workshop it is for, and a tag, the first
 * 16 bytes of HMAC-SHA256 over fair, workshop and registration. It names nobody (the registration
 * is only inside the HMAC), cannot be forged or guessed without the key, and is checked against the
 * workshop's attendees (a few dozen), so a certificate of an erased registration no longer verifies.
 * The key is derived from the badge secret ({@code "certificate"} label), so there is none to keep.
 */
public final class CertificateCode {
    static final String PREFIX = "CA1";
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** The current secret's key first: it issues; any verifies, so a rotation leaves certificates genuine. */
    private final List<byte[]> keys;

    /** What a well-formed code says, before it is checked against who attended. */
    public record Parsed(String fairId, String workshopId, byte[] tag) {
    }

    public CertificateCode(String badgeSecret) {
        this(SecretVersions.of(badgeSecret));
    }

    public CertificateCode(SecretVersions badgeSecret) {
        this.keys = badgeSecret.all().stream()
                .map(secret -> hmac(secret.getBytes(StandardCharsets.UTF_8), "certificate")).toList();
    }

    public String issue(String fairId, String workshopId, String registrationId) {
        String where = ENCODER.encodeToString((fairId + "\n" + workshopId).getBytes(StandardCharsets.UTF_8));
        return PREFIX + where + "." + ENCODER.encodeToString(tag(keys.get(0), fairId, workshopId, registrationId));
    }

    /** The code's fair and workshop, if it has the shape of one; says nothing of it being genuine. */
    public static Optional<Parsed> parse(String code) {
        if (code == null || code.length() > 400 || !code.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = code.indexOf('.');
        if (dot < 0 || code.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        try {
            String where = new String(Base64.getUrlDecoder().decode(code.substring(PREFIX.length(), dot)),
                    StandardCharsets.UTF_8);
            byte[] tag = Base64.getUrlDecoder().decode(code.substring(dot + 1));
            String[] parts = where.split("\n", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty() || tag.length != TAG_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(parts[0], parts[1], tag));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Whether the code was issued for this registration (constant time). */
    public boolean issuedFor(Parsed code, String registrationId) {
        return keys.stream().anyMatch(key -> MessageDigest.isEqual(code.tag(),
                tag(key, code.fairId(), code.workshopId(), registrationId)));
    }

    private static byte[] tag(byte[] key, String fairId, String workshopId, String registrationId) {
        return Arrays.copyOf(hmac(key, fairId + "\n" + workshopId + "\n" + registrationId), TAG_BYTES);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
