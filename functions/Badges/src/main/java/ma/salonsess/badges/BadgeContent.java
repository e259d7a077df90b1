package ma.salonsess.badges;

import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;

/**
 * What a badge shows. {@code arabicName}, {@code organisation} and {@code region} may be null.
 *
 * @param token the signed token the QR code holds
 */
public record BadgeContent(String fairName, Language language, String fullName, String arabicName, Role role,
                           String organisation, String region, String token) {

    public static BadgeContent of(Fair fair, Registration r, String token) {
        Language language = r.language();
        boolean exhibitor = r.role() == Role.EXHIBITOR && r.organisation() != null;
        return new BadgeContent(fair.name().in(language), language, r.firstName() + " " + r.lastName(),
                r.arabicName(), r.role(), exhibitor ? r.organisation().name() : null,
                exhibitor && r.organisation().region() != null ? r.organisation().region().displayName().in(language)
                        : null, token);
    }

    /** The role's label on the band, in the registrant's language. */
    public String roleLabel() {
        return switch (language) {
            case FR -> switch (role) {
                case VISITOR -> "VISITEUR";
                case EXHIBITOR -> "EXPOSANT";
                case PARTICIPANT -> "PARTICIPANT";
                case SPEAKER -> "INTERVENANT";
                case PRESS -> "PRESSE";
            };
            case AR -> switch (role) {
                case VISITOR -> "زائر";
                case EXHIBITOR -> "عارض";
                case PARTICIPANT -> "مشارك";
                case SPEAKER -> "متدخل";
                case PRESS -> "صحافة";
            };
            case EN -> role.name();
        };
    }
}
