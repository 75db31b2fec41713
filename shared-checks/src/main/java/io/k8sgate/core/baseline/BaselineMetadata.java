package io.k8sgate.core.baseline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who recorded a version, when and from what.
 *
 * @param version        the version number: 1 for the first, each new version one more than the highest before
 * @param recordedAt     when it was recorded
 * @param sourceRevision the Git commit of the inputs, when they were in a Git work tree
 * @param buildId        the CI build that recorded it, when given
 * @param policyHash     SHA-256 of the policy in effect
 * @param toolVersion    the version of the tool that recorded it
 * @param contentHash    SHA-256 of the canonical content; checked on every read
 * @param resources      how many resources the version holds
 * @param findings       how many findings it holds
 */
public record BaselineMetadata(long version, Instant recordedAt, Optional<String> sourceRevision,
        Optional<String> buildId, String policyHash, String toolVersion, String contentHash, int resources,
        int findings) {
    public BaselineMetadata {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(sourceRevision, "sourceRevision");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(policyHash, "policyHash");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
