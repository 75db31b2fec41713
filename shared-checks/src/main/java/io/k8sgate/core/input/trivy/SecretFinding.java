package io.k8sgate.core.input.trivy;

import java.util.Objects;

/**
 * A secret found by a scan. The matched text is deliberately not kept: a secret must never reach a report.
 *
 * @param ruleId    the rule that matched ({@code aws-access-key-id})
 * @param category  the rule's category
 * @param title     the rule's title
 * @param severity  the severity
 * @param startLine first line in the scanned file, 0 when unknown
 * @param endLine   last line, 0 when unknown
 */
public record SecretFinding(String ruleId, String category, String title, TrivySeverity severity, int startLine,
        int endLine) {
    public SecretFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
    }
}
