package io.k8sgate.core.check.image;

import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The image part of the policy ({@code images:} in {@code k8s-security.yaml}), attached to the check context.
 *
 * @param severitySource        where vulnerability severities come from
 * @param cvssThreshold         vulnerabilities whose CVSS score is below it are kept as INFO (never gating); those
 *                              without a score keep their severity
 * @param fixableOnly           vulnerabilities without a known fix are kept as INFO
 * @param ignoreUnfixed         vulnerabilities without a known fix are dropped, as with Trivy's
 *                              {@code --ignore-unfixed}
 * @param unknownSeverity       the severity of Trivy's UNKNOWN
 * @param missingReportSeverity the severity of an image that no report covers
 * @param escalateByContext     raise a vulnerability one level when a workload that runs it is privileged, shares a
 *                              host namespace, or is flagged by an attached {@link WorkloadRisk}
 * @param allowedRegistries     registries (or registry/path prefixes) images may come from; empty allows all
 * @param registriesByNamespace per-namespace lists that replace the global one in that namespace
 * @param artifactVulnerabilities whether vulnerabilities of scans that are not of a deployed image (a file system, a
 *                              repository, an SBOM, a virtual machine) gate like the others or are only reported
 */
public record ImageSettings(SeveritySource severitySource, Optional<Double> cvssThreshold, boolean fixableOnly,
        boolean ignoreUnfixed, Severity unknownSeverity, Severity missingReportSeverity, boolean escalateByContext,
        List<String> allowedRegistries, Map<String, List<String>> registriesByNamespace,
        ArtifactVulnerabilities artifactVulnerabilities) {
    /**
     * Trivy's severities, everything counts (the vulnerabilities of other scans too), UNKNOWN as MEDIUM, missing
     * reports MEDIUM, escalation on.
     */
    public static final ImageSettings DEFAULT = new ImageSettings(SeveritySource.TRIVY, Optional.empty(), false,
            false, Severity.MEDIUM, Severity.MEDIUM, true, List.of(), Map.of(), ArtifactVulnerabilities.GATE);

    /**
     * What the vulnerabilities of scans that are not of a deployed image do ({@code images.artifactVulnerabilities}).
     */
    public enum ArtifactVulnerabilities {
        /** They count with their severity, like the vulnerabilities of deployed images. */
        GATE,
        /** They are listed in the reports as INFO, which never gates. */
        REPORT
    }

    /** Settings under which the vulnerabilities of other scans gate. */
    public ImageSettings(final SeveritySource severitySource, final Optional<Double> cvssThreshold,
            final boolean fixableOnly, final boolean ignoreUnfixed, final Severity unknownSeverity,
            final Severity missingReportSeverity, final boolean escalateByContext,
            final List<String> allowedRegistries, final Map<String, List<String>> registriesByNamespace) {
        this(severitySource, cvssThreshold, fixableOnly, ignoreUnfixed, unknownSeverity, missingReportSeverity,
                escalateByContext, allowedRegistries, registriesByNamespace, ArtifactVulnerabilities.GATE);
    }

    public ImageSettings {
        Objects.requireNonNull(severitySource, "severitySource");
        Objects.requireNonNull(cvssThreshold, "cvssThreshold");
        Objects.requireNonNull(unknownSeverity, "unknownSeverity");
        Objects.requireNonNull(missingReportSeverity, "missingReportSeverity");
        allowedRegistries = List.copyOf(allowedRegistries);
        Map<String, List<String>> copy = new java.util.TreeMap<>();
        registriesByNamespace.forEach((ns, list) -> copy.put(ns, List.copyOf(list)));
        registriesByNamespace = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(artifactVulnerabilities, "artifactVulnerabilities");
    }

    /** The registries allowed in a namespace: its own list when configured, else the global one. */
    public List<String> allowedIn(final String namespace) {
        return registriesByNamespace.getOrDefault(namespace, allowedRegistries);
    }
}
