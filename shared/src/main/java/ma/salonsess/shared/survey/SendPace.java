package ma.salonsess.shared.survey;

import java.util.function.DoubleSupplier;

/**
 * Keeps sending under SES's rate (messages per second for the account): each send waits for its
 * slot, so a dispatch of thousands never bursts into throttling.
 */
public final class SendPace {
    private final DoubleSupplier perSecond;
    private long nextSlot = System.nanoTime();

    public SendPace(double perSecond) {
        this(() -> perSecond);
        interval();
    }

    /** A rate read for each send: the run-time setting, which may change while a round runs. */
    public SendPace(DoubleSupplier perSecond) {
        this.perSecond = perSecond;
    }

    private long interval() {
        double rate = perSecond.getAsDouble();
        if (rate <= 0) {
            throw new IllegalArgumentException("The send rate must be positive");
        }
        return (long) (1_000_000_000L / rate);
    }

    public void await() {
        long intervalNanos = interval();
        long now = System.nanoTime();
        long wait = nextSlot - now;
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        nextSlot = Math.max(nextSlot, now) + intervalNanos;
    }
}
