package io.k8sgate.core.baseline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a baseline store is, as a user names it.
 *
 * @param location    a directory (relative to {@code root}) or what a store module handles, such as a Git URL
 * @param root        the workspace: a directory store must lie inside it
 * @param branch      the branch of a store that has branches (Git); empty for the module's default
 * @param environment where a store reads credentials and the redaction key of secret values from (the process
 *                    environment, or the variables a CI build provides); never shown
 */
public record StoreLocation(String location, Path root, Optional<String> branch, Map<String, String> environment) {
    public StoreLocation {
        Objects.requireNonNull(location, "location");
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(branch, "branch");
        environment = Map.copyOf(environment);
    }

    /** A location in the process environment and the module's default branch. */
    public static StoreLocation of(final String location, final Path root) {
        return new StoreLocation(location, root, Optional.empty(), System.getenv());
    }

    /** Without the environment's values: they may hold credentials. */
    @Override
    public String toString() {
        return "StoreLocation[location=" + location + ", root=" + root + ", branch=" + branch.orElse("(default)")
                + ", environment=" + environment.size() + " variable(s)]";
    }
}
