package ma.salonsess.shared.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import ma.salonsess.shared.config.SecretVersions;
import org.junit.jupiter.api.Test;

/** A reminder after a rotation repeats the invitation's link, whose hash is the survey's key. */
class SurveyTokenRotationTest {
    private static final String OLD = "the-survey-secret-before-the-rotation-0123";
    private static final String NEW = "the-survey-secret-after-the-rotation-45678";

    @Test
    void aReminderAfterARotationRepeatsTheInvitationsLink() {
        AtomicReference<SecretVersions> secret = new AtomicReference<>(SecretVersions.of(OLD));
        SurveyToken tokens = new SurveyToken(secret::get);
        String invitation = tokens.issue("fair", "reg");
        String key = SurveyToken.keyOf(invitation).orElseThrow();

        secret.set(new SecretVersions(List.of(NEW, OLD)));

        assertNotEquals(invitation, tokens.issue("fair", "reg"), "new invitations use the new value");
        assertEquals(Optional.of(invitation), tokens.reissue("fair", "reg", key));
        secret.set(new SecretVersions(List.of("a-third-survey-secret-after-two-rotations", NEW)));
        assertTrue(tokens.reissue("fair", "reg", key).isEmpty(), "rotated out: the reminder is not sent");
    }
}
