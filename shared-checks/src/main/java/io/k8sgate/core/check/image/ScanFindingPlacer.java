package io.k8sgate.core.check.image;

import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.input.trivy.ScanReport;
import io.k8sgate.core.input.trivy.ScanResult;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a finding of a scan (misconfiguration, secret, licence): a finding inside an image goes to each deployed
 * image it belongs to, at the {@code image:} field of the first container running it and naming every workload; a
 * finding of an image nobody deploys is left out (the report is noted as unused); a finding of a file scan stays at
 * its file and line.
 */
final class ScanFindingPlacer {
    private ScanFindingPlacer() {
    }

    static List<Finding> place(final CheckMetadata check, final ImageUsage usage, final ScanReport report,
            final ScanResult result, final int line, final Severity severity, final String ruleKey,
            final String what, final Map<String, String> properties) {
        List<Finding> out = new ArrayList<>();
        if (report.isImage()) {
            for (ImageRef image : usage.imagesOf(report)) {
                List<String> deployments = ImageContext.deployments(usage.containersOf(image));
                Map<String, String> props = new LinkedHashMap<>(properties);
                props.put("image", image.canonical());
                props.put("workloads", String.join("; ", deployments));
                props.put("target", result.target());
                out.add(ImageFindings.about(check, image, usage.containersOf(image), severity,
                        ruleKey + "\u001f" + result.target(), what + " in " + result.target()
                                + (line > 0 ? " line " + line : "") + " of image " + image.canonical()
                                + ", deployed by " + String.join(", ", deployments), props));
            }
            return out;
        }
        Map<String, String> props = new LinkedHashMap<>(properties);
        report.workload().ifPresent(w -> props.put("workloads", w.display()));
        out.add(ImageFindings.aboutFile(check, result.target(), line, severity, ruleKey,
                what + " in " + result.target() + (line > 0 ? " line " + line : ""), props));
        return out;
    }
}
