package ma.salonsess.shared.config;

import java.time.Clock;
import java.time.Duration;
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

    /** {@code ssm} is asked for a client on the first read only, so a function that reads none builds none. */
    public ParameterStore(Supplier<SsmClient> ssm, Clock clock) {
        this.ssm = ssm;
        this.cache = new FreshCache<>(clock, FRESH_FOR);
    }

    /** The parameter's value, at most {@link #FRESH_FOR} old. */
    public String value(String name) {
        return cache.get(name, n -> ssm.get().getParameter(b -> b.name(n)).parameter().value());
    }
}
