package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
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
import io.k8sgate.core.model.Suppression;
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
 * and container that runs the image; severity per the image policy, raised by the workloads' context. A cluster scan's
 * vulnerability whose result names no image is the finding of the image its workload runs, or, when the workload runs
 * several, of the workload itself, naming the images it may be in.
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
            Subject subject = Subject.of(image, usage.pinned(image), containers, escalation);
            Set<String> seen = new HashSet<>();
            for (ScanReport report : reports) {
                for (ScanResult result : report.results()) {
                    for (Vulnerability v : result.vulnerabilities()) {
                        String key = VulnerabilityFindings.key(v);
                        if (seen.add(key + "\u001f" + v.installedVersion())) {
                            finding(subject, report, result, v, key, settings, trivy.get()).ifPresent(out::add);
                        }
                    }
                }
            }
        });
        for (ImageUsage.WorkloadReport wr : usage.workloadReports()) {
            Workload w = wr.workload();
            List<String> escalation = settings.escalateByContext() ? ImageContext.escalation(context,
                    w.containers()) : List.of();
            Subject subject = Subject.of(w, escalation);
            Set<String> seen = new HashSet<>();
            for (ScanResult result : wr.report().results()) {
                for (Vulnerability v : result.vulnerabilities()) {
                    String key = VulnerabilityFindings.key(v);
                    if (seen.add(key + "\u001f" + v.installedVersion())) {
                        finding(subject, wr.report(), result, v, key, settings, trivy.get()).ifPresent(out::add);
                    }
                }
            }
        }
        return out;
    }

    /**
     * What a vulnerability is found in: an image with the containers that run it, or a workload whose scan did not say
     * which of its images. The strings every finding of it repeats are built once.
     */
    private record Subject(Optional<ImageRef> image, Optional<ImageRef> pinned, Optional<Workload> workload,
            List<Container> containers, List<String> escalation, String name, String deployments,
            String workloads) {
        static Subject of(final ImageRef image, final ImageRef pinned, final List<Container> containers,
                final List<String> escalation) {
            List<String> deployments = ImageContext.deployments(containers);
            return new Subject(Optional.of(image), Optional.of(pinned), Optional.empty(), containers, escalation,
                    "image " + image.canonical(), String.join(", ", deployments),
                    String.join(FindingProperties.SEPARATOR, deployments));
        }

        static Subject of(final Workload workload, final List<String> escalation) {
            List<String> images = workload.containers().stream().map(Container::image).distinct().toList();
            return new Subject(Optional.empty(), Optional.empty(), Optional.of(workload), workload.containers(),
                    escalation, "one of the images of " + workload.ref().display() + " (the scan does not say which: "
                    + String.join(", ", images) + ")", workload.ref().display(), workload.ref().display());
        }
    }

    private static Optional<Finding> finding(final Subject subject, final ScanReport report, final ScanResult result,
            final Vulnerability v, final String key, final ImageSettings settings, final TrivyReports trivy) {
        if (settings.ignoreUnfixed() && !v.isFixable()) {
            return Optional.empty();
        }
        Map<String, String> props = new LinkedHashMap<>();
        Severity severity = VulnerabilityFindings.severity(v, settings, props);
        if (!props.containsKey(VulnerabilityFindings.DEMOTED_BY) && !subject.escalation().isEmpty()
                && severity != ImageContext.raise(severity)) {
            severity = ImageContext.raise(severity);
            props.put("escalatedBy", ImageContext.join(subject.escalation()));
        }
        subject.image().ifPresent(i -> props.put(FindingProperties.IMAGE, i.canonical()));
        VulnerabilityFindings.describe(v, report, result, props);
        props.put(FindingProperties.WORKLOADS, subject.workloads());
        if (subject.workload().isPresent()) {
            props.put("images", String.join(FindingProperties.SEPARATOR, subject.containers().stream()
                    .map(Container::image).distinct().toList()));
        } else if (!report.isImage()) {
            props.put("imageFrom", "the only image of " + report.workload().map(w -> w.display()).orElse("")
                    + " (the scan's result names no image)");
        }
        String message = VulnerabilityFindings.headline(v) + " of " + subject.name()
                + (subject.image().isPresent() ? ", deployed by " + subject.deployments() : "")
                + (v.link().isEmpty() ? "" : ": " + v.link())
                + (props.containsKey("escalatedBy") ? "; severity raised: " + props.get("escalatedBy") : "");
        Finding f;
        if (subject.image().isPresent()) {
            f = ImageFindings.about(METADATA, subject.image().get(), subject.containers(), severity, key, message,
                    props);
        } else {
            Workload w = subject.workload().orElseThrow();
            YamlNode at = w.podSpec().get("containers").isPresent() ? w.podSpec().get("containers") : w.podSpec();
            Finding base = Finding.of(METADATA, w.ref(), "", at.location(), at.fieldPath(), message);
            f = new Finding(base.checkId(), base.title(), severity, base.category(), base.resource(), "",
                    base.location(), base.fieldPath(), message, base.remediation(), base.references(),
                    base.equivalents(), Finding.fingerprint(METADATA.id(), w.ref(), "", key), Optional.empty(),
                    props);
        }
        Optional<Suppression> why = trivy.forVulnerability(result, v, subject.pinned());
        return Optional.of(why.map(f::withSuppression).orElse(f));
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
