package ma.salonsess.shared.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/** Identifiers organisers choose for fairs and workshops: they appear in URLs and keys. */
public final class Ids {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private Ids() {
    }

    /** An error when {@code id} is not 2 to 64 lower-case letters, digits and dashes. */
    public static Optional<FieldError> checkSlug(String field, String id) {
        return SLUG.matcher(id).matches() ? Optional.empty() : Optional.of(new FieldError(field, "invalid_format",
                "Use 2 to 64 lower-case letters, digits and dashes, starting with a letter or digit."));
    }
}
