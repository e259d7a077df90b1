package ma.salonsess.shared.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import ma.salonsess.shared.fair.Fair;

/**
 * When a fair is saved, its survey invitations are set for its end plus the delay; saving it
 * again with other dates moves them. A fair already past gets none: organisers start it by hand.
 */
public final class SurveyStart {
    private final SurveySchedules schedules;
    private final Supplier<Duration> delay;
    private final Clock clock;

    public SurveyStart(SurveySchedules schedules, Duration delay, Clock clock) {
        this(schedules, () -> delay, clock);
    }

    /** With the delay read when a fair is saved (a run-time setting). */
    public SurveyStart(SurveySchedules schedules, Supplier<Duration> delay, Clock clock) {
        this.schedules = schedules;
        this.delay = delay;
        this.clock = clock;
    }

    public void fairSaved(Fair fair) {
        Instant at = fair.endsAt().toInstant().plus(delay.get());
        if (at.isAfter(clock.instant())) {
            schedules.invitations(fair.fairId(), at);
        }
    }
}
