package ma.salonsess.shared.registration;

import java.time.Duration;

/**
 * The rules of a deployment that are configuration, not code (read from the environment by
 * {@link ma.salonsess.shared.config.Wiring#registrationPolicy}).
 *
 * @param privacyNoticeVersion the version of the privacy notice the forms show, recorded with each consent
 * @param retentionAfterFair   how long a registration is kept after its fair ends before the TTL deletes it
 */
public record RegistrationPolicy(String privacyNoticeVersion, Duration retentionAfterFair) {
}
