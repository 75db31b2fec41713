package io.k8sgate.core;

import io.k8sgate.core.input.InputOptions;
import io.k8sgate.core.input.SourceOptions;
import io.k8sgate.core.input.render.RenderOptions;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.InputPolicy;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.core.policy.PolicyOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a user sets on a front end (command line options, plugin parameters, step arguments), turned into a
 * {@link GateRequest} the same way everywhere, so that the same settings give the same decision in every front end.
 *
 * @param root             the workspace; inputs stay inside it
 * @param manifests        files, directories and globs of manifests, relative to {@code root} or absolute
 * @param trivyReports     Trivy-compatible scan reports, relative to {@code root}
 * @param trivyIgnoreFiles {@code .trivyignore} / {@code .trivyignore.yaml} files, relative to {@code root}
 * @param vexFiles         OpenVEX documents, relative to {@code root}
 * @param policyFile       an explicit policy file (resolved by the front end); without it, {@code k8s-security.yaml}
 *                         in {@code root} is used when present, the default policy otherwise
 * @param failOn           overrides the policy's failOn: a severity or {@code NONE}
 * @param warnOn           overrides the policy's warnOn: a severity or {@code NONE}
 * @param failOnInputError overrides the policy's failOnInputError
 * @param enableAll        turns every check on, optional ones included
 * @param sources          charts and their values, the Kustomize command, containment, the default inputs
 */
public record GateOptions(Path root, List<String> manifests, List<String> trivyReports, List<String> trivyIgnoreFiles,
        List<String> vexFiles, Optional<Path> policyFile, Optional<String> failOn, Optional<String> warnOn,
        Optional<Boolean> failOnInputError, boolean enableAll, SourceOptions sources) {
    /** The policy file looked for in the root when none is named. */
    public static final String IMPLICIT_POLICY = "k8s-security.yaml";

    public GateOptions {
        Objects.requireNonNull(root, "root");
        manifests = List.copyOf(manifests);
        trivyReports = List.copyOf(trivyReports);
        trivyIgnoreFiles = List.copyOf(trivyIgnoreFiles);
        vexFiles = List.copyOf(vexFiles);
        Objects.requireNonNull(policyFile, "policyFile");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(warnOn, "warnOn");
        Objects.requireNonNull(failOnInputError, "failOnInputError");
        Objects.requireNonNull(sources, "sources");
    }

    /** Options with the default source settings (inputs confined to the root, charts with Helm's defaults). */
    public GateOptions(final Path root, final List<String> manifests, final List<String> trivyReports,
            final List<String> trivyIgnoreFiles, final List<String> vexFiles, final Optional<Path> policyFile,
            final Optional<String> failOn, final Optional<String> warnOn, final Optional<Boolean> failOnInputError,
            final boolean enableAll) {
        this(root, manifests, trivyReports, trivyIgnoreFiles, vexFiles, policyFile, failOn, warnOn, failOnInputError,
                enableAll, SourceOptions.DEFAULT);
    }

    /** Options that change nothing in the policy. */
    public static GateOptions of(final Path root, final List<String> manifests) {
        return new GateOptions(root, manifests, List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
    }

    /**
     * The request: the policy read strictly, then the overrides applied.
     *
     * @param knownCheckIds the ids the policy may name
     * @param clock         the clock for report times and exception expiry
     * @throws ConfigurationException when the policy file is missing or wrong, or an override is not a threshold
     */
    public GateRequest toRequest(final Set<String> knownCheckIds, final Clock clock) {
        Policy policy = new PolicyOverrides(failOn, warnOn, Optional.empty(), failOnInputError)
                .applyTo(policy(knownCheckIds));
        if (enableAll) {
            policy = policy.withEnableAll(true);
        }
        InputPolicy listed = policy.inputs();
        RenderOptions render = new RenderOptions(sources.chartSettings(), listed.chartSettings(),
                sources.kustomizeCommand().or(listed::kustomizeCommand), policy.targetKubernetesVersion().major() + "."
                        + policy.targetKubernetesVersion().minor());
        return new GateRequest(root, inputs(listed), policy, clock, trivyReports, trivyIgnoreFiles, vexFiles)
                .withInputs(new InputOptions(sources.confineToRoot(), listed.nonKubernetesIsError(), render));
    }

    /**
     * What the run reads: the manifests and charts the front end names; without any, those the policy lists; without
     * those either, the front end's default.
     */
    private List<String> inputs(final InputPolicy listed) {
        List<String> named = new ArrayList<>(manifests);
        named.addAll(sources.charts());
        if (named.isEmpty()) {
            named.addAll(listed.paths());
        }
        return named.isEmpty() ? sources.defaultInputs() : named;
    }

    /** The policy file that applies: the named one, or the implicit one when it exists. */
    public Optional<Path> effectivePolicyFile() {
        if (policyFile.isPresent()) {
            return policyFile;
        }
        Path implicit = root.resolve(IMPLICIT_POLICY);
        return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
    }

    private Policy policy(final Set<String> knownCheckIds) {
        if (policyFile.isPresent() && !Files.isRegularFile(policyFile.get())) {
            throw new ConfigurationException(Location.ofFile(policyFile.get().toString()),
                    "The policy file does not exist");
        }
        return effectivePolicyFile().map(new PolicyLoader(knownCheckIds)::load).orElse(Policy.DEFAULT);
    }
}
