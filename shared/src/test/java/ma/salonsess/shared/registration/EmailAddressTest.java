package ma.salonsess.shared.registration;

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
}
