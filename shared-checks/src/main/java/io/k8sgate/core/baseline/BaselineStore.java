package io.k8sgate.core.baseline;

import java.util.List;
import java.util.Optional;

/**
 * Where baseline versions are kept. Implementations make {@link #record} atomic and safe under concurrent builds:
 * every call gets its own version number, and a reader never sees a partial version.
 */
public interface BaselineStore extends AutoCloseable {
    /** The store's location for messages; never contains credentials. */
    String describe();

    /**
     * The metadata of every version, oldest first.
     *
     * @throws BaselineException when the store does not exist or cannot be read
     */
    List<BaselineMetadata> history();

    /**
     * One version, its content hash verified.
     *
     * @throws BaselineException when the version does not exist, or is corrupt
     */
    Baseline read(long version);

    /** The newest version, or empty when none was recorded yet. */
    default Optional<Baseline> latest() {
        List<BaselineMetadata> versions = history();
        return versions.isEmpty() ? Optional.empty() : Optional.of(read(versions.get(versions.size() - 1).version()));
    }

    /**
     * Records a new version, numbered one more than the highest so far; creates the store if needed.
     *
     * @return the new version
     */
    Baseline record(Snapshot content, Provenance provenance);

    /**
     * Removes all but the {@code keep} newest versions.
     *
     * @return the metadata of the removed versions
     */
    List<BaselineMetadata> prune(int keep);

    /**
     * The key that secret values compared with or recorded into this store are digested with: by default the
     * process's ({@link RedactionKey#standard}); a store opened for a build with its own environment uses the key that
     * environment names.
     */
    default RedactionKey redactionKey() {
        return RedactionKey.standard();
    }

    /** Releases what the store holds (clones, connections); the default holds nothing. */
    @Override
    default void close() {
    }
}
