package ma.salonsess.shared.workshop;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A workshop's seats and waiting list, kept on the workshop's own item so that one conditional
 * write changes them atomically.
 *
 * @param seatsTaken    CONFIRMED signups; never above capacity
 * @param ticketsIssued waiting-list tickets handed out so far (the next is {@code ticketsIssued + 1})
 * @param waitlist      registration id to ticket, for everyone waiting: lower tickets are earlier
 */
public record Seats(int capacity, int seatsTaken, long ticketsIssued, Map<String, Long> waitlist) {

    public Seats {
        waitlist = Map.copyOf(waitlist);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    public boolean full() {
        return seatsTaken >= capacity;
    }

    public int waitlistLength() {
        return waitlist.size();
    }

    /** The waiting list in order. */
    public List<WaitlistEntry> waiting() {
        return waitlist.entrySet().stream().map(e -> new WaitlistEntry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(WaitlistEntry::ticket)).toList();
    }

    /** A place in line, 1 for the first; 0 when not waiting. */
    public int positionOf(String registrationId) {
        Long ticket = waitlist.get(registrationId);
        return ticket == null ? 0 : 1 + (int) waitlist.values().stream().filter(t -> t < ticket).count();
    }
}
