package ma.salonsess.shared.idempotency;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import ma.salonsess.shared.text.Sha256;

/**
 * A client's {@code Idempotency-Key}, scoped to the operation it was sent with so the same key on
 * two different routes are two different keys.
 */
public record IdempotencyKey(String scope, String value) {
    private static final Pattern ALLOWED = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** Empty when the header value is not 1 to 255 visible ASCII characters. */
    public static Optional<IdempotencyKey> parse(String scope, String header) {
        String trimmed = header.strip();
        return ALLOWED.matcher(trimmed).matches() ? Optional.of(new IdempotencyKey(scope, trimmed)) : Optional.empty();
    }

    /**
     * The id the record is stored under: a hash, so the key itself is never stored. A registration
     * keeps it too, so erasing the registration can delete the record that would replay it.
     */
    public String recordId() {
        return HexFormat.of().formatHex(sha256("id\n" + scope + "\n" + value));
    }

    /** A key only the client can derive again, to seal the stored answer (it may hold a secret). */
    byte[] sealingKey() {
        return sha256("seal\n" + scope + "\n" + value);
    }

    static byte[] sha256(String text) {
        return Sha256.of(text);
    }
}
