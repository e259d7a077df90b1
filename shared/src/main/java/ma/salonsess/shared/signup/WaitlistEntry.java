package ma.salonsess.shared.signup;

/** One place in a workshop's waiting list, in ticket order. */
public record WaitlistEntry(String registrationId, long ticket) {
}
