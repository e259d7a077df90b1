package ma.salonsess.shared.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter: the n-th wait is drawn at random up to
 * {@code first × 2^n}, capped at {@code ceiling}. Random waits spread the retries of many
 * clients that collided on the same item or service, so they do not collide again in step.
 */
public record Backoff(Duration first, Duration ceiling) {

    /** Writes that met another request on the same DynamoDB item. */
    public static final Backoff CONTENTION = new Backoff(Duration.ofMillis(10), Duration.ofMillis(500));
    /** A throttled or failing service (SES). */
    public static final Backoff SERVICE = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    public Backoff {
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("Back-off needs 0 < first <= ceiling");
        }
    }

    /** The longest wait after {@code attempt} failed attempts (0 for the first retry). */
    public Duration limit(int attempt) {
        long millis = first.toMillis() << Math.min(Math.max(attempt, 0), 20);
        return millis >= ceiling.toMillis() ? ceiling : Duration.ofMillis(millis);
    }

    /** A wait drawn at random between 1 ms and {@link #limit}. */
    public Duration draw(int attempt) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, limit(attempt).toMillis() + 1));
    }

    /** Sleeps for {@link #draw}; an interrupt is kept and ends the retrying. */
    public void pause(int attempt) {
        try {
            Thread.sleep(draw(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
