package ma.salonsess.shared.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
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
    private static final String NEXT_SECRET = "the-next-secret-of-at-least-thirty-two-characters";
    private static final BadgeToken TOKENS = new BadgeToken(SECRET);
    private static final String FAIR = "salon-agadir-2026";
    private static final String REGISTRATION = "7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d";

    @Test
    void aBadgeVerifiesAtItsOwnFairAndTellsItsRole() {
        String token = TOKENS.issue(FAIR, REGISTRATION, Role.EXHIBITOR);

        assertEquals(Optional.of(new BadgeToken.Holder(REGISTRATION, Role.EXHIBITOR)), TOKENS.verify(FAIR, token));
        assertTrue(token.startsWith("SE3.") && token.length() <= 140, "small enough for the QR code: " + token);
    }

    @Test
    void aScannerVerifiesTheCodeWithThePublishedPublicKeyAlone() throws Exception {
        String token = TOKENS.issue(FAIR, REGISTRATION, Role.VISITOR);
        String[] parts = token.split("\\.");
        BadgeToken.PublicKeyView published = TOKENS.publicKeys(FAIR).get(0);

        assertEquals(published.keyId(), parts[1], "the code names the key that signed it");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(BadgeToken.publicKey(Base64.getUrlDecoder().decode(published.publicKey())));
        verifier.update(("badge3\n" + FAIR + "\n" + REGISTRATION + "\nV").getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[4])));
    }

    @Test
    void keysAreDerivedAsRfc8032Says() {
        // RFC 8032, section 7.1, test 1: the secret key is the seed, and this its public key.
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                HexFormat.of().formatHex(BadgeToken.rawPublicKeyOf(seed)));
    }

    @Test
    void eachFairHasItsOwnKeyAndTheSameSecretGivesTheSameKeysEverywhere() {
        assertEquals(TOKENS.publicKeys(FAIR), new BadgeToken(SECRET).publicKeys(FAIR));
        assertNotEquals(TOKENS.publicKeys(FAIR), TOKENS.publicKeys("salon-oujda-2026"));
    }

    @Test
    void aBadgeFromAnotherFairDoesNotVerify() {
        String token = TOKENS.issue("salon-oujda-2026", REGISTRATION, Role.VISITOR);

        assertEquals(Optional.empty(), TOKENS.verify(FAIR, token));
    }

    @Test
    void aBadgeWithAnotherRoleLetterDoesNotVerify() {
        String visitor = TOKENS.issue(FAIR, REGISTRATION, Role.VISITOR);
        for (String letter : new String[] {"E", "P", "S", "M", "X"}) {
            String reprinted = visitor.replace(".V.", "." + letter + ".");
            assertEquals(Optional.empty(), TOKENS.verify(FAIR, reprinted), reprinted);
        }
    }

    @Test
    void aTamperedCodeDoesNotVerify() {
        String token = TOKENS.issue(FAIR, REGISTRATION, Role.VISITOR);
        String otherRegistration = token.replace(REGISTRATION, "7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7e");
        char last = token.charAt(token.length() - 2);
        String otherSignature = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);
        String otherKey = token.replace(token.split("\\.")[1], "AAAAAAAA");

        for (String tampered : List.of(otherRegistration, otherSignature, otherKey, token + "A", token.substring(1),
                "", "SE3....")) {
            assertEquals(Optional.empty(), TOKENS.verify(FAIR, tampered), tampered);
        }
        assertEquals(Optional.empty(), TOKENS.verify(FAIR, null));
    }

    @Test
    void badgesPrintedBeforeTheChangeStillVerifyOnline() {
        String se2 = TOKENS.issueLegacy(FAIR, REGISTRATION, Role.PRESS);

        assertTrue(se2.startsWith("SE2."));
        assertEquals(Optional.of(new BadgeToken.Holder(REGISTRATION, Role.PRESS)), TOKENS.verify(FAIR, se2));
        assertEquals(Optional.empty(), TOKENS.verify("salon-oujda-2026", se2));
        assertEquals(Optional.empty(), TOKENS.verify(FAIR, se2.replace(".M.", ".V.")));
    }

    @Test
    void afterTheSecretIsRotatedOldBadgesOfBothKindsStillVerify() {
        String se3 = TOKENS.issue(FAIR, REGISTRATION, Role.SPEAKER);
        String se2 = TOKENS.issueLegacy(FAIR, REGISTRATION, Role.SPEAKER);
        BadgeToken rotated = new BadgeToken(List.of(NEXT_SECRET, SECRET));

        var holder = Optional.of(new BadgeToken.Holder(REGISTRATION, Role.SPEAKER));
        assertEquals(holder, rotated.verify(FAIR, se3));
        assertEquals(holder, rotated.verify(FAIR, se2));
        assertEquals(2, rotated.publicKeys(FAIR).size(), "scanners get the old key too");
        assertNotEquals(se3.split("\\.")[1], rotated.issue(FAIR, REGISTRATION, Role.SPEAKER).split("\\.")[1],
                "new badges are signed with the new key");
        assertEquals(Optional.empty(), new BadgeToken(NEXT_SECRET).verify(FAIR, se3),
                "dropping a secret drops its key");
    }

    @Test
    void aFirstVersionTokenThatSignedOnlyTheRegistrationNoLongerVerifies() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] full = mac.doFinal(("badge\n" + REGISTRATION).getBytes(StandardCharsets.UTF_8));
        String se1 = "SE1." + REGISTRATION + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));

        assertEquals(Optional.empty(), TOKENS.verify(FAIR, se1));
    }

    @Test
    void anotherSecretsTokenDoesNotVerify() {
        BadgeToken other = new BadgeToken("another-secret-of-at-least-thirty-two-characters");

        assertEquals(Optional.empty(), TOKENS.verify(FAIR, other.issue(FAIR, REGISTRATION, Role.VISITOR)));
        assertEquals(Optional.empty(), TOKENS.verify(FAIR, other.issueLegacy(FAIR, REGISTRATION, Role.VISITOR)));
    }

    @Test
    void aRevokedBadgesFingerprintNamesNoRegistration() {
        String fingerprint = BadgeToken.fingerprint(FAIR, REGISTRATION);

        assertEquals(16, fingerprint.length());
        assertTrue(!fingerprint.contains(REGISTRATION.substring(0, 8)));
        assertNotEquals(fingerprint, BadgeToken.fingerprint("salon-oujda-2026", REGISTRATION));
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
