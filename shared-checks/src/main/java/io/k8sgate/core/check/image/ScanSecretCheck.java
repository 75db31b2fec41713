package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.trivy.ScanReport;
import io.k8sgate.core.input.trivy.ScanResult;
import io.k8sgate.core.input.trivy.SecretFinding;
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
 * Secrets a scan found in an image or in files, at their file and line. The matched text is never read into the
 * model, so it cannot reach a report.
 */
public final class ScanSecretCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-007", "Secret found by a scan",
                    Severity.HIGH, Category.IMAGE)
            .withText("A scan found what looks like a credential (a key, a token, a password) in an image layer or "
                    + "a file that is shipped. Anyone who can pull the image or read the repository can use it.",
                    "Remove the secret from the image or file, rotate it, and inject it at runtime from a Secret or "
                            + "a secret manager.")
            .withReferences("https://trivy.dev/latest/docs/scanner/secret/");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ScanFindingPlacer.collect(METADATA, context, ScanResult::secrets, ScanSecretCheck::item);
    }

    private static Optional<ScanFindingPlacer.Item> item(final TrivyReports trivy, final ScanReport report,
            final ScanResult result, final SecretFinding s, final Severity unknown) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("rule", s.ruleId());
        props.put("report", report.file());
        return Optional.of(new ScanFindingPlacer.Item(s.startLine(), ImageFindings.severity(s.severity(), unknown),
                s.ruleId(), s.title() + " (" + s.ruleId() + ", " + s.category() + "; value not shown)", props,
                trivy.forSecret(result, s)));
    }
}
