package ma.salonsess.shared.workshop;

import java.util.Map;

/**
 * A workshop's seats and the counters of its waiting list, kept on the workshop's own item so
 * that one conditional write changes them atomically. The places in line themselves are items of
 * their own (one per ticket, see {@code SignupRepository}), so this stays a few hundred bytes
 * however long the line.
 *
 * <p>Places in line are counted without reading the line: tickets are numbered in order of
 * joining and grouped in blocks of {@link #BLOCK}; {@code leftByBlock} counts, per block, the
 * tickets whose holder left the line (seated, cancelled, erased, or a ticket given back unused).
 * A place is then its ticket minus the tickets of earlier blocks that left, minus those of its own
 * block that left before it (at most {@code BLOCK - 1} small items to read).
 *
 * @param seatsTaken    CONFIRMED signups; never above capacity
 * @param ticketsIssued waiting-list tickets handed out so far (the next is {@code ticketsIssued + 1})
 * @param waiting       people in line now
 * @param leftByBlock   block number to the number of its tickets no longer in line
 * @param lineInPlaces  false for a workshop item written before places had items of their own (its
 *                      line still a map on the item, or no line counters): it is moved first
 *                      ({@code SignupRepository.moveLineToPlaces}), before anything is decided on it
 */
public record Seats(int capacity, int seatsTaken, long ticketsIssued, int waiting, Map<Long, Integer> leftByBlock,
                    boolean lineInPlaces) {
    /** Tickets per block: the most items a place in line reads, and one counter per this many tickets. */
    public static final int BLOCK = 50;

    public Seats {
        leftByBlock = Map.copyOf(leftByBlock);
    }

    public Seats(int capacity, int seatsTaken, long ticketsIssued, int waiting, Map<Long, Integer> leftByBlock) {
        this(capacity, seatsTaken, ticketsIssued, waiting, leftByBlock, true);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    public boolean full() {
        return seatsTaken >= capacity;
    }

    public int waitlistLength() {
        return Math.max(0, waiting);
    }

    public static long blockOf(long ticket) {
        return (ticket - 1) / BLOCK;
    }

    /** The first ticket of a block. */
    public static long firstTicketOf(long block) {
        return block * BLOCK + 1;
    }

    /**
     * The place in line (1 for the first) of {@code ticket}, given how many tickets of its own
     * block before it have left the line. A ticket handed out but whose holder has not finished
     * joining counts as ahead: that person joined first.
     */
    public int placeOf(long ticket, int leftEarlierInBlock) {
        long block = blockOf(ticket);
        long leftBefore = leftEarlierInBlock;
        for (var e : leftByBlock.entrySet()) {
            if (e.getKey() < block) {
                leftBefore += e.getValue();
            }
        }
        return (int) Math.max(1, ticket - leftBefore);
    }

    /** The first block with anyone possibly still in line: the head of the line is read from there. */
    public long firstOpenBlock() {
        long block = 0;
        while (leftByBlock.getOrDefault(block, 0) >= BLOCK) {
            block++;
        }
        return block;
    }
}
