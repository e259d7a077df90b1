package ma.salonsess.shared.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import org.junit.jupiter.api.Test;

class SurveyDeliveryTest {

    private static Survey survey(String invitation, String reminder) {
        return new Survey("key", "salon-x", "reg", Role.VISITOR, Language.FR, null, null, List.of(), invitation,
                reminder,
                null, null);
    }

    @Test
    void theStoredStateReadAsItsEnum() {
        assertEquals(Survey.Delivery.SENDING, survey("SENDING", null).invitationDelivery());
        assertEquals(Survey.Delivery.SENT, survey("SENT", "FAILED").invitationDelivery());
        assertEquals(Survey.Delivery.FAILED, survey("SENT", "FAILED").reminderDelivery());
        assertNull(survey("SENT", null).reminderDelivery(), "no reminder yet");
        assertNull(survey("LOST", null).invitationDelivery(), "a state this code does not know");
    }

    @Test
    void theStoredNamesAreTheEnumsNames() {
        assertEquals("SENDING", Survey.SENDING);
        assertEquals("SENT", Survey.SENT);
        assertEquals("FAILED", Survey.FAILED);
    }
}
