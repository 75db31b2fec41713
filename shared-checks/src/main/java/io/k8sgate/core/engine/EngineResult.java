package io.k8sgate.core.engine;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import java.util.List;

/**
 * What the checks produced.
 *
 * @param findings    every finding, in check order
 * @param diagnostics checks that failed unexpectedly
 */
public record EngineResult(List<Finding> findings, List<Diagnostic> diagnostics) {
    public EngineResult {
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
    }
}
