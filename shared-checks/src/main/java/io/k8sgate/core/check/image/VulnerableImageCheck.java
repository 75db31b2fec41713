package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.input.trivy.ScanReport;
import io.k8sgate.core.input.trivy.ScanResult;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.input.trivy.TrivySeverity;
import io.k8sgate.core.input.trivy.Vulnerability;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One finding per vulnerability of each deployed image, naming the package, versions, advisory and every workload
 * and container that runs the image; severity per the image policy, raised by the workloads' context.
 */
public final class VulnerableImageCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-001", "Vulnerable package in a deployed image",
                    Severity.HIGH, Category.IMAGE)
            .withText("A scan report lists a known vulnerability in a package of an image that the manifests "
                    + "deploy. Its severity is the scanner's (or the policy's chosen source) and is raised one level "
                    + "when a workload running the image is privileged or shares a host namespace.",
                    "Upgrade the package (rebuild the image on a fixed base or dependency) and redeploy; when the "
                            + "vulnerability does not apply, record it in .trivyignore(.yaml) or a VEX statement with "
                            + "the justification.")
            .withReferences("https://trivy.dev/latest/docs/scanner/vulnerability/",
                    "https://trivy.dev/latest/docs/configuration/filtering/");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        ImageUsage usage = ImageUsage.of(context);
        Optional<TrivyReports> trivy = usage.trivy();
        if (trivy.isEmpty()) {
            return List.of();
        }
        ImageSettings settings = ImageContext.settings(context);
        List<Finding> out = new ArrayList<>();
        usage.images().forEach((image, containers) -> {
            List<ScanReport> reports = usage.reportsFor(image);
            if (reports.isEmpty()) {
                return;
            }
            List<String> escalation = settings.escalateByContext() ? ImageContext.escalation(context, containers)
                    : List.of();
            Set<String> seen = new HashSet<>();
            for (ScanReport report : reports) {
                for (ScanResult result : report.results()) {
                    for (Vulnerability v : result.vulnerabilities()) {
                        String key = v.pkgName() + "\u001f" + v.pkgPath() + "\u001f" + v.id();
                        if (seen.add(key + "\u001f" + v.installedVersion())) {
                            finding(image, usage.pinned(image), containers, report, result, v, key, settings,
                                    escalation, trivy.get())
                                    .ifPresent(out::add);
                        }
                    }
                }
            }
        });
        return out;
    }

    private static Optional<Finding> finding(final ImageRef image, final ImageRef pinned,
            final List<Container> containers,
            final ScanReport report, final ScanResult result, final Vulnerability v, final String key,
            final ImageSettings settings, final List<String> escalation, final TrivyReports trivy) {
        if (settings.ignoreUnfixed() && !v.isFixable()) {
            return Optional.empty();
        }
        Map<String, String> props = new LinkedHashMap<>();
        Severity severity = ImageFindings.severity(chosen(v, settings.severitySource()), settings.unknownSeverity());
        Optional<Double> score = v.cvssScore();
        if (settings.cvssThreshold().isPresent() && score.isPresent()
                && score.get() < settings.cvssThreshold().get()) {
            severity = Severity.INFO;
            props.put("demotedBy", "CVSS " + score.get() + " below the threshold " + settings.cvssThreshold().get());
        } else if (settings.fixableOnly() && !v.isFixable()) {
            severity = Severity.INFO;
            props.put("demotedBy", "no fix known (fixableOnly)");
        } else if (!escalation.isEmpty() && severity != ImageContext.raise(severity)) {
            severity = ImageContext.raise(severity);
            props.put("escalatedBy", ImageContext.join(escalation));
        }
        List<String> deployments = ImageContext.deployments(containers);
        String fixed = v.fixedVersion().isBlank() ? "" : v.fixedVersion();
        props.put(FindingProperties.IMAGE, image.canonical());
        props.put(FindingProperties.VULNERABILITY_ID, v.id());
        props.put(FindingProperties.PACKAGE, v.pkgName());
        props.put(FindingProperties.INSTALLED_VERSION, v.installedVersion());
        props.put(FindingProperties.FIXED_VERSION, fixed);
        props.put("link", v.link());
        props.put(FindingProperties.WORKLOADS, String.join(FindingProperties.SEPARATOR, deployments));
        props.put("report", report.file());
        props.put("target", result.target());
        putIfSet(props, "packagePath", v.pkgPath());
        putIfSet(props, "purl", v.purl());
        putIfSet(props, "status", v.status());
        putIfSet(props, "scannerSeverity", v.severity().name());
        putIfSet(props, "severitySource", v.severitySource());
        score.ifPresent(s -> props.put("cvss", String.valueOf(s)));
        putIfSet(props, "vulnerabilityTitle", v.title());
        String message = (v.id().isEmpty() ? "A vulnerability" : v.id()) + " in " + v.pkgName() + " "
                + v.installedVersion() + (fixed.isEmpty() ? " (no fix known)" : " (fixed in " + fixed + ")")
                + " of image " + image.canonical() + ", deployed by " + String.join(", ", deployments)
                + (v.link().isEmpty() ? "" : ": " + v.link())
                + (props.containsKey("escalatedBy") ? "; severity raised: " + props.get("escalatedBy") : "");
        Finding f = ImageFindings.about(METADATA, image, containers, severity, key, message, props);
        Optional<io.k8sgate.core.model.Suppression> why = trivy.forVulnerability(result, v, Optional.of(pinned));
        return Optional.of(why.map(f::withSuppression).orElse(f));
    }

    private static void putIfSet(final Map<String, String> props, final String name, final String value) {
        if (!value.isBlank()) {
            props.put(name, value);
        }
    }

    /** The severity from the chosen source; a vendor that did not rate it falls back to the scanner's choice. */
    static TrivySeverity chosen(final Vulnerability v, final SeveritySource source) {
        if (SeveritySource.CVSS.equals(source)) {
            return v.cvssScore().map(TrivySeverity::ofScore).orElse(v.severity());
        }
        if (source.isVendor()) {
            return Optional.ofNullable(v.vendorSeverity().get(source.name().toLowerCase(Locale.ROOT)))
                    .orElse(v.severity());
        }
        return v.severity();
    }
}
