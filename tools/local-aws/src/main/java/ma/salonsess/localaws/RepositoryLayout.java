package ma.salonsess.localaws;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's root (the folder holding template.yaml) from wherever a JVM was started. */
public final class RepositoryLayout {
    private RepositoryLayout() {
    }

    public static Path root() {
        String configured = System.getProperty("salon.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml")) && Files.isRegularFile(d.resolve("package.json"))) {
                return d;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (template.yaml and package.json) above " + dir);
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }
}
