package io.k8sgate.core.baseline;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One recorded version of the approved configuration.
 *
 * @param metadata its number and provenance
 * @param content  its resources and findings
 */
public record Baseline(BaselineMetadata metadata, Snapshot content) {
    public Baseline {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(content, "content");
    }

    /** A new version: the metadata is completed with the number, the content hash and the counts. */
    public static Baseline create(final long version, final Provenance provenance, final Snapshot content) {
        return new Baseline(new BaselineMetadata(version, provenance.recordedAt(), provenance.sourceRevision(),
                provenance.buildId(), provenance.policyHash(), provenance.toolVersion(),
                BaselineCodec.contentHash(content), content.resources().size(), content.findings().size()),
                content);
    }

    /** The version number. */
    public long version() {
        return metadata.version();
    }

    /** The fingerprints of every finding of this version, suppressed ones included. */
    public Set<String> fingerprints() {
        return content.findings().stream().map(BaselineFinding::fingerprint).collect(Collectors.toSet());
    }
}
