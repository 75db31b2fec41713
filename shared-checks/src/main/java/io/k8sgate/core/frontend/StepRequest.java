package io.k8sgate.core.frontend;

import io.k8sgate.core.baseline.BaselineStores;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.input.render.ChartSettings;
import io.k8sgate.core.policy.WorkspacePaths;
import io.k8sgate.core.report.JsonReportReader;
import io.k8sgate.core.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of the Jenkins Pipeline step ({@code k8sSecurityGate}) as they travel from the controller to the
 * agent that holds the workspace, and their translation into {@link GateOptions} there. The step's glue builds one
 * from its fields and sends it; the agent calls {@link #options(Path)} and {@link GateRunner#run}. Plain Java, so
 * that the default build tests the step's translation on the same cases as the command line and the Maven goal.
 *
 * <p>Texts are as the step holds them: lists are separated by commas or new lines, and a blank value is unset (the
 * engine's default, or the policy's setting, applies).
 *
 * @param manifests        files, directories (Helm charts and kustomization directories among them) and globs
 *                         relative to the workspace; blank: the inputs the policy lists, and without those there is
 *                         nothing to check (the gate fails closed)
 * @param charts           Helm charts to render and check (directories holding {@code Chart.yaml})
 * @param valuesFiles      values files for the charts, as {@code helm template -f}, in order
 * @param setValues        values for the charts, as {@code helm template --set key=value}, one per line (a value
 *                         may hold commas)
 * @param release          the release name the charts are rendered with; blank: the policy's, or the engine's
 * @param namespace        the namespace the charts are rendered for; blank: the policy's, or none
 * @param kustomizeCommand the command that renders a kustomization directory; blank: the policy's, or the first of
 *                         {@code kustomize} and {@code kubectl} on the agent's PATH
 * @param policy           the policy file, relative to the workspace and inside it; blank: {@code k8s-security.yaml}
 *                         there when present
 * @param failOn           overrides the policy's failOn: a severity or {@code NONE}
 * @param warnOn           overrides the policy's warnOn
 * @param failOnInputError overrides the policy's failOnInputError; null keeps it
 * @param newFindingsOnly  overrides the policy's newFindingsOnly; null keeps it
 * @param enableAll        turns every check on, optional ones included
 * @param baseline         what the run is compared with: blank or {@value #REFERENCE_BUILD} for the reference
 *                         build's findings (they come as {@code reference}) and the default store when it exists;
 *                         {@value GateOptions#NO_BASELINE}; a JSON report
 *                         of an earlier run in the workspace, whose findings are then the reference; or a baseline
 *                         store (a directory in the workspace, or a Git URL)
 * @param baselineVersion  the store's version compared with; null: the newest
 * @param baselineBranch   the branch of a Git store; blank: the Git store's default
 * @param reference        fingerprints of the reference build's findings, read on the controller
 * @param trivyReports     Trivy-compatible scan reports (paths or globs)
 * @param trivyIgnoreFiles {@code .trivyignore} / {@code .trivyignore.yaml} files
 * @param vexFiles         OpenVEX documents
 * @param admissionPolicies ValidatingAdmissionPolicies, their bindings and params (the cluster's admission
 *                         configuration), evaluated against the manifests but not checked themselves
 * @param reportDir        where the reports are written, relative to the workspace and inside it; blank:
 *                         {@value GateOptions#DEFAULT_OUTPUT_DIRECTORY}
 * @param environment      the build's variables a store reads (Git credentials, the redaction key of secret
 *                         values), which the agent's own environment does not hold; never shown
 */
public record StepRequest(String manifests, String charts, String valuesFiles, String setValues, String release,
        String namespace, String kustomizeCommand, String policy, String failOn, String warnOn,
        @Nullable Boolean failOnInputError, @Nullable Boolean newFindingsOnly, boolean enableAll, String baseline,
        @Nullable Long baselineVersion, String baselineBranch, Set<String> reference, String trivyReports,
        String trivyIgnoreFiles, String vexFiles, String admissionPolicies, String reportDir,
        Map<String, String> environment)
        implements Serializable {
    /** The reports the step writes for every run: the page, the machines' formats, the test report, the summary. */
    public static final List<ReportFormat> FORMATS = List.of(ReportFormat.JSON, ReportFormat.SARIF,
            ReportFormat.HTML, ReportFormat.JUNIT, ReportFormat.MARKDOWN);

    /**
     * The step's default baseline: the findings of a reference build the controller chose
     * ({@link ReferenceBuildRule}), sent as {@link #reference()}.
     */
    public static final String REFERENCE_BUILD = "referenceBuild";

    @Serial
    private static final long serialVersionUID = 1L;

    public StepRequest {
        Objects.requireNonNull(manifests, "manifests");
        Objects.requireNonNull(charts, "charts");
        Objects.requireNonNull(valuesFiles, "valuesFiles");
        Objects.requireNonNull(setValues, "setValues");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(kustomizeCommand, "kustomizeCommand");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(warnOn, "warnOn");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(baselineBranch, "baselineBranch");
        reference = Set.copyOf(reference);
        Objects.requireNonNull(trivyReports, "trivyReports");
        Objects.requireNonNull(trivyIgnoreFiles, "trivyIgnoreFiles");
        Objects.requireNonNull(vexFiles, "vexFiles");
        Objects.requireNonNull(admissionPolicies, "admissionPolicies");
        Objects.requireNonNull(reportDir, "reportDir");
        environment = Map.copyOf(environment);
    }

    /**
     * The engine's options in the agent's workspace.
     *
     * @param workspace the workspace on the agent
     * @throws io.k8sgate.core.policy.ConfigurationException when a parameter is wrong (the report directory or the
     *                                                        policy outside the workspace)
     * @throws InputException                                when the baseline is a JSON report that cannot be read:
     *                                                        gating on new findings without the old ones fails closed
     */
    public GateOptions options(final Path workspace) {
        Path root = workspace.toAbsolutePath().normalize();
        Set<String> fingerprints = new HashSet<>(reference);
        String store = usesReferenceBuild(baseline) ? null : baseline.trim();
        if (store != null && !GateOptions.NO_BASELINE.equals(store) && !BaselineStores.isRemote(store)
                && Files.isRegularFile(root.resolve(store))) {
            fingerprints.addAll(fingerprints(WorkspacePaths.inside(root, store, "The baseline report"), store));
            store = GateOptions.NO_BASELINE;
        }
        return GateOptions.builder(root).manifests(list(manifests)).defaultManifests(List.of())
                .charts(list(charts)).valuesFiles(list(valuesFiles)).setValues(lines(setValues))
                .release(release).namespace(namespace).kustomizeCommand(kustomizeCommand)
                .policyFile(policy.isBlank() ? null : Path.of(policy.trim())).failOn(failOn).warnOn(warnOn)
                .failOnInputError(failOnInputError).newFindingsOnly(newFindingsOnly).enableAll(enableAll)
                .baseline(store).baselineVersion(baselineVersion).baselineBranch(baselineBranch)
                .reference(fingerprints).trivyReports(list(trivyReports))
                .trivyIgnoreFiles(list(trivyIgnoreFiles)).vexFiles(list(vexFiles))
                .admissionPolicies(list(admissionPolicies)).formats(FORMATS)
                .outputDirectory(WorkspacePaths.inside(root, reportDirectory(), "The report directory"))
                .environment(environment).build();
    }

    /** True when the baseline is the reference build's findings: blank, or {@value #REFERENCE_BUILD}. */
    public static boolean usesReferenceBuild(final String baseline) {
        return baseline.isBlank() || REFERENCE_BUILD.equals(baseline.trim());
    }

    /** The directory the reports are written to, relative to the workspace. */
    public String reportDirectory() {
        return reportDir.isBlank() ? GateOptions.DEFAULT_OUTPUT_DIRECTORY : reportDir.trim();
    }

    /** Paths or globs as a step's text field holds them: separated by commas or new lines. */
    public static List<String> list(final String text) {
        return Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The values of a field that takes one per line ({@code setValues}, whose values may hold commas). */
    static List<String> lines(final String text) {
        return Arrays.stream(text.split("\n")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /**
     * The fingerprints of a JSON report's findings (an earlier run's, the reference).
     *
     * @throws InputException when the report cannot be read: gating on new findings without the old ones fails closed
     */
    public static Set<String> fingerprints(final Path report, final String name) {
        try (InputStream in = Files.newInputStream(report)) {
            return JsonReportReader.fingerprints(in, name);
        } catch (IOException e) {
            throw new InputException(name, "the baseline report cannot be read: " + e.getMessage(), e);
        }
    }

    /** The parameters and the names of the environment's variables, never their values: they are credentials. */
    @Override
    public String toString() {
        return "StepRequest[manifests=" + manifests + ", charts=" + charts + ", valuesFiles=" + valuesFiles
                + ", setValues=" + setKeys() + ", release=" + release + ", namespace=" + namespace
                + ", kustomizeCommand=" + kustomizeCommand + ", policy=" + policy + ", failOn=" + failOn + ", warnOn="
                + warnOn + ", failOnInputError=" + failOnInputError + ", newFindingsOnly=" + newFindingsOnly
                + ", enableAll=" + enableAll + ", baseline=" + baseline + ", baselineVersion=" + baselineVersion
                + ", baselineBranch=" + baselineBranch + ", reference=" + reference.size()
                + " finding(s), trivyReports=" + trivyReports + ", trivyIgnoreFiles=" + trivyIgnoreFiles
                + ", vexFiles=" + vexFiles + ", admissionPolicies=" + admissionPolicies + ", reportDir=" + reportDir
                + ", environment=" + new TreeSet<>(environment.keySet()) + "]";
    }

    /** The keys of the set values: a value may be a password. */
    private List<String> setKeys() {
        return lines(setValues).stream().map(v -> ChartSettings.key(v) + "=...").toList();
    }
}
