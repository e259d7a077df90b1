package ma.salonsess.shared.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import ma.salonsess.shared.text.Sha256;

/**
 * The secret a registrant gets once, to read or delete their own registration later. Only its
 * SHA-256 hash is stored: 256 random bits need no slow hash, and a leaked table yields no tokens.
 */
public record AccessToken(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static AccessToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return sha256Hex(value);
    }

    /** Constant-time comparison with a stored hash. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(String text) {
        return Sha256.hex(text);
    }
}
