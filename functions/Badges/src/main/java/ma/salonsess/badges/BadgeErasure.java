package ma.salonsess.badges;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.erasure.ErasureRetries;
import ma.salonsess.shared.erasure.Erasures;

/** Erasing a registration's badge (every version), for the badge function and its replay alike. */
final class BadgeErasure {
    private BadgeErasure() {
    }

    static Erasures erasures(Wiring wiring, BadgeStore store, Supplier<BadgeToken> tokens) {
        return new Erasures(ErasureRetries.Part.BADGE,
                // Under every accepted secret: a badge rendered before a rotation has its key from the old one.
                List.of((fairId, registrationId) -> tokens.get().objectKeys(fairId, registrationId)
                        .forEach(store::delete)),
                wiring.erasureRetries(), Clock.systemUTC());
    }
}
