package ma.salonsess.shared.contact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as given, and its form for comparison (lower case), since people type the same
 * address with different capitals.
 */
public record EmailAddress(String value) {
    // Deliberately plain: the dot-atom of RFC 5322 section 3.2.3 on the left (no quoted strings, and so
    // no leading, trailing or doubled dots), a domain name of letter-digit-hyphen labels on the right.
    // Anything that could turn into a second header or recipient is refused here.
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern SHAPE =
            Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");

    /**
     * The address, trimmed, when it is at most 254 characters with a local part of at most 64 and a
     * domain of at least two labels whose last (the top-level domain) is not all digits.
     */
    public static Optional<EmailAddress> parse(String typed) {
        String trimmed = typed.strip();
        if (trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches() || trimmed.indexOf('@') > 64
                || trimmed.substring(trimmed.lastIndexOf('.') + 1).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(trimmed));
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
