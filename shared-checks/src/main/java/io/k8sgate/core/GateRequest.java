package io.k8sgate.core;

import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.input.InputOptions;
import io.k8sgate.core.policy.Policy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to check and under which policy, for {@link SecurityGate#run}. Front ends do not build it themselves: they
 * fill {@link io.k8sgate.core.frontend.GateOptions}, which turns into a request in the same way for all of them.
 *
 * @param root      the workspace: file names in reports are relative to it, and inputs stay inside it when
 *                  {@code inputs} confine them (the default)
 * @param manifests files, directories and globs of Kubernetes manifests
 * @param policy    the policy (see {@link io.k8sgate.core.policy.PolicyLoader})
 * @param clock     the clock for report times and exception expiry
 * @param trivyReports     Trivy-compatible scan reports, relative to the root
 * @param trivyIgnoreFiles {@code .trivyignore} / {@code .trivyignore.yaml} files, relative to the root
 * @param vexFiles         OpenVEX documents, relative to the root
 * @param baseline         the baseline to compare with (new / outstanding / fixed findings, drift); with
 *                         {@code newFindingsOnly} only findings outside it count
 * @param reference        fingerprints of a reference run's findings (for example the last successful build's
 *                         report); with {@code newFindingsOnly}, findings with these fingerprints do not count either
 * @param inputs           how inputs are found and rendered (containment, charts' values, the Kustomize command,
 *                         documents that are not Kubernetes objects)
 * @param admissionPolicies files, directories and globs of ValidatingAdmissionPolicies, their bindings and params
 *                          (the cluster's admission configuration): evaluated against the manifests, not checked
 *                          themselves
 */
public record GateRequest(Path root, List<String> manifests, Policy policy, Clock clock, List<String> trivyReports,
        List<String> trivyIgnoreFiles, List<String> vexFiles, Optional<BaselineReference> baseline,
        Set<String> reference, InputOptions inputs, List<String> admissionPolicies) {
    public GateRequest {
        Objects.requireNonNull(root, "root");
        manifests = List.copyOf(manifests);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        trivyReports = List.copyOf(trivyReports);
        trivyIgnoreFiles = List.copyOf(trivyIgnoreFiles);
        vexFiles = List.copyOf(vexFiles);
        Objects.requireNonNull(baseline, "baseline");
        reference = Set.copyOf(reference);
        Objects.requireNonNull(inputs, "inputs");
        admissionPolicies = List.copyOf(admissionPolicies);
    }

    /** A request with the default input options (confined to the root) and no admission configuration. */
    public GateRequest(final Path root, final List<String> manifests, final Policy policy, final Clock clock,
            final List<String> trivyReports, final List<String> trivyIgnoreFiles, final List<String> vexFiles,
            final Optional<BaselineReference> baseline, final Set<String> reference) {
        this(root, manifests, policy, clock, trivyReports, trivyIgnoreFiles, vexFiles, baseline, reference,
                InputOptions.DEFAULT, List.of());
    }

    /** A request under the default policy and the system clock. */
    public static GateRequest of(final Path root, final List<String> manifests) {
        return new GateRequest(root, manifests, Policy.DEFAULT, Clock.systemUTC(), List.of(), List.of(), List.of(),
                Optional.empty(), Set.of());
    }

    /** The same request under another policy. */
    public GateRequest withPolicy(final Policy newPolicy) {
        return new GateRequest(root, manifests, newPolicy, clock, trivyReports, trivyIgnoreFiles, vexFiles, baseline,
                reference, inputs, admissionPolicies);
    }

    /** The same request with another clock. */
    public GateRequest withClock(final Clock newClock) {
        return new GateRequest(root, manifests, policy, newClock, trivyReports, trivyIgnoreFiles, vexFiles, baseline,
                reference, inputs, admissionPolicies);
    }

    /** The same request with scan reports, Trivy ignore files and VEX documents. */
    public GateRequest withTrivy(final List<String> reports, final List<String> ignoreFiles,
            final List<String> vex) {
        return new GateRequest(root, manifests, policy, clock, reports, ignoreFiles, vex, baseline, reference, inputs,
                admissionPolicies);
    }

    /** The same request compared with a baseline. */
    public GateRequest withBaseline(final BaselineReference reference) {
        return new GateRequest(root, manifests, policy, clock, trivyReports, trivyIgnoreFiles, vexFiles,
                Optional.of(reference), this.reference, inputs, admissionPolicies);
    }

    /** The same request with a reference run's fingerprints (findings with them are not new). */
    public GateRequest withReference(final Set<String> fingerprints) {
        return new GateRequest(root, manifests, policy, clock, trivyReports, trivyIgnoreFiles, vexFiles, baseline,
                fingerprints, inputs, admissionPolicies);
    }

    /** The same request with other input options. */
    public GateRequest withInputs(final InputOptions newInputs) {
        return new GateRequest(root, manifests, policy, clock, trivyReports, trivyIgnoreFiles, vexFiles, baseline,
                reference, newInputs, admissionPolicies);
    }

    /** The same request with the cluster's admission configuration in these files, directories and globs. */
    public GateRequest withAdmissionPolicies(final List<String> files) {
        return new GateRequest(root, manifests, policy, clock, trivyReports, trivyIgnoreFiles, vexFiles, baseline,
                reference, inputs, files);
    }
}
