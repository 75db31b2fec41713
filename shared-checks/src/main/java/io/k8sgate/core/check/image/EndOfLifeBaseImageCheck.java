package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.trivy.OsInfo;
import io.k8sgate.core.input.trivy.ScanReport;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A deployed image whose base OS release is end of life according to its scan report ({@code OS.EOSL}). */
public final class EndOfLifeBaseImageCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-005", "End-of-life base OS in a deployed image",
                    Severity.HIGH, Category.IMAGE)
            .withText("The image is built on an OS release that no longer receives security updates: new "
                    + "vulnerabilities will not be fixed and scanners may not even report them.",
                    "Rebuild the image on a supported release of its base OS (or a minimal/distroless base).")
            .withReferences("https://trivy.dev/latest/docs/scanner/vulnerability/#os-packages",
                    "https://endoflife.date/");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        ImageUsage usage = ImageUsage.of(context);
        List<Finding> out = new ArrayList<>();
        usage.images().forEach((image, containers) -> {
            Optional<OsInfo> eol = usage.reportsFor(image).stream().map(ScanReport::os).flatMap(Optional::stream)
                    .filter(OsInfo::eosl).findFirst();
            if (eol.isPresent()) {
                List<String> deployments = ImageContext.deployments(containers);
                Map<String, String> props = new LinkedHashMap<>();
                props.put(ImageFindings.IMAGE_REFERENCE, image.canonical());
                props.put("os", eol.get().display());
                props.put(FindingProperties.WORKLOADS, String.join(FindingProperties.SEPARATOR, deployments));
                out.add(ImageFindings.about(METADATA, image, containers, METADATA.severity(), "eosl",
                        "Image " + image.canonical() + " is based on " + eol.get().display()
                                + ", which is end of life; deployed by " + String.join(", ", deployments), props));
            }
        });
        return out;
    }
}
