package ma.salonsess.shared.survey;

/**
 * Keeps sending under SES's rate (messages per second for the account): each send waits for its
 * slot, so a dispatch of thousands never bursts into throttling.
 */
public final class SendPace {
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    public SendPace(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("The send rate must be positive");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    public void await() {
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
