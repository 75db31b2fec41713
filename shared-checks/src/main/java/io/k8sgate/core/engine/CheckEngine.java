package io.k8sgate.core.engine;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks over a context. A check that throws does not stop the run: its failure becomes an error diagnostic
 * naming the check, so the gate fails closed instead of silently missing what the check would have found.
 */
public final class CheckEngine {
    /** Runs every given check. */
    public EngineResult run(final CheckContext context, final List<Check> checks) {
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Check check : checks) {
            try {
                findings.addAll(check.evaluate(context));
            } catch (RuntimeException | StackOverflowError e) {
                diagnostics.add(Diagnostic.error("check-failed", Location.ofFile("(check " + check.metadata().id()
                        + ")"), "Check " + check.metadata().id() + " failed unexpectedly and its results are "
                        + "missing: " + e));
            }
        }
        return new EngineResult(findings, diagnostics);
    }
}
