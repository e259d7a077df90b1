package ma.salonsess.shared.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a function is given: on Lambda its environment variables; locally and in
 * tests the variables the template declares, resolved against the emulators. Handlers read
 * configuration only through this, so the same wiring code runs everywhere.
 */
public final class Env {
    private final Map<String, String> values;

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
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing configuration: environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
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
}
