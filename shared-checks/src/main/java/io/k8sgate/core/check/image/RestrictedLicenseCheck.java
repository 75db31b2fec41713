package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.trivy.LicenseFinding;
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
import java.util.Set;

/**
 * Licences a scan classified as {@code forbidden} or {@code restricted} (Trivy's licence scanner). Optional: licence
 * policy is a legal matter, not every team gates on it.
 */
public final class RestrictedLicenseCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-008", "Forbidden or restricted licence",
                    Severity.MEDIUM, Category.IMAGE)
            .withText("A package or file shipped in the image carries a licence that the scanner classifies as "
                    + "forbidden or restricted, which may impose obligations on distribution.",
                    "Replace the component, obtain legal approval, or ignore the licence in .trivyignore.yaml "
                            + "(licenses:) with a statement.")
            .withReferences("https://trivy.dev/latest/docs/scanner/license/")
            .optional();
    private static final Set<String> CATEGORIES = Set.of("forbidden", "restricted");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ScanFindingPlacer.collect(METADATA, context, ScanResult::licenses, RestrictedLicenseCheck::item);
    }

    private static Optional<ScanFindingPlacer.Item> item(final TrivyReports trivy, final ScanReport report,
            final ScanResult result, final LicenseFinding l, final Severity unknown) {
        if (!CATEGORIES.contains(l.category())) {
            return Optional.empty();
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("license", l.name());
        props.put("licenseCategory", l.category());
        props.put("report", report.file());
        String what = "Licence " + l.name() + " (" + l.category() + ")" + (l.pkgName().isBlank()
                ? (l.filePath().isBlank() ? "" : " of file " + l.filePath()) : " of package " + l.pkgName());
        return Optional.of(new ScanFindingPlacer.Item(0, ImageFindings.severity(l.severity(), unknown),
                l.name() + "\u001f" + l.pkgName() + "\u001f" + l.filePath(), what, props,
                trivy.forLicense(result, l)));
    }
}
