package ma.salonsess.shared.registration;

import java.time.Instant;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.text.Language;

/**
 * A person registered for a fair. {@code arabicName}, {@code phone} and {@code organisation} are
 * null when not given.
 *
 * @param accessTokenHash SHA-256 of the registrant's access token; the token itself is never stored
 * @param purgeAt         when the record is deleted by the table's TTL (law 09-08: limited retention)
 * @param version         1 when created, one more at each change of what it says
 */
public record Registration(String registrationId, String fairId, Role role, Status status, String firstName,
                           String lastName, String arabicName, EmailAddress email, PhoneNumber phone,
                           Language language, Organisation organisation, Consent consent, BadgeState badge,
                           String accessTokenHash, Instant createdAt, Instant purgeAt, long version) {

    public enum Status { CONFIRMED }
}
