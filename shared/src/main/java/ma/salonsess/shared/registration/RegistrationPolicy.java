package ma.salonsess.shared.registration;

import java.time.Duration;
import ma.salonsess.shared.config.Env;

/**
 * The rules of a deployment that are configuration, not code.
 *
 * @param privacyNoticeVersion the version of the privacy notice the forms show, recorded with each consent
 * @param retentionAfterFair   how long a registration is kept after its fair ends before the TTL deletes it
 */
public record RegistrationPolicy(String privacyNoticeVersion, Duration retentionAfterFair) {

    public static RegistrationPolicy from(Env env) {
        return new RegistrationPolicy(env.require("PRIVACY_NOTICE_VERSION"),
                Duration.ofDays(env.intValue("RETENTION_DAYS_AFTER_FAIR", 365)));
    }
}
