package io.k8sgate.core.input.trivy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One scanned artifact: an image, a filesystem, a repository, an SBOM. A {@code trivy k8s} file yields one per
 * (workload, image).
 *
 * @param file         the report file, relative to the root
 * @param format       the shape the file was written in
 * @param artifactName what was scanned, as the user named it ({@code alpine:3.10}, {@code .}); empty when unknown
 * @param artifactType {@code container_image}, {@code filesystem}, {@code repository}, {@code cyclonedx}, ...; empty
 *                     when the report does not say
 * @param os           the base OS of an image
 * @param imageId      the image's config digest, empty when absent
 * @param repoTags     the image's tags (Docker Hub's short form)
 * @param repoDigests  the image's {@code repo@sha256:...} digests
 * @param workload     the workload a cluster scan found the image in
 * @param results      the results
 * @param error        the scanner's error for this artifact (a cluster scan that could not pull an image)
 */
public record ScanReport(String file, TrivyFormat format, String artifactName, String artifactType,
        Optional<OsInfo> os, String imageId, List<String> repoTags, List<String> repoDigests,
        Optional<WorkloadRef> workload, List<ScanResult> results, Optional<String> error) {
    public ScanReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(artifactName, "artifactName");
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(imageId, "imageId");
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        Objects.requireNonNull(workload, "workload");
        results = List.copyOf(results);
        Objects.requireNonNull(error, "error");
    }

    /** True when the artifact is a container image (by type, or by the image metadata a report carries). */
    public boolean isImage() {
        return "container_image".equals(artifactType) || !repoTags.isEmpty() || !repoDigests.isEmpty()
                || (artifactType.isEmpty() && os.isPresent());
    }

    /** Every vulnerability of every result. */
    public Stream<Vulnerability> vulnerabilities() {
        return results.stream().flatMap(r -> r.vulnerabilities().stream());
    }
}
