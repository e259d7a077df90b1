package ma.salonsess.shared.validation;

/**
 * One bad field of a request body.
 *
 * @param field   the field's path in dotted form, such as {@code organisation.region}
 * @param code    a stable machine-readable reason, such as {@code required} or {@code invalid_format}
 * @param detail  a sentence for a person
 */
public record FieldError(String field, String code, String detail) {

    /** The field as an RFC 6901 JSON pointer, as RFC 9457 suggests for validation problems. */
    public String pointer() {
        return field.isEmpty() ? "" : "/" + field.replace("~", "~0").replace("/", "~1").replace('.', '/');
    }
}
