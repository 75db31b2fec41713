package io.k8sgate.core.baseline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A module that keeps baselines somewhere other than a directory (the Git store of
 * {@code k8s-security-baseline-git}). Modules register an implementation as a service
 * ({@code META-INF/services/io.k8sgate.core.baseline.BaselineStoreProvider}); {@link BaselineStores} asks each in turn
 * and opens a {@link DirectoryStore} when none takes the location.
 */
public interface BaselineStoreProvider {
    /** What the module stores in, for messages: {@code Git}. */
    String name();

    /** True when the location is one of this module's (a URL, a path ending in {@code .git}). */
    boolean handles(String location);

    /**
     * Opens the store; nothing is read or written until it is used.
     *
     * @throws io.k8sgate.core.policy.ConfigurationException when the location is malformed
     */
    BaselineStore open(StoreLocation location);

    /** The commit the work tree around {@code directory} is checked out at, when this module can tell. */
    default Optional<String> sourceRevision(final Path directory) {
        return Optional.empty();
    }
}
