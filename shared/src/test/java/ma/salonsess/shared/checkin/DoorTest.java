package ma.salonsess.shared.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import ma.salonsess.shared.signup.Signup;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.workshop.Workshop;
import org.junit.jupiter.api.Test;

class DoorTest {
    private static final Workshop MORNING = workshop("compta", "Salle A", 10, 12);
    private static final Workshop NOON = workshop("marketing", "Salle A", 12, 13);
    private static final Workshop OTHER_ROOM = workshop("juridique", "Salle B", 10, 12);
    private static final List<Workshop> PROGRAMME = List.of(NOON, MORNING, OTHER_ROOM);

    private static Workshop workshop(String id, String room, int from, int to) {
        return new Workshop("f", id, new LocalizedText(id, null, null), null, room, at(from, 0), at(to, 0), 30,
                Language.FR);
    }

    private static OffsetDateTime at(int hour, int minute) {
        return OffsetDateTime.of(2026, 12, 10, hour, minute, 0, 0, ZoneOffset.ofHours(1));
    }

    private static Instant instant(int hour, int minute) {
        return at(hour, minute).toInstant();
    }

    @Test
    void theRoomAndTheClockNameTheWorkshop() {
        assertEquals(Optional.empty(), Door.workshopIn(PROGRAMME, "Salle A", instant(9, 0)), "nothing yet");
        assertEquals(Optional.of(MORNING), Door.workshopIn(PROGRAMME, "Salle A", instant(9, 20)), "about to start");
        assertEquals(Optional.of(MORNING), Door.workshopIn(PROGRAMME, "salle a ", instant(11, 30)),
                "the running one, though the next is within the lead");
        assertEquals(Optional.of(NOON), Door.workshopIn(PROGRAMME, "Salle A", instant(12, 0)), "one ends, the next");
        assertEquals(Optional.of(OTHER_ROOM), Door.workshopIn(PROGRAMME, "Salle B", instant(10, 5)));
        assertEquals(Optional.empty(), Door.workshopIn(PROGRAMME, "Salle A", instant(13, 0)), "all over");
    }

    @Test
    void aHeldSeatIsTakenAWaitingOrUnsignedRegistrantIsToldWhereTheyStand() {
        var confirmed = Optional.of(Signup.Status.CONFIRMED);
        var waiting = Optional.of(Signup.Status.WAITLISTED);
        assertEquals(new Door.TakeSeat(false), Door.decide(confirmed, 0, false, 30, 30, false));
        assertEquals(new Door.Waitlisted(3, false), Door.decide(waiting, 3, false, 10, 30, false),
                "before the start, seats are held");
        assertEquals(new Door.Waitlisted(3, true), Door.decide(waiting, 3, true, 10, 30, false));
        assertEquals(new Door.NotSignedUp(false), Door.decide(Optional.empty(), 0, true, 30, 30, false), "full");
        assertEquals(new Door.NotSignedUp(true), Door.decide(Optional.of(Signup.Status.CANCELLED), 0, true, 29, 30,
                false));
    }

    @Test
    void walkInsAreSeatedOnlyOnceTheWorkshopHasStarted() {
        assertEquals(new Door.NotStarted(), Door.decide(Optional.empty(), 0, false, 0, 30, true));
        assertEquals(new Door.TakeSeat(true), Door.decide(Optional.empty(), 0, true, 0, 30, true));
        assertEquals(new Door.TakeSeat(true), Door.decide(Optional.of(Signup.Status.WAITLISTED), 2, true, 0, 30,
                true));
    }

    @Test
    void aDoubleEntryIsAnOfflineScanAtAnotherDevice() {
        Entry atGateA = new Entry("f", "r", at(9, 0).toLocalDate(), "s1", instant(9, 0), "entrance", "gate-a");
        assertTrue(Door.doubleEntry(true, atGateA, "gate-b"));
        assertFalse(Door.doubleEntry(true, atGateA, "gate-a"), "the same device knew");
        assertFalse(Door.doubleEntry(false, atGateA, "gate-b"), "online, the gate was told ALREADY_ADMITTED");
    }
}
