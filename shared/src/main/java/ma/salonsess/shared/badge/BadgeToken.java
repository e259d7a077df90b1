package ma.salonsess.shared.badge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.salonsess.shared.config.SecretVersions;
import ma.salonsess.shared.registration.Role;

/**
 * What a badge's QR code holds: {@code SE2.<registrationId>.<role letter>.<HMAC>}, no name, email
 * or phone. The HMAC-SHA256, under the fairs' badge secret, covers the fair, the registration and
 * the role, so a check-in scanner that has the secret verifies a badge offline, and neither a badge
 * from another fair nor one reprinted with another role's band passes. The fair is signed but not
 * written: the scanner knows which fair it stands at, and the code stays small. The same secret
 * names badge files in the bucket, so their keys say nothing either.
 *
 * <p>The secret rotates ({@link SecretVersions}): tokens are issued under the current value and
 * verify under the current or the previous one, so badges printed before a rotation still pass.
 */
public final class BadgeToken {
    private static final String PREFIX = "SE2";
    private static final Pattern SHAPE = Pattern.compile("SE2\\.([0-9a-f-]{36})\\.([A-Z])\\.([A-Za-z0-9_-]{22})");
    /** The current value first, then the previous one while it is accepted. */
    private final List<byte[]> secrets;

    /** Whose badge a genuine token is, and the role its band must show. */
    public record Holder(String registrationId, Role role) {
    }

    public BadgeToken(String secret) {
        this(SecretVersions.of(secret));
    }

    public BadgeToken(SecretVersions versions) {
        for (String secret : versions.all()) {
            if (secret.length() < 32) {
                throw new IllegalArgumentException("The badge secret must be at least 32 characters");
            }
        }
        this.secrets = versions.all().stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public String issue(String fairId, String registrationId, Role role) {
        String letter = letter(role);
        return PREFIX + "." + registrationId + "." + letter + "." + mac(secrets.get(0), fairId, registrationId, letter);
    }

    /** The holder of a genuine token of this fair; empty for a forged, altered, old or other fair's one. */
    public Optional<Holder> verify(String fairId, String token) {
        var m = SHAPE.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Role> role = Arrays.stream(Role.values()).filter(r -> letter(r).equals(m.group(2))).findFirst();
        boolean genuine = false;
        for (byte[] secret : secrets) {
            genuine |= role.isPresent() && MessageDigest.isEqual(
                    mac(secret, fairId, m.group(1), m.group(2)).getBytes(StandardCharsets.US_ASCII),
                    m.group(3).getBytes(StandardCharsets.US_ASCII));
        }
        return genuine ? Optional.of(new Holder(m.group(1), role.get())) : Optional.empty();
    }

    /** Where a registration's badge is stored: the same key every time, telling nothing of whose it is. */
    public String objectKey(String fairId, String registrationId) {
        return objectKey(secrets.get(0), fairId, registrationId);
    }

    /** Where the badge may be under each accepted secret: erasing deletes them all. */
    public List<String> objectKeys(String fairId, String registrationId) {
        return secrets.stream().map(secret -> objectKey(secret, fairId, registrationId)).toList();
    }

    private static String objectKey(byte[] secret, String fairId, String registrationId) {
        byte[] digest = hmac(secret, "object\n" + fairId + "\n" + registrationId);
        return "badges/" + fairId + "/" + HexFormat.of().formatHex(digest, 0, 16) + ".pdf";
    }

    /** One letter per role keeps the QR code small; a switch so that a new role must get its own. */
    private static String letter(Role role) {
        return switch (role) {
            case VISITOR -> "V";
            case EXHIBITOR -> "E";
            case PARTICIPANT -> "P";
            case SPEAKER -> "S";
            case PRESS -> "M"; // media
        };
    }

    private static String mac(byte[] secret, String fairId, String registrationId, String roleLetter) {
        byte[] full = hmac(secret, "badge2\n" + fairId + "\n" + registrationId + "\n" + roleLetter);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
    }

    private static byte[] hmac(byte[] secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
