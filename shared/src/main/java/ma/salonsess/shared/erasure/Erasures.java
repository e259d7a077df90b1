package ma.salonsess.shared.erasure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Erasing what a deleted registration left elsewhere (signups, survey), so that a failure never
 * loses the erasure: the ids are parked in {@link ErasureRetries} before the failure is reported,
 * and {@link #replay} completes what was parked.
 */
public final class Erasures {
    private final ErasureRetries.Part part;
    private final List<Step> steps;
    private final ErasureRetries retries;
    private final Clock clock;

    /** One part of an erasure; each must be safe to run again on what it already erased. */
    @FunctionalInterface
    public interface Step {
        void erase(String fairId, String registrationId);
    }

    /** What a replay did: erasures completed, and those still failing. */
    public record Replayed(int completed, List<ErasureRetries.Pending> stillPending) {
    }

    public Erasures(ErasureRetries.Part part, List<Step> steps, ErasureRetries retries, Clock clock) {
        this.part = part;
        this.steps = List.copyOf(steps);
        this.retries = retries;
        this.clock = clock;
    }

    /** Erases, or parks the ids for a replay and rethrows (the caller reports the failure). */
    public void erase(String fairId, String registrationId) {
        try {
            run(fairId, registrationId);
        } catch (RuntimeException failed) {
            try {
                retries.park(part, fairId, registrationId, clock.instant(), failed.getClass().getSimpleName());
            } catch (RuntimeException parkingFailed) {
                failed.addSuppressed(parkingFailed); // the stream's own retries are then all that is left
            }
            throw failed;
        }
    }

    /** Runs every parked erasure again; those that complete leave the table. */
    public Replayed replay() {
        int completed = 0;
        List<ErasureRetries.Pending> still = new ArrayList<>();
        for (ErasureRetries.Pending pending : retries.all(part)) {
            try {
                run(pending.fairId(), pending.registrationId());
                retries.done(part, pending.fairId(), pending.registrationId());
                completed++;
            } catch (RuntimeException failed) {
                retries.park(part, pending.fairId(), pending.registrationId(), clock.instant(),
                        failed.getClass().getSimpleName());
                still.add(pending);
            }
        }
        return new Replayed(completed, still);
    }

    private void run(String fairId, String registrationId) {
        for (Step step : steps) {
            step.erase(fairId, registrationId);
        }
    }
}
