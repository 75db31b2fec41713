package io.k8sgate.core.baseline;

import io.k8sgate.core.model.Location;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.WorkspacePaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The one way every front end opens a baseline store: a registered {@link BaselineStoreProvider} (the Git store
 * module) when one handles the location, a {@link DirectoryStore} inside the workspace otherwise.
 */
public final class BaselineStores {
    /** A URL ({@code https://}, {@code ssh://}, {@code file://}) or an scp-like {@code user@host:path}. */
    private static final Pattern REMOTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*|[\\w.-]+@[\\w.-]+:.*");
    private static final List<BaselineStoreProvider> PROVIDERS = ServiceLoader.load(BaselineStoreProvider.class,
            BaselineStoreProvider.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

    private BaselineStores() {
    }

    /** The store modules found on the class path, in the order they are asked. */
    public static List<BaselineStoreProvider> providers() {
        return PROVIDERS;
    }

    /**
     * Opens the store at a location; nothing is read until the store is used, so a missing or unreachable store is
     * reported by the first read (and fails the gate closed).
     *
     * @throws ConfigurationException when a directory store lies outside the workspace, or the location is a URL
     *                                that no store module on the class path handles
     */
    public static BaselineStore open(final StoreLocation location) {
        Optional<BaselineStoreProvider> provider = providerFor(location.location());
        if (provider.isPresent()) {
            return provider.get().open(location);
        }
        if (REMOTE.matcher(location.location()).matches()) {
            throw new ConfigurationException(Location.ofFile(location.location()), "No baseline store module "
                    + "handles this location; a Git repository needs k8s-security-baseline-git on the class path");
        }
        Path directory = WorkspacePaths.inside(location.root(), location.location(), "The baseline store");
        return namesOwnKey(location.environment()) ? new DirectoryStore(directory, key(location))
                : new DirectoryStore(directory);
    }

    /**
     * True when the environment names a redaction key other than the process's (a build's environment handed to
     * the agent that runs the gate); the process's own key is read only when a store needs it.
     */
    private static boolean namesOwnKey(final Map<String, String> environment) {
        for (String name : List.of(RedactionKey.VARIABLE, RedactionKey.FILE_VARIABLE)) {
            String value = environment.getOrDefault(name, "");
            if (!value.isBlank() && !value.equals(System.getenv(name))) {
                return true;
            }
        }
        return false;
    }

    private static RedactionKey key(final StoreLocation location) {
        try {
            return RedactionKey.from(location.environment());
        } catch (BaselineException e) {
            throw new ConfigurationException(Location.ofFile(location.location()), e.getMessage());
        }
    }

    /** True when a store module handles the location or it is a URL: it does not name a directory. */
    public static boolean isRemote(final String location) {
        return providerFor(location).isPresent() || REMOTE.matcher(location).matches();
    }

    /**
     * The commit the work tree around {@code directory} is checked out at, from the first store module that can tell
     * (the Git module reads it with JGit, and every front end bundles that module); empty without one.
     */
    public static Optional<String> sourceRevision(final Path directory) {
        for (BaselineStoreProvider provider : PROVIDERS) {
            Optional<String> revision = provider.sourceRevision(directory);
            if (revision.isPresent()) {
                return revision;
            }
        }
        return Optional.empty();
    }

    private static Optional<BaselineStoreProvider> providerFor(final String location) {
        return PROVIDERS.stream().filter(p -> p.handles(location)).findFirst();
    }
}
