package ma.salonsess.shared.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    @Test
    void addressesCompareWithoutRegardToCapitals() {
        assertEquals(EmailAddress.parse("Fatima.ElIdrissi@Example.ORG").orElseThrow().normalized(),
                EmailAddress.parse("fatima.elidrissi@example.org").orElseThrow().normalized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fatima@", "@example.org", "fatima@example", "fatima example@example.org",
            "fatima@example.org\r\nBcc: all@example.org", "Fatima <fatima@example.org>", "a..b@example.org",
            "fatima@example.org,other@example.org", "\"quoted\"@example.org"})
    void anythingThatCouldBecomeAnotherHeaderOrRecipientIsRefused(String typed) {
        assertTrue(EmailAddress.parse(typed).isEmpty(), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.@example.org", ".a@example.org", "a..b@example.org", "a@.example.org",
            "a@example..org", "a@example.org.", "a@-example.org", "a@example-.org", "a@exa_mple.org",
            "a@192.168.0.1", "a@[192.168.0.1]", "a@example.o-", "éa@example.org", "a@exämple.org"})
    void theLocalPartIsADotAtomAndTheDomainValidLabels(String typed) {
        assertTrue(EmailAddress.parse(typed).isEmpty(), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.org", "fatima.el-idrissi@example.org", "a.b.c@sub.example.co.ma",
            "o'brien+fair@example.org", "x_y{z}~!#$%&*=?^`|/@example.org", "a@x1.ma", "a@xn--mgbaa6b.ma",
            "a@e.x", "user@123.example"})
    void addressesOfTheGrammarAreAccepted(String typed) {
        assertTrue(EmailAddress.parse(typed).isPresent(), typed);
    }

    @Test
    void theLengthLimitsOfTheAddressAndItsLocalPartHold() {
        String label = "d".repeat(63);
        assertTrue(EmailAddress.parse("l".repeat(64) + "@example.org").isPresent());
        assertTrue(EmailAddress.parse("l".repeat(65) + "@example.org").isEmpty(), "local part over 64");
        assertTrue(EmailAddress.parse("a@" + label + ".org").isPresent());
        assertTrue(EmailAddress.parse("a@" + label + "d.org").isEmpty(), "label over 63");
        String domain = String.join(".", label, label, label, "d".repeat(55), "org"); // 251 characters
        assertTrue(EmailAddress.parse("ab@" + domain).isPresent(), "254 characters");
        assertTrue(EmailAddress.parse("abc@" + domain).isEmpty(), "255 characters");
    }
}
