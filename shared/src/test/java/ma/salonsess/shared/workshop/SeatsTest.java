package ma.salonsess.shared.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeatsTest {

    @Test
    void seatsLeftNeverGoBelowZero() {
        assertEquals(3, seats(30, 27).seatsLeft());
        assertEquals(0, seats(30, 30).seatsLeft());
        // A capacity lowered under the seats already taken is refused, but data may still say so.
        assertEquals(0, seats(20, 25).seatsLeft());
    }

    @Test
    void fullOnceEverySeatIsTaken() {
        assertFalse(seats(2, 1).full());
        assertTrue(seats(2, 2).full());
        assertTrue(seats(0, 0).full(), "a workshop without seats takes nobody");
    }

    @Test
    void placesInLineFollowTicketsAndCloseUpWhenSomeoneLeaves() {
        // Tickets 1 to 6, of which 2 and 4 were given back: karim 1, nadia 3, sara 5, omar 6.
        Seats seats = new Seats(1, 1, 6, 4, Map.of(0L, 2));
        assertEquals(1, seats.placeOf(1, 0));
        assertEquals(2, seats.placeOf(3, 1), "ticket 2 left before nadia's");
        assertEquals(3, seats.placeOf(5, 2));
        assertEquals(4, seats.placeOf(6, 2));
        assertEquals(4, seats.waitlistLength());
    }

    @Test
    void earlierBlocksCountByTheirCountersAndOnlyTheOwnBlockIsRead() {
        int block = Seats.BLOCK;
        // Of the first block, 10 left; of the second, 3 (of which 1 before this ticket).
        Seats seats = new Seats(30, 30, 3L * block, 2 * block + block - 13, Map.of(0L, 10, 1L, 3));
        long ticket = block + 20;
        assertEquals(1, Seats.blockOf(ticket));
        assertEquals(block + 1, Seats.firstTicketOf(1));
        assertEquals(ticket - 10 - 1, seats.placeOf(ticket, 1));
        assertEquals(0, Seats.blockOf(block), "the last ticket of the first block");
    }

    @Test
    void theHeadOfTheLineSkipsBlocksEveryoneHasLeft() {
        assertEquals(0, seats(1, 1).firstOpenBlock());
        assertEquals(2, new Seats(1, 1, 200, 5, Map.of(0L, Seats.BLOCK, 1L, Seats.BLOCK, 2L, 7)).firstOpenBlock());
    }

    @Test
    void theCountersAreACopyThatCallersCannotChange() {
        Map<Long, Integer> left = new HashMap<>(Map.of(0L, 1));
        Seats seats = new Seats(1, 1, Seats.BLOCK + 1, Seats.BLOCK, left);
        left.put(0L, 2);
        assertEquals(Seats.BLOCK, seats.placeOf(Seats.BLOCK + 1, 0));
    }

    private static Seats seats(int capacity, int taken) {
        return new Seats(capacity, taken, 0, 0, Map.of());
    }
}
