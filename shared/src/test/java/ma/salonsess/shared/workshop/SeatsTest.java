package ma.salonsess.shared.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeatsTest {

    @Test
    void seatsLeftNeverGoBelowZero() {
        assertEquals(3, new Seats(30, 27, 0, Map.of()).seatsLeft());
        assertEquals(0, new Seats(30, 30, 0, Map.of()).seatsLeft());
        // A capacity lowered under the seats already taken is refused, but data may still say so.
        assertEquals(0, new Seats(20, 25, 0, Map.of()).seatsLeft());
    }

    @Test
    void fullOnceEverySeatIsTaken() {
        assertFalse(new Seats(2, 1, 0, Map.of()).full());
        assertTrue(new Seats(2, 2, 0, Map.of()).full());
        assertTrue(new Seats(0, 0, 0, Map.of()).full(), "a workshop without seats takes nobody");
    }

    @Test
    void placesInLineFollowTicketsAndCloseUpWhenSomeoneLeaves() {
        // Tickets 2 and 4 were given back: places count only those still waiting.
        Seats seats = new Seats(1, 1, 6, Map.of("sara", 5L, "karim", 1L, "nadia", 3L, "omar", 6L));
        assertEquals(List.of("karim", "nadia", "sara", "omar"),
                seats.waiting().stream().map(WaitlistEntry::registrationId).toList());
        assertEquals(1, seats.positionOf("karim"));
        assertEquals(2, seats.positionOf("nadia"));
        assertEquals(3, seats.positionOf("sara"));
        assertEquals(4, seats.positionOf("omar"));
        assertEquals(0, seats.positionOf("amina"), "not waiting");
        assertEquals(4, seats.waitlistLength());
    }

    @Test
    void theLineIsACopyThatCallersCannotChange() {
        Map<String, Long> line = new HashMap<>(Map.of("karim", 1L));
        Seats seats = new Seats(1, 1, 1, line);
        line.put("sara", 2L);
        assertEquals(1, seats.waitlistLength());
    }
}
