package ma.salonsess.shared.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The signup mapper on its own, without DynamoDB. */
class SignupItemTest {

    @Test
    void aSignupReadsBackAsWrittenUnderItsWorkshopsKey() {
        Instant now = Instant.parse("2026-05-02T09:30:00Z");
        var item = SignupItem.signupItem("salon", "atelier", "reg-1", Signup.Status.WAITLISTED, now, 7);

        assertEquals(new Signup("salon", "atelier", "reg-1", Signup.Status.WAITLISTED, now, now, 7),
                SignupItem.fromItem(item));
        var seated = SignupItem.signupItem("salon", "atelier", "reg-1", Signup.Status.CONFIRMED, now, 0);
        assertEquals(new Signup("salon", "atelier", "reg-1", Signup.Status.CONFIRMED, now, now),
                SignupItem.fromItem(seated));
        assertEquals(SignupItem.signupKey("salon", "atelier", "reg-1"),
                Map.of("pk", item.get("pk"), "sk", item.get("sk")));
    }

    @Test
    void placesInLineSortByTicketAndForgetWhoHeldThemOnceLeft() {
        assertTrue(SignupItem.ticketKey(9).compareTo(SignupItem.ticketKey(10)) < 0);
        assertTrue(SignupItem.ticketKey(99).compareTo(SignupItem.ticketKey(1_000_000)) < 0);
        var held = SignupItem.placeItem("salon", "atelier", 12, "reg-1");
        assertEquals("reg-1", held.get("registrationId").s());
        var left = SignupItem.placeItem("salon", "atelier", 12, null);
        assertFalse(left.containsKey("registrationId"), "nothing points back at who held it");
        assertTrue(left.get("left").bool());
        assertEquals(held.get("sk"), left.get("sk"));
    }

    @Test
    void anAgendaIsItsConfirmedWorkshopsAndVersion() {
        assertEquals(new Agenda(Set.of("a", "b"), 4), SignupItem.agenda(Map.of(
                "confirmed", AttributeValue.fromSs(List.of("a", "b")), "version", AttributeValue.fromN("4"))));
        // Deleting the last workshop from a string set removes the attribute: an empty agenda.
        assertEquals(new Agenda(Set.of(), 5), SignupItem.agenda(Map.of("version", AttributeValue.fromN("5"))));
    }
}
