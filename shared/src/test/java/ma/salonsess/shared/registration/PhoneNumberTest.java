package ma.salonsess.shared.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {
    @ParameterizedTest
    @CsvSource({
            "0612345678, +212612345678",
            "06 12 34 56 78, +212612345678",
            "07-12-34-56-78, +212712345678",
            "05.22.12.34.56, +212522123456",
            "+212 6 12 34 56 78, +212612345678",
            "00212612345678, +212612345678",
            "+212 0612345678, +212612345678",
            "+33 6 12 34 56 78, +33612345678",
            "+1 (202) 555-0147, +12025550147"})
    void numbersAreStoredInE164(String typed, String e164) {
        assertEquals(Optional.of(new PhoneNumber(e164)), PhoneNumber.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "0812345678", "061234567", "+0612345678", "phone", "+2126123456789012345"})
    void whatIsNotANumberIsRefused(String typed) {
        assertTrue(PhoneNumber.parse(typed).isEmpty(), typed);
    }
}
