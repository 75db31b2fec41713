package io.k8sgate.cli;

import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.input.render.ChartSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What decides a run, the same for every command that checks inputs ({@code check}, {@code baseline record},
 * {@code baseline diff}): the policy and its overrides, how charts and kustomizations are rendered, the scan reports
 * with what suppresses their findings, and the cluster's admission configuration.
 * Each option has its Maven parameter and Jenkins step argument of the same name.
 */
final class GateSettings {
    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (default: k8s-security.yaml in the "
            + "root, if present)")
    Path policy;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Override the policy's failOn (CRITICAL, "
            + "HIGH, MEDIUM, LOW, INFO, NONE)")
    String failOn;

    @Option(names = "--warn-on", paramLabel = "SEVERITY", description = "Override the policy's warnOn")
    String warnOn;

    @Option(names = "--fail-on-input-error", negatable = true, description = "Override the policy's "
            + "failOnInputError: unreadable input fails the gate (--no-fail-on-input-error: it warns)")
    Boolean failOnInputError;

    @Option(names = "--new-findings-only", negatable = true, description = "Override the policy's newFindingsOnly: "
            + "only findings that are not in the baseline count")
    Boolean newFindingsOnly;

    @Option(names = "--enable-all", description = "Turn on every check, optional ones included")
    boolean enableAll;

    @Option(names = "--chart", paramLabel = "DIR", description = "A Helm chart to render and check (the directory "
            + "holding Chart.yaml); repeatable. A chart among the PATHs is rendered as well")
    List<String> charts = new ArrayList<>();

    @Option(names = "--values", paramLabel = "FILE", description = "A values file for the charts, as `helm template "
            + "-f`; repeatable, applied in order (default: the policy's for the chart)")
    List<String> values = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A value for the charts, as `helm template "
            + "--set`; repeatable, applied in order after the values files. Reports name the keys, never the values")
    List<String> set = new ArrayList<>();

    @Option(names = "--release", paramLabel = "NAME", description = "The release name the charts are rendered with "
            + "(default: the policy's, or " + ChartSettings.DEFAULT_RELEASE + ")")
    String release;

    @Option(names = "--kustomize-command", paramLabel = "COMMAND", description = "The command that renders a "
            + "kustomization directory, such as 'kubectl kustomize' or 'kustomize build --enable-helm' (default: the "
            + "policy's, or the first of kustomize and kubectl on the PATH)")
    String kustomizeCommand;

    @Option(names = "--trivy", paramLabel = "REPORT", description = "A Trivy-compatible scan report (JSON of trivy "
            + "image/fs/config/k8s, Trivy-Operator VulnerabilityReport, CycloneDX with vulnerabilities); repeatable")
    List<String> trivyReports = new ArrayList<>();

    @Option(names = "--trivy-ignore", paramLabel = "FILE", description = "A .trivyignore or .trivyignore.yaml file; "
            + "repeatable")
    List<String> trivyIgnoreFiles = new ArrayList<>();

    @Option(names = "--vex", paramLabel = "FILE", description = "An OpenVEX document; repeatable")
    List<String> vexFiles = new ArrayList<>();

    @Option(names = "--admission-policies", paramLabel = "PATH", split = ",", description = "Files, directories or "
            + "globs of ValidatingAdmissionPolicies, their bindings and params (the cluster's admission "
            + "configuration), evaluated against the manifests but not checked themselves; repeatable. Policies among "
            + "the manifests are evaluated too")
    List<String> admissionPolicies = new ArrayList<>();

    /** Adds these settings to a run's options. */
    GateOptions.Builder applyTo(final GateOptions.Builder options) {
        return options.policyFile(Main.fromWorkingDirectory(policy)).failOn(failOn).warnOn(warnOn)
                .failOnInputError(failOnInputError).newFindingsOnly(newFindingsOnly).enableAll(enableAll)
                .trivyReports(trivyReports).trivyIgnoreFiles(trivyIgnoreFiles).vexFiles(vexFiles)
                .admissionPolicies(admissionPolicies).charts(charts).valuesFiles(values).setValues(set)
                .release(release).kustomizeCommand(kustomizeCommand);
    }
}
