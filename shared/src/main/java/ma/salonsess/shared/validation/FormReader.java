package ma.salonsess.shared.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import ma.salonsess.shared.text.LocalizedText;

/**
 * Reads fields of a JSON form and collects every problem instead of stopping at the first, so a
 * 400 answer names each bad field at once.
 */
public final class FormReader {
    private final List<FieldError> errors = new ArrayList<>();

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void fail(String field, String code, String detail) {
        errors.add(new FieldError(field, code, detail));
    }

    /** Reports members of {@code node} that the form does not know. */
    public void rejectUnknown(JsonNode node, String prefix, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                fail(prefix + name, "unknown_field", "This field is not part of the form.");
            }
        }
    }

    /**
     * A text field, NFC-normalised and trimmed. Control, invisible and bidi-override characters are
     * refused (see {@link #invisible}): they have no place in a name and could break or disguise the
     * emails, badges and CSV that print it.
     */
    public Optional<String> text(JsonNode node, String name, String field, boolean required, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                fail(field, "required", "This field is required.");
            }
            return Optional.empty();
        }
        if (!value.isTextual()) {
            fail(field, "invalid_type", "This field must be a string.");
            return Optional.empty();
        }
        String text = Normalizer.normalize(value.asText(), Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            if (required) {
                fail(field, "required", "This field is required.");
            }
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            fail(field, "too_long", "At most " + maxLength + " characters.");
            return Optional.empty();
        }
        if (text.codePoints().anyMatch(FormReader::invisible)) {
            fail(field, "invalid_characters",
                    "Control, invisible and direction-changing characters such as line breaks are not allowed.");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * A person's or an organisation's name, a {@link #text} that also may not carry a link: the
     * fair's emails quote names, and must not relay someone's phishing text to the address given.
     */
    public Optional<String> name(JsonNode node, String name, String field, boolean required, int maxLength) {
        Optional<String> text = text(node, name, field, required, maxLength);
        if (text.isPresent() && hasLink(text.get())) {
            fail(field, "link_not_allowed", "A name cannot contain a web address.");
            return Optional.empty();
        }
        return text;
    }

    /**
     * Control characters (line breaks too), format characters such as zero-width spaces, byte-order
     * marks, and the bidi marks, embeddings, overrides and isolates that can make a text read
     * otherwise than it is, line and paragraph separators, and halves of a broken surrogate pair.
     * The zero-width joiner and non-joiner are kept: Arabic and Persian spelling needs them.
     */
    public static boolean invisible(int c) {
        if (c == 0x200C || c == 0x200D) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** Compatibility forms count too: full-width "ｗｗｗ．" is "www." to a reader. */
    static boolean hasLink(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.contains("://") || folded.contains("www.");
    }

    /** One value of an enumeration, given by its name (case-insensitive). */
    public <E extends Enum<E>> Optional<E> oneOf(JsonNode node, String name, String field, boolean required,
                                                 Class<E> type) {
        return oneOf(node, name, field, required, type, E::name);
    }

    public <E extends Enum<E>> Optional<E> oneOf(JsonNode node, String name, String field, boolean required,
                                                 Class<E> type, Function<E, String> code) {
        JsonNode value = node.get(name);
        E[] values = type.getEnumConstants();
        if (value == null || value.isNull()) {
            if (required) {
                fail(field, "required", "This field is required; one of " + allowed(values, code) + ".");
            }
            return Optional.empty();
        }
        if (value.isTextual()) {
            String given = value.asText().strip();
            for (E candidate : values) {
                if (code.apply(candidate).equalsIgnoreCase(given)) {
                    return Optional.of(candidate);
                }
            }
        }
        fail(field, "not_allowed", "Must be one of " + allowed(values, code) + ".");
        return Optional.empty();
    }

    public Optional<Boolean> bool(JsonNode node, String name, String field, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                fail(field, "required", "This field is required.");
            }
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            fail(field, "invalid_type", "This field must be true or false.");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    /** A nested object; reports a type error when the member is present but not an object. */
    public Optional<JsonNode> object(JsonNode node, String name, String field, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                fail(field, "required", "This field is required.");
            }
            return Optional.empty();
        }
        if (!value.isObject()) {
            fail(field, "invalid_type", "This field must be an object.");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A text in French (required when the whole is) with optional Arabic and English. */
    public Optional<LocalizedText> localized(JsonNode node, String name, String field,
                                                                     boolean required, int maxLength) {
        Optional<JsonNode> object = object(node, name, field, required);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        rejectUnknown(object.get(), field + ".", Set.of("fr", "ar", "en"));
        Optional<String> fr = text(object.get(), "fr", field + ".fr", true, maxLength);
        Optional<String> ar = text(object.get(), "ar", field + ".ar", false, maxLength);
        Optional<String> en = text(object.get(), "en", field + ".en", false, maxLength);
        return fr.map(f -> new LocalizedText(f, ar.orElse(null), en.orElse(null)));
    }

    /**
     * A whole number within bounds. A number beyond 64 bits is out of range rather than wrapped
     * (18446744073709551619 is not 3), and 4.0 or 4.5 is not a whole number.
     */
    public Optional<Integer> integer(JsonNode node, String name, String field, boolean required, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                fail(field, "required", "This field is required.");
            }
            return Optional.empty();
        }
        if (!value.isIntegralNumber()) {
            fail(field, "invalid_type", "Must be a whole number from " + min + " to " + max + ".");
            return Optional.empty();
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            fail(field, "out_of_range", "Must be a whole number from " + min + " to " + max + ".");
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /** A value parsed from text, such as a date; {@code format} describes it in the error. */
    public <T> Optional<T> parsed(JsonNode node, String name, String field, boolean required,
                                  Function<String, T> parser, String format) {
        return text(node, name, field, required, 100).flatMap(text -> {
            try {
                return Optional.of(parser.apply(text));
            } catch (RuntimeException e) {
                fail(field, "invalid_format", "Expected " + format + ".");
                return Optional.empty();
            }
        });
    }

    /** A list of texts, each checked by {@code valid}. */
    public Optional<List<String>> textList(JsonNode node, String name, String field, int minItems, int maxItems,
                                           Predicate<String> valid, String itemFormat) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || !value.isArray() || value.size() < minItems || value.size() > maxItems) {
            fail(field, value == null || value.isNull() ? "required" : "invalid_type",
                    "Must be a list of " + minItems + " to " + maxItems + " " + itemFormat + ".");
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || !valid.test(item.asText().strip())) {
                fail(field + "." + i, "invalid_format", "Expected " + itemFormat + ".");
            } else {
                items.add(item.asText().strip());
            }
        }
        return items.size() == value.size() ? Optional.of(items) : Optional.empty();
    }

    private static <E> String allowed(E[] values, Function<E, String> code) {
        List<String> names = new ArrayList<>();
        for (E value : values) {
            names.add(code.apply(value));
        }
        return String.join(", ", names);
    }
}
