package ma.salonsess.shared.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ma.salonsess.shared.checkin.Entry;
import ma.salonsess.shared.checkin.Seat;
import ma.salonsess.shared.checkin.Tally;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.Workshop;

/**
 * What happened at a fair's gates and workshop doors, as its organisers read it.
 *
 * @param entries        registrants' entries, one per registrant per day (the check-in keeps only the first)
 * @param uniqueVisitors registrants who came at least once, whatever the number of days
 * @param days           entries per day of the fair's own calendar, the days with none left out
 * @param hours          entries per hour (fair's time zone) and gate, the empty ones left out
 * @param workshops      each workshop of the programme, in the programme's order
 * @param occupancy      the anonymous tallies: who is in the hall now, against its capacity
 */
public record Attendance(String fairId, long entries, long uniqueVisitors, List<Day> days, List<Hour> hours,
                         List<WorkshopAttendance> workshops, Occupancy occupancy) {

    public Attendance {
        days = List.copyOf(days);
        hours = List.copyOf(hours);
        workshops = List.copyOf(workshops);
    }

    public record Day(LocalDate day, long entries) {
    }

    /** @param hour 0 to 23, the hour the entry began in, at the fair */
    public record Hour(LocalDate day, int hour, String point, long entries) {
    }

    /**
     * @param seatsTaken CONFIRMED signups now (the seats the sign-ups hold)
     * @param attended   registrants counted in the room, walk-ins included
     * @param walkIns    of those, seated at the door without a confirmed signup beforehand
     * @param noShows    confirmed signups not counted in the room, once the workshop is over (0 before)
     * @param over       whether the workshop had ended when counted
     */
    public record WorkshopAttendance(Workshop workshop, int seatsTaken, long attended, long walkIns, long noShows,
                                     boolean over) {
    }

    /**
     * @param entries  anonymous entries, all gates
     * @param exits    anonymous exits, all gates
     * @param inside   entries minus exits, never below zero (an exit tapped at a gate whose entry was not)
     * @param capacity what the hall may hold at once; null when the organisers have not said
     */
    public record Occupancy(long entries, long exits, long inside, Integer capacity, List<Tally.PointCount> gates) {
        public Occupancy {
            gates = List.copyOf(gates);
        }

        /** Whether more people are inside than the hall may hold. */
        public boolean overCapacity() {
            return capacity != null && inside > capacity;
        }
    }

    /** A workshop as its door saw it: the programme's entry, who was counted in, who had a confirmed seat. */
    public record Door(ScheduledWorkshop workshop, List<Seat> seats, Set<String> confirmed) {
        public Door {
            seats = List.copyOf(seats);
            confirmed = Set.copyOf(confirmed);
        }
    }

    /**
     * Counts the figures. Pure: everything it needs is given.
     *
     * @param zone the fair's time zone, in which days and hours are told
     * @param now  when the figures are counted: no-shows only for the workshops already over
     */
    public static Attendance count(String fairId, ZoneId zone, Integer hallCapacity, List<Entry> entries,
                                   List<Tally.PointCount> tallies, List<Door> doors, Instant now) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        Map<String, Long> perHour = new TreeMap<>();
        Map<String, Hour> hourKeys = new TreeMap<>();
        Set<String> visitors = new HashSet<>();
        for (Entry entry : entries) {
            perDay.merge(entry.day(), 1L, Long::sum);
            int hour = entry.at().atZone(zone).getHour();
            String key = entry.day() + "#" + (hour < 10 ? "0" : "") + hour + "#" + entry.point();
            perHour.merge(key, 1L, Long::sum);
            hourKeys.putIfAbsent(key, new Hour(entry.day(), hour, entry.point(), 0));
            visitors.add(entry.registrationId());
        }
        List<Day> days = perDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
        List<Hour> hours = perHour.entrySet().stream().map(e -> {
            Hour h = hourKeys.get(e.getKey());
            return new Hour(h.day(), h.hour(), h.point(), e.getValue());
        }).toList();
        List<WorkshopAttendance> workshops = new ArrayList<>();
        for (Door door : doors) {
            Workshop w = door.workshop().workshop();
            Set<String> attendees = new HashSet<>();
            long walkIns = 0;
            for (Seat seat : door.seats()) {
                if (attendees.add(seat.registrationId()) && seat.walkIn()) {
                    walkIns++;
                }
            }
            boolean over = !now.isBefore(w.endsAt().toInstant());
            long noShows = over ? door.confirmed().stream().filter(id -> !attendees.contains(id)).count() : 0;
            workshops.add(new WorkshopAttendance(w, door.workshop().seats().seatsTaken(), attendees.size(), walkIns,
                    noShows, over));
        }
        long in = 0;
        long out = 0;
        List<Tally.PointCount> gates = new ArrayList<>(tallies);
        gates.sort(Comparator.comparing(Tally.PointCount::point));
        for (Tally.PointCount gate : gates) {
            in += gate.entries();
            out += gate.exits();
        }
        return new Attendance(fairId, entries.size(), visitors.size(), days, hours, workshops,
                new Occupancy(in, out, Math.max(0, in - out), hallCapacity, gates));
    }
}
