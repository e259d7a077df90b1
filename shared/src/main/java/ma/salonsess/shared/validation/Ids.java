package ma.salonsess.shared.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Identifiers in URLs: the ids organisers choose for fairs and workshops, and the registration ids
 * the API issues. Each reaches a DynamoDB key, so its shape and length are checked before anything
 * is read: a key over DynamoDB's size limits would otherwise fail as a 500.
 */
public final class Ids {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    /** Registration ids are random UUIDs, written in lower case when issued. */
    private static final Pattern REGISTRATION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** For a path parameter added later without a rule of its own: still bounded. */
    private static final Pattern ANY_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** A certificate's code: base64url parts and a dot, never longer than CertificateCode.parse reads. */
    private static final Pattern CERTIFICATE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,400}");

    private Ids() {
    }

    /** An error when {@code id} is not 2 to 64 lower-case letters, digits and dashes. */
    public static Optional<FieldError> checkSlug(String field, String id) {
        return SLUG.matcher(id).matches() ? Optional.empty() : Optional.of(new FieldError(field, "invalid_format",
                "Use 2 to 64 lower-case letters, digits and dashes, starting with a letter or digit."));
    }

    /** An error when {@code id} is not a registration id as the API issues them. */
    public static Optional<FieldError> checkRegistrationId(String field, String id) {
        return REGISTRATION_ID.matcher(id).matches() ? Optional.empty() : Optional.of(new FieldError(field,
                "invalid_format", "A registration id is the lower-case UUID given when registering."));
    }

    /**
     * Every path parameter of a request that is not of its shape, named by the parameter, in name
     * order. A survey link's {@code token} is left to {@code SurveyToken.keyOf}, which refuses any
     * value not shaped like a token before reading anything: it is a secret, so a bad one gets the
     * same 404 as a token never issued.
     */
    public static List<FieldError> checkPath(Map<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        new TreeMap<>(parameters).forEach((name, value) -> {
            Optional<FieldError> error = switch (name) {
                case "fairId", "workshopId" -> checkSlug(name, value);
                case "registrationId" -> checkRegistrationId(name, value);
                case "token" -> Optional.empty();
                // Of the right length and alphabet, CertificateCode.parse decides: a bad one is not genuine.
                case "certificateId" -> CERTIFICATE_ID.matcher(value).matches() ? Optional.empty()
                        : Optional.of(new FieldError(name, "invalid_format",
                                "Use the code of the certificate's QR code: at most 400 letters, digits, dashes, "
                                + "underscores and dots."));
                default -> ANY_ID.matcher(value).matches() ? Optional.empty() : Optional.of(new FieldError(name,
                        "invalid_format", "Use 1 to 128 letters, digits, dashes and underscores."));
            };
            error.ifPresent(errors::add);
        });
        return errors;
    }
}
