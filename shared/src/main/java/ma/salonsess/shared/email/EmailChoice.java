package ma.salonsess.shared.email;

import java.util.Optional;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.signup.Signup;

/**
 * Which email a change to a registration or a workshop signup sends its registrant, if any, and
 * whether a calendar invitation goes with it. Decided from the state before and after the change
 * only, so a replayed stream record decides the same again (the ledger then keeps it to one email).
 */
public record EmailChoice(Email email, Calendar calendar) {

    /** The emails a change can send. */
    public enum Email { REGISTRATION_CONFIRMED, SEAT_CONFIRMED, WAITLISTED, PROMOTED, SIGNUP_CANCELLED }

    /** The .ics that goes with it: an invitation for a seat, its cancellation when a held seat is given up. */
    public enum Calendar { NONE, INVITATION, CANCELLATION }

    /**
     * The confirmation, with the badge, once the badge is first ready.
     *
     * @param before the badge's state before the change; null for a new registration or an unknown state
     * @param after  its state now; null when unknown
     */
    public static Optional<EmailChoice> forRegistrationChange(BadgeState.Status before, BadgeState.Status after) {
        return after == BadgeState.Status.READY && before != BadgeState.Status.READY
                ? Optional.of(new EmailChoice(Email.REGISTRATION_CONFIRMED, Calendar.NONE)) : Optional.empty();
    }

    /** As {@link #forRegistrationChange}, from the badge states as stored (by name). */
    public static Optional<EmailChoice> forStoredBadgeChange(String before, String after) {
        return forRegistrationChange(named(BadgeState.Status.class, before), named(BadgeState.Status.class, after));
    }

    /**
     * As {@link #forSignupChange}, from the statuses as stored (by name); one this code does not know sends
     * nothing.
     */
    public static Optional<EmailChoice> forStoredSignupChange(String before, String after) {
        Signup.Status was = named(Signup.Status.class, before);
        Signup.Status now = named(Signup.Status.class, after);
        return now == null || (before != null && was == null) ? Optional.empty() : forSignupChange(was, now);
    }

    /**
     * A seat taken (from the waiting list: promoted), a place in line taken, a signup cancelled.
     * Taking a seat or a place again after cancelling is a new signup; a cancelled signup cancelled
     * again, or a confirmed one confirmed again, sends nothing.
     *
     * @param before the signup's status before the change; null for a new signup
     */
    public static Optional<EmailChoice> forSignupChange(Signup.Status before, Signup.Status after) {
        boolean fresh = before == null || before == Signup.Status.CANCELLED;
        return Optional.ofNullable(switch (after) {
            case CONFIRMED -> before == Signup.Status.WAITLISTED ? new EmailChoice(Email.PROMOTED, Calendar.INVITATION)
                    : fresh ? new EmailChoice(Email.SEAT_CONFIRMED, Calendar.INVITATION) : null;
            case WAITLISTED -> fresh ? new EmailChoice(Email.WAITLISTED, Calendar.NONE) : null;
            case CANCELLED -> fresh ? null : new EmailChoice(Email.SIGNUP_CANCELLED,
                    before == Signup.Status.CONFIRMED ? Calendar.CANCELLATION : Calendar.NONE);
        });
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
