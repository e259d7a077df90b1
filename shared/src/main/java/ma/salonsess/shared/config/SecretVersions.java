package ma.salonsess.shared.config;

import java.util.List;

/**
 * The values a rotated secret has at once: the current one first, then the previous one while it
 * is still accepted (Secrets Manager's AWSCURRENT and AWSPREVIOUS stages). New tokens are signed
 * with {@link #current()}; a token signed with any of {@link #all()} verifies, so badges printed
 * before a rotation keep working until the next one.
 */
public record SecretVersions(List<String> all) {
    public SecretVersions {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("A secret has at least its current value");
        }
        all = List.copyOf(all);
    }

    /** One value and no previous one (a secret never rotated, or a test's). */
    public static SecretVersions of(String current) {
        return new SecretVersions(List.of(current));
    }

    public String current() {
        return all.get(0);
    }

    @Override
    public String toString() {
        return "SecretVersions[" + all.size() + " values]"; // never the values themselves in a log
    }
}
