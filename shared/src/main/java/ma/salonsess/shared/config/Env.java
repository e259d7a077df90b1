package ma.salonsess.shared.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration a function is given: on Lambda its environment variables; locally and in
 * tests the variables the template declares, resolved against the emulators. Handlers read
 * configuration only through this, so the same wiring code runs everywhere.
 */
public final class Env {
    private final Map<String, String> values;
    /** Names asked for, so a test can check the template declares every variable the code reads. */
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    public String require(String name) {
        read.add(name);
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing configuration: environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        read.add(name);
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public int intValue(String name, int defaultValue) {
        return optional(name).map(Integer::parseInt).orElse(defaultValue);
    }

    /** A copy with some variables added or replaced. */
    public Env with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(more);
        return new Env(merged);
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Every variable name code has asked this Env for. */
    public Set<String> namesRead() {
        return Set.copyOf(read);
    }
}
