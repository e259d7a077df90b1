package ma.salonsess.shared.checkin;

import java.time.Clock;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.fair.FairRepository;

/**
 * Erasing a registration erases its check-ins (law 09-08): its scans, entries, seats and double
 * entries go; the rooms' and gates' counts stay, as figures. Until the fair ends its badge is
 * listed as revoked, by a fingerprint that names no registration, so offline scanners refuse it.
 * An erasure step: safe to run again.
 */
public final class CheckinErasure {
    private final FairRepository fairs;
    private final CheckinRepository checkins;
    private final Clock clock;

    public CheckinErasure(FairRepository fairs, CheckinRepository checkins, Clock clock) {
        this.fairs = fairs;
        this.checkins = checkins;
        this.clock = clock;
    }

    public void forget(String fairId, String registrationId) {
        fairs.find(fairId).filter(fair -> !fair.isOver(clock.instant())).ifPresent(fair -> checkins.revoke(fairId,
                BadgeToken.fingerprint(fairId, registrationId), fair.endsAt().toInstant()));
        checkins.forget(fairId, registrationId);
    }
}
