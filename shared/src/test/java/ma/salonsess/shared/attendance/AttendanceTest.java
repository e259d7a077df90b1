package ma.salonsess.shared.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import ma.salonsess.shared.checkin.Entry;
import ma.salonsess.shared.checkin.Seat;
import ma.salonsess.shared.checkin.Tally;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.Seats;
import ma.salonsess.shared.workshop.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttendanceTest {
    private static final ZoneId CASABLANCA = Fair.MOROCCO;
    private static final Instant AFTER_ALL = Instant.parse("2027-06-01T00:00:00Z");

    private static Entry entry(String registrationId, String day, String instant, String gate) {
        return new Entry("f", registrationId, LocalDate.parse(day), "scan-" + registrationId + day,
                Instant.parse(instant), gate, "device-1");
    }

    private static Attendance entriesOnly(Entry... entries) {
        return Attendance.count("f", CASABLANCA, null, List.of(entries), List.of(), List.of(), AFTER_ALL);
    }

    @Test
    void countsEntriesPerDayAndUniqueVisitorsAcrossDays() {
        // Casablanca is UTC+1 in May 2027: 23:30 UTC on the 1st is already the 2nd there, as the check-in stored it.
        Attendance a = entriesOnly(
                entry("r1", "2027-05-01", "2027-05-01T09:10:00Z", "entrance"),
                entry("r2", "2027-05-01", "2027-05-01T09:40:00Z", "gate-nord"),
                entry("r1", "2027-05-02", "2027-05-01T23:30:00Z", "entrance"),
                entry("r3", "2027-05-02", "2027-05-02T15:00:00Z", "entrance"));
        assertEquals(4, a.entries());
        assertEquals(3, a.uniqueVisitors());
        assertEquals(List.of(new Attendance.Day(LocalDate.parse("2027-05-01"), 2),
                new Attendance.Day(LocalDate.parse("2027-05-02"), 2)), a.days());
    }

    @Test
    void hoursAreTheFairsOwnAndSplitByGate() {
        Attendance a = entriesOnly(
                entry("r1", "2027-05-01", "2027-05-01T09:10:00Z", "entrance"),
                entry("r2", "2027-05-01", "2027-05-01T09:59:59Z", "entrance"),
                entry("r3", "2027-05-01", "2027-05-01T09:20:00Z", "gate-nord"),
                entry("r4", "2027-05-01", "2027-05-01T10:00:00Z", "entrance"),
                entry("r5", "2027-05-02", "2027-05-01T23:30:00Z", "entrance"));
        LocalDate first = LocalDate.parse("2027-05-01");
        assertEquals(List.of(
                new Attendance.Hour(first, 10, "entrance", 2),
                new Attendance.Hour(first, 10, "gate-nord", 1),
                new Attendance.Hour(first, 11, "entrance", 1),
                new Attendance.Hour(LocalDate.parse("2027-05-02"), 0, "entrance", 1)), a.hours());
    }

    @Test
    void nothingScannedCountsZeroes() {
        Attendance a = entriesOnly();
        assertEquals(0, a.entries());
        assertEquals(0, a.uniqueVisitors());
        assertTrue(a.days().isEmpty());
        assertTrue(a.hours().isEmpty());
        assertEquals(0, a.occupancy().inside());
        assertNull(a.occupancy().capacity());
        assertFalse(a.occupancy().overCapacity());
    }

    private static final Workshop COOPERATIVES = new Workshop("f", "w1", new LocalizedText("Coopératives", null, null),
            null, "Salle A", OffsetDateTime.parse("2027-05-01T10:00:00+01:00"),
            OffsetDateTime.parse("2027-05-01T11:30:00+01:00"), 30, Language.FR);

    private static Seat seat(String registrationId, boolean walkIn) {
        return new Seat("f", "w1", registrationId, "s-" + registrationId, Instant.parse("2027-05-01T09:05:00Z"),
                walkIn);
    }

    /** Confirmed signups, who was counted in the room (* = walk-in), when: attended, walk-ins, no-shows, over. */
    static Stream<Arguments> workshops() {
        return Stream.of(
                Arguments.of("all came", "a b c", "a b c", "12:00", 3, 0, 0, true),
                Arguments.of("one did not come", "a b c", "a b", "12:00", 2, 0, 1, true),
                Arguments.of("no-shows wait for the end", "a b c", "a b", "11:00", 2, 0, 0, false),
                Arguments.of("ends at 11:30: over at 11:30", "a b c", "a", "11:30", 1, 0, 2, true),
                Arguments.of("walk-ins count as attendance, not against no-shows", "a b", "a *x *y", "12:00", 3, 2, 1,
                        true),
                Arguments.of("a walk-in who got a confirmed seat at the door", "a", "a *x", "12:00", 2, 1, 0, true),
                Arguments.of("the same person counted twice counts once", "a b", "a a", "12:00", 1, 0, 1, true),
                Arguments.of("nobody signed up, nobody came", "", "", "12:00", 0, 0, 0, true),
                Arguments.of("nobody came", "a b c d", "", "12:00", 0, 0, 4, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workshops")
    void workshopAttendanceAgainstSeatsTaken(String name, String confirmed, String counted, String at, long attended,
                                             long walkIns, long noShows, boolean over) {
        Set<String> signedUp = Set.copyOf(words(confirmed));
        List<Seat> seats = new ArrayList<>();
        for (String who : words(counted)) {
            seats.add(seat(who.replace("*", ""), who.startsWith("*")));
        }
        var programme = new ScheduledWorkshop(COOPERATIVES, new Seats(30, signedUp.size(), 0, 0, Map.of()));
        Attendance a = Attendance.count("f", CASABLANCA, null, List.of(), List.of(),
                List.of(new Attendance.Door(programme, seats, signedUp)),
                OffsetDateTime.parse("2027-05-01T" + at + ":00+01:00").toInstant());
        Attendance.WorkshopAttendance w = a.workshops().getFirst();
        assertEquals(signedUp.size(), w.seatsTaken());
        assertEquals(attended, w.attended(), "attended");
        assertEquals(walkIns, w.walkIns(), "walk-ins");
        assertEquals(noShows, w.noShows(), "no-shows");
        assertEquals(over, w.over(), "over");
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" +"));
    }

    /** Per gate entries/exits, hall capacity: inside, over capacity. */
    static Stream<Arguments> occupancy() {
        return Stream.of(
                Arguments.of("one gate", List.of(new Tally.PointCount("entrance", 1200, 200)), 5000, 1000, false),
                Arguments.of("gates add up", List.of(new Tally.PointCount("entrance", 3000, 1000),
                        new Tally.PointCount("gate-nord", 2500, 400)), 4000, 4100, true),
                Arguments.of("exactly full is not over", List.of(new Tally.PointCount("entrance", 4000, 0)), 4000, 4000,
                        false),
                Arguments.of("more exits than entries is nobody inside",
                        List.of(new Tally.PointCount("entrance", 10, 25)), 100, 0, false),
                Arguments.of("no capacity said: never over", List.of(new Tally.PointCount("entrance", 90000, 0)), null,
                        90000, false),
                Arguments.of("no tally", List.of(), 4000, 0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("occupancy")
    void anonymousOccupancyAgainstTheHall(String name, List<Tally.PointCount> gates, Integer capacity, long inside,
                                          boolean over) {
        Attendance.Occupancy o = Attendance.count("f", CASABLANCA, capacity, List.of(), gates, List.of(), AFTER_ALL)
                .occupancy();
        assertEquals(inside, o.inside());
        assertEquals(over, o.overCapacity());
        assertEquals(capacity, o.capacity());
        assertEquals(gates.stream().mapToLong(Tally.PointCount::entries).sum(), o.entries());
    }
}
