package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.trivy.Misconfiguration;
import io.k8sgate.core.input.trivy.ScanReport;
import io.k8sgate.core.input.trivy.ScanResult;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The failed configuration checks of config and filesystem scans (Dockerfiles, Helm charts, Terraform ...), each at
 * its file and line, with the scanner's severity.
 */
public final class ScanMisconfigurationCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-006", "Misconfiguration found by a scan",
                    Severity.MEDIUM, Category.IMAGE)
            .withText("A configuration scan (trivy config / trivy fs) reported a failed check in a file that builds "
                    + "or deploys the application.",
                    "Apply the resolution the scanner gives, or record an accepted exception in .trivyignore(.yaml) "
                            + "with a statement.")
            .withReferences("https://trivy.dev/latest/docs/scanner/misconfiguration/");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ScanFindingPlacer.collect(METADATA, context, ScanResult::misconfigurations,
                ScanMisconfigurationCheck::item);
    }

    private static Optional<ScanFindingPlacer.Item> item(final TrivyReports trivy, final ScanReport report,
            final ScanResult result, final Misconfiguration m, final Severity unknown) {
        if (!m.isFailure()) {
            return Optional.empty();
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("rule", m.id());
        props.put("report", report.file());
        if (!m.primaryUrl().isBlank()) {
            props.put("link", m.primaryUrl());
        }
        if (!m.resolution().isBlank()) {
            props.put("resolution", m.resolution());
        }
        String message = m.id() + " " + m.title() + (m.message().isBlank() ? "" : " (" + m.message() + ")");
        return Optional.of(new ScanFindingPlacer.Item(m.startLine(), ImageFindings.severity(m.severity(), unknown),
                m.id(), message, props, trivy.forMisconfiguration(result, m)));
    }
}
