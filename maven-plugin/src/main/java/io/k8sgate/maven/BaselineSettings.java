package io.k8sgate.maven;

import io.k8sgate.core.GateRequest;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.DirectoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The baseline a run is compared with.
 *
 * @param store           the baseline store directory
 * @param version         the version to compare with; empty for the newest
 * @param newFindingsOnly overrides the policy's newFindingsOnly
 */
record BaselineSettings(Path store, OptionalLong version, Optional<Boolean> newFindingsOnly) {
    BaselineSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(newFindingsOnly, "newFindingsOnly");
    }

    /** The default store of a project, newest version, the policy's newFindingsOnly. */
    static BaselineSettings defaults(final Path projectDirectory) {
        return new BaselineSettings(projectDirectory.resolve(DirectoryStore.DEFAULT_DIRECTORY), OptionalLong.empty(),
                Optional.empty());
    }

    /** The store, opened; a directory store holds nothing that needs closing. */
    BaselineStore open() {
        return new DirectoryStore(store);
    }

    /**
     * The request compared with the store when the store exists (a project that never recorded a baseline is
     * checked on its own), with the newFindingsOnly override applied.
     */
    GateRequest apply(final GateRequest request) {
        GateRequest r = newFindingsOnly.map(n -> request.withPolicy(request.policy().withNewFindingsOnly(n)))
                .orElse(request);
        return Files.isDirectory(store) ? r.withBaseline(new BaselineReference(open(), version)) : r;
    }
}
