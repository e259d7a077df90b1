package ma.salonsess.shared.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        var item = SignupItem.signupItem("salon", "atelier", "reg-1", Signup.Status.WAITLISTED, now);

        assertEquals(new Signup("salon", "atelier", "reg-1", Signup.Status.WAITLISTED, now, now),
                SignupItem.fromItem(item));
        assertEquals(SignupItem.signupKey("salon", "atelier", "reg-1"),
                Map.of("pk", item.get("pk"), "sk", item.get("sk")));
    }

    @Test
    void anAgendaIsItsConfirmedWorkshopsAndVersion() {
        assertEquals(new Agenda(Set.of("a", "b"), 4), SignupItem.agenda(Map.of(
                "confirmed", AttributeValue.fromSs(List.of("a", "b")), "version", AttributeValue.fromN("4"))));
        // Deleting the last workshop from a string set removes the attribute: an empty agenda.
        assertEquals(new Agenda(Set.of(), 5), SignupItem.agenda(Map.of("version", AttributeValue.fromN("5"))));
    }
}
