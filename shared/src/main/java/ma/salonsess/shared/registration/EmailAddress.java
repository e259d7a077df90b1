package ma.salonsess.shared.registration;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as given, and its form for comparison (lower case), since people type the same
 * address with different capitals.
 */
public record EmailAddress(String value) {
    // Deliberately plain: one @, no spaces or angle brackets or quotes, a dotted domain. Anything
    // that could turn into a second header or recipient is refused here.
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public static Optional<EmailAddress> parse(String typed) {
        String trimmed = typed.strip();
        if (trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches()
                || trimmed.startsWith(".") || trimmed.contains("..") || trimmed.indexOf('@') > 64) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(trimmed));
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
