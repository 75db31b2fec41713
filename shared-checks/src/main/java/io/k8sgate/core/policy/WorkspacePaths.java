package io.k8sgate.core.policy;

import io.k8sgate.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rule every front end applies to the files and directories a user names in the configuration (the policy file,
 * a baseline store directory): they stay inside the workspace, links followed, as manifests and scan reports do.
 */
public final class WorkspacePaths {
    private WorkspacePaths() {
    }

    /**
     * The path named by {@code name} (relative to the root, or absolute), which must lie inside the root.
     *
     * @param root the workspace
     * @param name the path as the user wrote it
     * @param what what the path is, for the message ({@code The policy file})
     * @throws ConfigurationException naming the path when it, or a link on the way, leads outside the root
     */
    public static Path inside(final Path root, final String name, final String what) {
        Path base = root.toAbsolutePath().normalize();
        Path path = base.resolve(name).normalize();
        if (!path.startsWith(base) || !real(path).startsWith(real(base))) {
            throw new ConfigurationException(Location.ofFile(name), what + " is outside the root directory " + base
                    + " and was refused");
        }
        return path;
    }

    /** The path with the links of its longest existing part resolved. */
    private static Path real(final Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }
}
