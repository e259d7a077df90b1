package ma.salonsess.shared.email;

import java.util.Optional;

/**
 * Why an address takes no more mail, as SES reported it: a permanent bounce, or a complaint
 * (the registrant marked our email as spam). Stored on the registration by its name.
 */
public enum Undeliverable {
    BOUNCE, COMPLAINT;

    /** The reason a stored value names; empty for none, or one this code does not know. */
    public static Optional<Undeliverable> of(String stored) {
        for (Undeliverable reason : values()) {
            if (reason.name().equals(stored)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
