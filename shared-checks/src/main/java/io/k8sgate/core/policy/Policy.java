package io.k8sgate.core.policy;

import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.check.custom.CustomCheck;
import io.k8sgate.core.check.image.ImageSettings;
import io.k8sgate.core.input.WorkloadKinds;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy: which checks run, how severe their findings are, and what makes the gate fail or warn. Every front end
 * reads the same file ({@code k8s-security.yaml}) through {@link PolicyLoader}.
 *
 * @param source                    where the policy was read from ({@code (defaults)} when no file was given)
 * @param failOn                    findings at or over this severity fail the gate; empty never fails on findings
 * @param warnOn                    findings at or over this severity make the gate warn; empty never warns
 * @param failOnInputError          input that cannot be read fails the gate (fail closed); otherwise it warns
 * @param newFindingsOnly           only findings that are not in the reference baseline count
 * @param allowInManifestExemptions whether annotations on objects may exempt them
 * @param enableAll                 turn on every check, optional ones included
 * @param targetKubernetesVersion   the Kubernetes version the manifests are deployed to
 * @param checks                    per-check settings by id
 * @param exceptions                central exceptions
 * @param images                    the image policy ({@code images:})
 * @param workloadKinds             kinds that run pods that the policy adds to the built-in table
 *                                  ({@code workloadKinds:})
 * @param inputs                    what to read and how to render it ({@code inputs:})
 * @param customChecks              the team's own checks ({@code customChecks:}), compiled
 * @param warnings                  what was read but is off (a retired check id or option), each naming file, line
 *                                  and what to write instead; every run reports them, none fails the gate
 */
public record Policy(String source, Optional<Severity> failOn, Optional<Severity> warnOn, boolean failOnInputError,
        boolean newFindingsOnly, boolean allowInManifestExemptions, boolean enableAll,
        KubernetesVersion targetKubernetesVersion, Map<String, CheckPolicy> checks,
        List<PolicyException> exceptions, ImageSettings images, List<WorkloadKinds.WorkloadKind> workloadKinds,
        InputPolicy inputs, List<CustomCheck> customChecks, List<Diagnostic> warnings) {
    /** The policy used when no file is given: fail on HIGH, warn on MEDIUM, fail closed. */
    public static final Policy DEFAULT = new Policy("(defaults)", Optional.of(Severity.HIGH),
            Optional.of(Severity.MEDIUM), true, false, true, false, KubernetesVersion.DEFAULT, Map.of(), List.of());

    public Policy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(warnOn, "warnOn");
        Objects.requireNonNull(targetKubernetesVersion, "targetKubernetesVersion");
        checks = Map.copyOf(checks);
        exceptions = List.copyOf(exceptions);
        Objects.requireNonNull(images, "images");
        workloadKinds = List.copyOf(workloadKinds);
        Objects.requireNonNull(inputs, "inputs");
        customChecks = List.copyOf(customChecks);
        warnings = List.copyOf(warnings);
    }

    /** A policy with the default input settings and without custom checks. */
    public Policy(final String source, final Optional<Severity> failOn, final Optional<Severity> warnOn,
            final boolean failOnInputError, final boolean newFindingsOnly, final boolean allowInManifestExemptions,
            final boolean enableAll, final KubernetesVersion targetKubernetesVersion,
            final Map<String, CheckPolicy> checks, final List<PolicyException> exceptions, final ImageSettings images,
            final List<WorkloadKinds.WorkloadKind> workloadKinds) {
        this(source, failOn, warnOn, failOnInputError, newFindingsOnly, allowInManifestExemptions, enableAll,
                targetKubernetesVersion, checks, exceptions, images, workloadKinds, InputPolicy.DEFAULT, List.of(),
                List.of());
    }

    /** A policy with the default image settings. */
    public Policy(final String source, final Optional<Severity> failOn, final Optional<Severity> warnOn,
            final boolean failOnInputError, final boolean newFindingsOnly, final boolean allowInManifestExemptions,
            final boolean enableAll, final KubernetesVersion targetKubernetesVersion,
            final Map<String, CheckPolicy> checks, final List<PolicyException> exceptions) {
        this(source, failOn, warnOn, failOnInputError, newFindingsOnly, allowInManifestExemptions, enableAll,
                targetKubernetesVersion, checks, exceptions, ImageSettings.DEFAULT, List.of());
    }

    /** True when the check runs under this policy. */
    public boolean isEnabled(final CheckMetadata check) {
        CheckPolicy own = checks.get(check.id());
        if (own != null && own.enabled().isPresent()) {
            return own.enabled().get();
        }
        return enableAll || check.enabledByDefault();
    }

    /** The severity findings of the check get. */
    public Severity severityOf(final CheckMetadata check) {
        CheckPolicy own = checks.get(check.id());
        return own == null ? check.severity() : own.severity().orElse(check.severity());
    }

    /** The settings handed to the checks. */
    public CheckSettings checkSettings() {
        Map<String, Map<String, String>> options = new HashMap<>();
        checks.forEach((id, p) -> {
            if (!p.options().isEmpty()) {
                options.put(id, p.options());
            }
        });
        return new CheckSettings(targetKubernetesVersion, options, kinds());
    }

    /** The kinds that run pods: the built-in table with the policy's additions. */
    public WorkloadKinds kinds() {
        return WorkloadKinds.BUILT_IN.with(workloadKinds);
    }

    /** The same policy with every check turned on. */
    public Policy withEnableAll(final boolean all) {
        return new Policy(source, failOn, warnOn, failOnInputError, newFindingsOnly, allowInManifestExemptions, all,
                targetKubernetesVersion, checks, exceptions, images, workloadKinds, inputs,
                customChecks, warnings);
    }

    /** The same policy with other thresholds (front ends let users override the file). */
    public Policy withThresholds(final Optional<Severity> newFailOn, final Optional<Severity> newWarnOn) {
        return new Policy(source, newFailOn, newWarnOn, failOnInputError, newFindingsOnly, allowInManifestExemptions,
                enableAll, targetKubernetesVersion, checks, exceptions, images, workloadKinds, inputs,
                customChecks, warnings);
    }

    /** The same policy with another fail-closed setting. */
    public Policy withFailOnInputError(final boolean failClosed) {
        return new Policy(source, failOn, warnOn, failClosed, newFindingsOnly, allowInManifestExemptions, enableAll,
                targetKubernetesVersion, checks, exceptions, images, workloadKinds, inputs,
                customChecks, warnings);
    }

    /** The same policy with another new-findings-only setting. */
    public Policy withNewFindingsOnly(final boolean newOnly) {
        return new Policy(source, failOn, warnOn, failOnInputError, newOnly, allowInManifestExemptions, enableAll,
                targetKubernetesVersion, checks, exceptions, images, workloadKinds, inputs,
                customChecks, warnings);
    }
}
