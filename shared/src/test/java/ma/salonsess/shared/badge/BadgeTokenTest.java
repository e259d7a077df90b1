package ma.salonsess.shared.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.salonsess.shared.config.SecretVersions;
import ma.salonsess.shared.registration.Role;
import org.junit.jupiter.api.Test;

/** What a check-in scanner makes of a badge's QR code. */
class BadgeTokenTest {
    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";
    private static final BadgeToken TOKENS = new BadgeToken(SECRET);
    private static final String REGISTRATION = "7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d";
    private static final String FAIR = "salon-agadir-2026";

    @Test
    void aBadgeVerifiesAtItsOwnFairAndTellsItsRole() {
        String token = TOKENS.issue("salon-agadir-2026", REGISTRATION, Role.EXHIBITOR);

        assertEquals(Optional.of(new BadgeToken.Holder(REGISTRATION, Role.EXHIBITOR)),
                TOKENS.verify("salon-agadir-2026", token));
        assertTrue(token.startsWith("SE2.") && token.length() <= 66, "short for the QR code: " + token);
    }

    @Test
    void aBadgeFromAnotherFairDoesNotVerify() {
        String token = TOKENS.issue("salon-oujda-2026", REGISTRATION, Role.VISITOR);

        assertEquals(Optional.empty(), TOKENS.verify("salon-agadir-2026", token));
    }

    @Test
    void aBadgeWithAnotherRoleDoesNotVerify() {
        String visitor = TOKENS.issue("salon-agadir-2026", REGISTRATION, Role.VISITOR);
        for (String letter : new String[] {"E", "P", "S", "M"}) {
            String reprinted = visitor.replace(".V.", "." + letter + ".");
            assertEquals(Optional.empty(), TOKENS.verify("salon-agadir-2026", reprinted), reprinted);
        }
    }

    @Test
    void aFirstVersionTokenThatSignedOnlyTheRegistrationNoLongerVerifies() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] full = mac.doFinal(("badge\n" + REGISTRATION).getBytes(StandardCharsets.UTF_8));
        String se1 = "SE1." + REGISTRATION + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));

        assertEquals(Optional.empty(), TOKENS.verify("salon-agadir-2026", se1));
    }

    @Test
    void anotherSecretsTokenDoesNotVerify() {
        String token = new BadgeToken("another-secret-of-at-least-thirty-two-characters")
                .issue("salon-agadir-2026", REGISTRATION, Role.VISITOR);

        assertEquals(Optional.empty(), TOKENS.verify("salon-agadir-2026", token));
    }

    @Test
    void afterARotationNewTokensUseTheNewSecretAndOldOnesStillVerify() {
        String old = TOKENS.issue(FAIR, REGISTRATION, Role.VISITOR);
        BadgeToken rotated = new BadgeToken(new SecretVersions(
                List.of("the-new-secret-of-at-least-thirty-two-characters", SECRET)));

        String fresh = rotated.issue(FAIR, REGISTRATION, Role.VISITOR);
        assertNotEquals(old, fresh);
        assertTrue(rotated.verify(FAIR, old).isPresent(), "printed before the rotation");
        assertTrue(rotated.verify(FAIR, fresh).isPresent());
        assertTrue(TOKENS.verify(FAIR, fresh).isEmpty(), "the old secret alone does not know the new tokens");
        assertEquals(List.of(rotated.objectKey(FAIR, REGISTRATION), TOKENS.objectKey(FAIR, REGISTRATION)),
                rotated.objectKeys(FAIR, REGISTRATION), "erasure finds the badge under either");
    }
}
