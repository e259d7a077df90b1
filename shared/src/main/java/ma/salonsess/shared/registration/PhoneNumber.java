package ma.salonsess.shared.registration;

import java.util.Optional;
import java.util.regex.Pattern;

/** A phone number in E.164 form, such as {@code +212612345678}. */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern MOROCCAN_NATIONAL = Pattern.compile("0([5-7][0-9]{8})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()/]");

    /**
     * Reads a number as people type it: Moroccan national numbers ({@code 06 12 34 56 78}) become
     * {@code +212612345678}; an international prefix {@code 00} becomes {@code +}.
     */
    public static Optional<PhoneNumber> parse(String typed) {
        String compact = SEPARATORS.matcher(typed).replaceAll("");
        var national = MOROCCAN_NATIONAL.matcher(compact);
        if (national.matches()) {
            return Optional.of(new PhoneNumber("+212" + national.group(1)));
        }
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (compact.startsWith("+2120")) {
            // "+212 0612..." is a common mistake: the trunk 0 is dropped after the country code.
            compact = "+212" + compact.substring(5);
        }
        return E164.matcher(compact).matches() ? Optional.of(new PhoneNumber(compact)) : Optional.empty();
    }
}
