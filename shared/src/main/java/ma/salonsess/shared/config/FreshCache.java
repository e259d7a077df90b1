package ma.salonsess.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import ma.salonsess.shared.log.Log;
import ma.salonsess.shared.snapstart.Priming;

/**
 * Values read from a remote store, kept for a short while per container: long enough that a
 * function does not call SSM or Secrets Manager on every request, short enough that a changed value
 * reaches every running container within {@code freshFor}. When a reload fails, the value read
 * before goes on serving (the store being briefly unavailable must not fail registrations); with
 * nothing read before, the failure is thrown.
 */
final class FreshCache<V> {
    private final Clock clock;
    private final Duration freshFor;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    private record Entry<V>(V value, Instant readAt) {
    }

    FreshCache(Clock clock, Duration freshFor) {
        this.clock = clock;
        this.freshFor = freshFor;
    }

    V get(String key, Function<String, V> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.readAt().plus(freshFor))) {
            return entry.value();
        }
        try {
            V value = load.apply(key);
            if (!Priming.active()) { // a canned answer of SnapStart's priming must never serve a request
                entries.put(key, new Entry<>(value, now));
            }
            return value;
        } catch (RuntimeException e) {
            if (entry == null) {
                throw e;
            }
            // The key names a parameter or secret, never its value.
            Log.warn(null, "Reloading " + key + " failed; the value read at " + entry.readAt() + " goes on serving", e);
            return entry.value();
        }
    }
}
