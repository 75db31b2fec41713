package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A container whose image no scan report covers, when reports were given: its vulnerabilities are unknown. Runs
 * without any report are plain manifest checks and flag nothing here. The severity is the policy's
 * {@code images.missingReportSeverity}.
 */
public final class MissingScanReportCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-002", "Image without a scan report",
                    Severity.MEDIUM, Category.IMAGE)
            .withText("Scan reports were given, but none describes the image this container runs, so its "
                    + "vulnerabilities were not checked (a new image, a typo in the tag, or a scan that failed).",
                    "Scan the image (trivy image -f json -o report.json IMAGE) and pass the report with --trivy; "
                            + "make sure the scanned tag or digest is the one the manifest deploys.")
            .withReferences("https://trivy.dev/latest/docs/target/container_image/");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        ImageUsage usage = ImageUsage.of(context);
        if (usage.trivy().isEmpty()) {
            return List.of();
        }
        Severity severity = ImageContext.settings(context).missingReportSeverity();
        List<Finding> out = new ArrayList<>();
        usage.images().forEach((image, containers) -> {
            if (usage.reportsFor(image).isEmpty()) {
                for (Container c : containers) {
                    out.add(finding(c, c.field("image"), "No scan report covers image " + image.canonical()
                            + " of container '" + c.name() + "'").withSeverity(severity)
                            .withProperty(ImageFindings.IMAGE_REFERENCE, image.canonical()));
                }
            }
        });
        return out;
    }
}
