package ma.salonsess.badges;

import java.time.Clock;
import java.util.List;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.erasure.ErasureRetries;
import ma.salonsess.shared.erasure.Erasures;

/** Erasing a registration's badge (every version), for the badge function and its replay alike. */
final class BadgeErasure {
    private BadgeErasure() {
    }

    static Erasures erasures(Wiring wiring, BadgeStore store, BadgeToken tokens) {
        return new Erasures(ErasureRetries.Part.BADGE,
                List.of((fairId, registrationId) -> store.delete(tokens.objectKey(fairId, registrationId))),
                wiring.erasureRetries(), Clock.systemUTC());
    }
}
