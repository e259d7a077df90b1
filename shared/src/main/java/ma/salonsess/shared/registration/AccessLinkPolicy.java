package ma.salonsess.shared.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of access links: how long one works, and how many an address may be sent. Counting
 * every request, registered address or not, is what keeps the limit from telling which is which.
 */
public final class AccessLinkPolicy {
    public static final Duration VALIDITY = Duration.ofMinutes(30);
    public static final int MAX_PER_WINDOW = 5;
    public static final Duration WINDOW = Duration.ofHours(1);

    private AccessLinkPolicy() {
    }

    /** Whether another link may be sent now. */
    public sealed interface Decision {
    }

    /** Yes; {@code requests} are those to remember, this one included (older ones dropped). */
    public record Allowed(List<Instant> requests) implements Decision {
    }

    /** No; the oldest counted request leaves the window after {@code retryAfter} (whole seconds, at least one). */
    public record Limited(Duration retryAfter) implements Decision {
    }

    public static Decision decide(List<Instant> earlier, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        List<Instant> recent = new ArrayList<>(earlier.stream().filter(t -> t.isAfter(windowStart)).sorted().toList());
        if (recent.size() >= MAX_PER_WINDOW) {
            Instant frees = recent.get(recent.size() - MAX_PER_WINDOW).plus(WINDOW);
            long seconds = Math.max(1, (Duration.between(now, frees).toMillis() + 999) / 1000);
            return new Limited(Duration.ofSeconds(seconds));
        }
        recent.add(now);
        return new Allowed(List.copyOf(recent));
    }
}
