package ma.salonsess.shared.registration;

import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.text.Language;

/**
 * A registration form that passed validation; optional parts are null when not given.
 */
public record RegistrationRequest(Role role, String firstName, String lastName, String arabicName,
                                  EmailAddress email, PhoneNumber phone, Language language,
                                  Organisation organisation, boolean consentPhotos,
                                  boolean consentShareWithExhibitors, boolean consentSurveys) {
}
