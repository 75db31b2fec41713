package io.k8sgate.core.baseline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new version is recorded with, apart from its content; the store adds the version number and the hash.
 *
 * @param recordedAt     the time
 * @param sourceRevision the Git commit of the inputs, if known
 * @param buildId        the CI build, if any
 * @param policyHash     SHA-256 of the policy
 * @param toolVersion    the tool's version
 */
public record Provenance(Instant recordedAt, Optional<String> sourceRevision, Optional<String> buildId,
        String policyHash, String toolVersion) {
    public Provenance {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(sourceRevision, "sourceRevision");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(policyHash, "policyHash");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }
}
