package ma.salonsess.shared.checkin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ma.salonsess.shared.registration.Registration;
import ma.salonsess.testsupport.RegistrationBuilder;
import org.junit.jupiter.api.Test;

class AttendeeSearchTest {
    @Test
    void aHurriedSearchFindsNamesWhateverTheCaseAccentsOrScript() {
        Registration r = RegistrationBuilder.in("f").named("Hélène", "El Idrissi").build();

        assertTrue(AttendeeSearch.matches(r, AttendeeSearch.fold("helene idrissi")));
        assertTrue(AttendeeSearch.matches(r, AttendeeSearch.fold("IDRISSI")));
        assertFalse(AttendeeSearch.matches(r, AttendeeSearch.fold("helene benali")), "every word must match");
        assertFalse(AttendeeSearch.matches(r, AttendeeSearch.fold("  ")));
    }
}
