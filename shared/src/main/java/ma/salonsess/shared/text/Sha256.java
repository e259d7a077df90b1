package ma.salonsess.shared.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text's UTF-8 bytes, with one digest kept per thread: looking the algorithm up again
 * on every call was a measurable part of a warm request's own time (docs/benchmarks.md).
 */
public final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    });

    private Sha256() {
    }

    public static byte[] of(String text) {
        return DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8)); // digest() also resets it
    }

    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
