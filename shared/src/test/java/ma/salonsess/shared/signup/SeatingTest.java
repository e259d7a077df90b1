package ma.salonsess.shared.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.workshop.Seats;
import ma.salonsess.shared.workshop.Workshop;
import org.junit.jupiter.api.Test;

class SeatingTest {
    private static final Workshop MORNING = workshop("morning", 10, 12);
    private static final Workshop LATE_MORNING = workshop("late-morning", 11, 13);
    private static final Workshop AFTERNOON = workshop("afternoon", 14, 16);
    private static final List<Workshop> PROGRAMME = List.of(MORNING, LATE_MORNING, AFTERNOON);
    private static final Agenda NOTHING = new Agenda(Set.of(), 0);

    @Test
    void aFreeSeatWithNobodyWaitingIsTaken() {
        assertInstanceOf(Seating.TakeSeat.class, Seating.decide(MORNING, seats(30, 29, 0), NOTHING, PROGRAMME, false));
    }

    @Test
    void aFreeSeatGoesToThoseWaitingFirstUnlessNoneOfThemCouldTakeIt() {
        Seats freedWithLine = seats(30, 29, 3);
        assertInstanceOf(Seating.ServeLineFirst.class, Seating.decide(MORNING, freedWithLine, NOTHING, PROGRAMME, false));
        assertInstanceOf(Seating.TakeSeat.class, Seating.decide(MORNING, freedWithLine, NOTHING, PROGRAMME, true));
    }

    @Test
    void aFullWorkshopPutsTheRegistrantInLineUntilTheLineIsFull() {
        assertInstanceOf(Seating.JoinLine.class, Seating.decide(MORNING, seats(30, 30, 0), NOTHING, PROGRAMME, false));
        assertInstanceOf(Seating.JoinLine.class,
                Seating.decide(MORNING, seats(30, 30, SignupRepository.MAX_WAITLIST - 1), NOTHING, PROGRAMME, false));
        assertInstanceOf(Seating.LineFull.class,
                Seating.decide(MORNING, seats(30, 30, SignupRepository.MAX_WAITLIST), NOTHING, PROGRAMME, false));
    }

    @Test
    void aSeatInAnOverlappingWorkshopRefusesBothASeatAndAPlaceInLine() {
        Agenda lateMorning = new Agenda(Set.of("late-morning"), 1);
        Seating free = Seating.decide(MORNING, seats(30, 0, 0), lateMorning, PROGRAMME, false);
        assertEquals(new Seating.Overlap(LATE_MORNING), free);
        assertEquals(new Seating.Overlap(LATE_MORNING), Seating.decide(MORNING, seats(30, 30, 5), lateMorning, PROGRAMME, false));
    }

    @Test
    void aSeatInAWorkshopAtAnotherTimeOrInThisOneIsNoOverlap() {
        Agenda afternoonAndThis = new Agenda(Set.of("afternoon", "morning"), 2);
        assertInstanceOf(Seating.TakeSeat.class, Seating.decide(MORNING, seats(30, 0, 0), afternoonAndThis, PROGRAMME, false));
        // Back to back is no overlap: one ends at 12:00, the next starts at 12:00.
        Workshop noon = workshop("noon", 12, 13);
        assertInstanceOf(Seating.TakeSeat.class, Seating.decide(noon, seats(10, 0, 0), new Agenda(Set.of("morning"), 1),
                List.of(MORNING, noon), false));
    }

    private static Seats seats(int capacity, int taken, int waiting) {
        return new Seats(capacity, taken, waiting, waiting, Map.of());
    }

    private static Workshop workshop(String id, int fromHour, int toHour) {
        OffsetDateTime day = OffsetDateTime.of(2026, 12, 10, 0, 0, 0, 0, ZoneOffset.ofHours(1));
        return new Workshop("fair", id, new LocalizedText("Atelier " + id, null, null), null, "Salle A",
                day.withHour(fromHour), day.withHour(toHour), 30, Language.FR);
    }
}
