package ma.salonsess.shared.workshop;

/** One place in a workshop's waiting list, in ticket order. */
public record WaitlistEntry(String registrationId, long ticket) {
}
