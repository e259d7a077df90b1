package ma.salonsess.shared.checkin;

/** What a scan at the entrance or a workshop door answers (an unknown badge is a 422, never stored). */
public enum CheckinResult {
    /** First entry of the day at the fair. */
    ADMITTED,
    /** Already entered today: the answer carries the first scan's time and gate. */
    ALREADY_ADMITTED,
    /** A genuine badge whose registration was deleted. */
    ERASED,
    /** At a workshop door: has a seat, and is now counted in the room. */
    SEATED,
    /** At a workshop door: waits in line for a seat (the answer carries the place in line). */
    WAITLISTED,
    /** At a workshop door: neither seated nor waiting. */
    NOT_SIGNED_UP
}
