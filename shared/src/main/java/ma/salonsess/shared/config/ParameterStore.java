package ma.salonsess.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Configuration read at run time from SSM Parameter Store, not copied into the function at deploy
 * time: SAM's {@code AutoPublishAlias} publishes no new version when only a stack parameter changes,
 * so a value in an environment variable would stay old on the {@code live} alias. A value is kept a
 * minute per container ({@link #FRESH_FOR}), so a changed parameter reaches what runs within that.
 */
public final class ParameterStore {
    public static final Duration FRESH_FOR = Duration.ofSeconds(60);
    private final Supplier<SsmClient> ssm;
    private final FreshCache<String> cache;
    private final Map<String, CompletableFuture<?>> prefetching = new ConcurrentHashMap<>();

    /** {@code ssm} is asked for a client on the first read only, so a function that reads none builds none. */
    public ParameterStore(Supplier<SsmClient> ssm, Clock clock) {
        this.ssm = ssm;
        this.cache = new FreshCache<>(clock, FRESH_FOR);
    }

    /** The parameter's value, at most {@link #FRESH_FOR} old. */
    public String value(String name) {
        CompletableFuture<?> inFlight = prefetching.remove(name);
        if (inFlight != null) {
            // Its value is in the cache now; if it failed, the read below fails again and says why.
            inFlight.exceptionally(failure -> null).join();
        }
        return cache.get(name, this::read);
    }

    /**
     * Starts the first read on another thread, so that building the SSM client and its call overlap
     * with what the first request does before it needs the value; {@link #value} then waits for it.
     * The value goes through the cache like any other read, so it is never older than {@link #FRESH_FOR}.
     */
    public void prefetch(String name) {
        prefetching.computeIfAbsent(name, n -> CompletableFuture.runAsync(() -> cache.get(n, this::read)));
    }

    private String read(String name) {
        return ssm.get().getParameter(b -> b.name(name)).parameter().value();
    }
}
