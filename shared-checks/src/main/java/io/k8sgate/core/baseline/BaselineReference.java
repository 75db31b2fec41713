package io.k8sgate.core.baseline;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The baseline a run is compared with.
 *
 * @param store   where the versions are
 * @param version the version to compare with; empty for the newest
 */
public record BaselineReference(BaselineStore store, OptionalLong version) {
    public BaselineReference {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(version, "version");
    }

    /** The newest version of a store. */
    public static BaselineReference latest(final BaselineStore store) {
        return new BaselineReference(store, OptionalLong.empty());
    }

    /** The reference version, or empty when the store holds none yet. */
    public Optional<Baseline> load() {
        return version.isPresent() ? Optional.of(store.read(version.getAsLong())) : store.latest();
    }
}
