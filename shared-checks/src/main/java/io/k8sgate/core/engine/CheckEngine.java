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
 *
 * <p>Checks are stateless and the context is read-only, so they run in parallel on the available cores; results
 * are collected in check order, so the output does not depend on scheduling.
 */
public final class CheckEngine {
    /** Runs every given check. */
    public EngineResult run(final CheckContext context, final List<Check> checks) {
        List<Outcome> outcomes = checks.parallelStream().map(check -> evaluate(check, context)).toList();
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Outcome o : outcomes) {
            findings.addAll(o.findings());
            diagnostics.addAll(o.diagnostics());
        }
        return new EngineResult(findings, diagnostics);
    }

    private static Outcome evaluate(final Check check, final CheckContext context) {
        try {
            return new Outcome(check.evaluate(context), List.of());
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(List.of(), List.of(Diagnostic.error("check-failed", Location.ofFile("(check "
                    + check.metadata().id() + ")"), "Check " + check.metadata().id() + " failed unexpectedly and "
                    + "its results are missing: " + e)));
        }
    }

    /** What one check produced. */
    private record Outcome(List<Finding> findings, List<Diagnostic> diagnostics) {
    }
}
