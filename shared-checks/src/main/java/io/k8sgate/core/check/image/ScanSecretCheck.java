package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.trivy.ScanResult;
import io.k8sgate.core.input.trivy.SecretFinding;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Suppression;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
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
        Optional<TrivyReports> trivy = context.attachment(TrivyReports.class);
        if (trivy.isEmpty()) {
            return List.of();
        }
        Severity unknown = ImageContext.settings(context).unknownSeverity();
        ImageUsage usage = ImageUsage.of(context);
        List<Finding> out = new ArrayList<>();
        trivy.get().reports().forEach(report -> {
            for (ScanResult result : report.results()) {
                for (SecretFinding s : result.secrets()) {
                    Map<String, String> props = new LinkedHashMap<>();
                    props.put("rule", s.ruleId());
                    props.put("report", report.file());
                    String message = s.title() + " (" + s.ruleId() + ", " + s.category() + "; value not shown)";
                    Optional<Suppression> why = trivy.get().forSecret(result, s);
                    ScanFindingPlacer.place(METADATA, usage, report, result, s.startLine(),
                            ImageFindings.severity(s.severity(), unknown), s.ruleId(), message, props)
                            .forEach(f -> out.add(why.map(f::withSuppression).orElse(f)));
                }
            }
        });
        return out;
    }
}
