package ma.salonsess.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets read at run time from Secrets Manager, not from environment variables (readable by anyone
 * who may read the function's configuration). Each is read as its current and previous values
 * ({@link SecretVersions}) and kept a minute per container, so a rotation reaches every container
 * within {@link #FRESH_FOR} and what was signed before it still verifies.
 */
public final class SecretStore {
    public static final Duration FRESH_FOR = Duration.ofSeconds(60);
    private static final String CURRENT = "AWSCURRENT";
    private static final String PREVIOUS = "AWSPREVIOUS";
    private final Supplier<SecretsManagerClient> secrets;
    private final FreshCache<SecretVersions> cache;

    /** {@code secrets} is asked for a client on the first read only. */
    public SecretStore(Supplier<SecretsManagerClient> secrets, Clock clock) {
        this.secrets = secrets;
        this.cache = new FreshCache<>(clock, FRESH_FOR);
    }

    /** The secret's current value, then its previous one if it has been rotated. */
    public SecretVersions versions(String secretId) {
        return cache.get(secretId, this::read);
    }

    private SecretVersions read(String secretId) {
        SecretsManagerClient client = secrets.get();
        List<String> values = new ArrayList<>();
        values.add(client.getSecretValue(b -> b.secretId(secretId).versionStage(CURRENT)).secretString());
        try {
            String previous = client.getSecretValue(b -> b.secretId(secretId).versionStage(PREVIOUS)).secretString();
            if (!previous.equals(values.get(0))) {
                values.add(previous);
            }
        } catch (ResourceNotFoundException neverRotated) {
            // only a current value
        }
        return new SecretVersions(values);
    }
}
