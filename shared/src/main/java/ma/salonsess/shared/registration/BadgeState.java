package ma.salonsess.shared.registration;

/** Where a registrant's badge stands: PENDING until the badge function has rendered it. */
public record BadgeState(Status status) {
    public enum Status { PENDING, READY }

    public static BadgeState pending() {
        return new BadgeState(Status.PENDING);
    }
}
