package io.k8sgate.core;

import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.policy.Decision;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run produced; every report is written from this alone.
 *
 * @param toolVersion the engine's version
 * @param generatedAt when the run happened
 * @param policy      the policy applied
 * @param files       the files read, relative to the root
 * @param resources   every object checked
 * @param checks      the checks that ran
 * @param findings    every finding (suppressed ones included), most severe first
 * @param diagnostics problems with the inputs or the run
 * @param decision    the decision and its verdict
 * @param baseline    the comparison with the reference baseline, when there is one
 * @param inputs      the charts and kustomizations rendered, what was skipped, the objects defined twice
 */
public record GateOutcome(String toolVersion, Instant generatedAt, Policy policy, List<String> files,
        List<ResourceRef> resources, List<CheckMetadata> checks, List<Finding> findings,
        List<Diagnostic> diagnostics, Decision decision, Optional<BaselineComparison> baseline,
        InputSummary inputs) {
    public GateOutcome {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(policy, "policy");
        files = List.copyOf(files);
        resources = List.copyOf(resources);
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(inputs, "inputs");
    }

    /** An outcome of plain inputs: nothing rendered, skipped or defined twice. */
    public GateOutcome(final String toolVersion, final Instant generatedAt, final Policy policy,
            final List<String> files, final List<ResourceRef> resources, final List<CheckMetadata> checks,
            final List<Finding> findings, final List<Diagnostic> diagnostics, final Decision decision,
            final Optional<BaselineComparison> baseline) {
        this(toolVersion, generatedAt, policy, files, resources, checks, findings, diagnostics, decision, baseline,
                InputSummary.EMPTY);
    }

    /** An outcome without a baseline comparison. */
    public GateOutcome(final String toolVersion, final Instant generatedAt, final Policy policy,
            final List<String> files, final List<ResourceRef> resources, final List<CheckMetadata> checks,
            final List<Finding> findings, final List<Diagnostic> diagnostics, final Decision decision) {
        this(toolVersion, generatedAt, policy, files, resources, checks, findings, diagnostics, decision,
                Optional.empty());
    }

    /** The same outcome compared with a baseline. */
    public GateOutcome withBaseline(final BaselineComparison comparison) {
        return new GateOutcome(toolVersion, generatedAt, policy, files, resources, checks, findings, diagnostics,
                decision, Optional.of(comparison), inputs);
    }

    /** PASS, WARN or FAIL. */
    public GateStatus status() {
        return decision.status();
    }

    /** What the decision means for the build: exit code, build result, and the message to show. */
    public Verdict verdict() {
        return decision.verdict();
    }

    /** True when some input could not be used. */
    public boolean hasInputErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
