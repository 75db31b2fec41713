package io.k8sgate.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.k8sgate.baseline.git.GitStore;
import io.k8sgate.core.baseline.BaselineStores;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateReport;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent that holds the workspace and writes the reports there; only the verdict travels back.
 * It never reads files of the controller: the reference fingerprints come with it.
 */
final class GateCallable extends MasterToSlaveFileCallable<GateResult> {
    /** The formats written for every run. */
    static final Set<ReportFormat> FORMATS = EnumSet.of(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.HTML,
            ReportFormat.JUNIT, ReportFormat.MARKDOWN);

    @Serial
    private static final long serialVersionUID = 1L;

    private final SecurityGateStep step;
    private final TreeSet<String> reference;
    private final TreeMap<String, String> gitCredentials;

    GateCallable(final SecurityGateStep step, final Set<String> reference, final Map<String, String> gitCredentials) {
        this.step = step;
        this.reference = new TreeSet<>(reference);
        this.gitCredentials = new TreeMap<>(gitCredentials);
    }

    /**
     * The store's variables from the build's environment (for example from withCredentials): the Git store's
     * credentials and the key secret values are digested with, which the agent's own environment does not hold.
     */
    static Map<String, String> gitCredentials(final Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        for (String name : List.of(GitStore.USERNAME_VARIABLE, GitStore.PASSWORD_VARIABLE, RedactionKey.VARIABLE,
                RedactionKey.FILE_VARIABLE)) {
            if (env != null && env.get(name) != null) {
                out.put(name, env.get(name));
            }
        }
        return out;
    }

    /** True when {@code baseline} names a baseline store: a Git location, or a directory in the workspace. */
    static boolean isStore(final String baseline, final FilePath workspace) throws IOException, InterruptedException {
        if (SecurityGateStep.NO_BASELINE.equals(baseline) || SecurityGateStep.LAST_SUCCESSFUL_BUILD.equals(baseline)) {
            return false;
        }
        return BaselineStores.isRemote(baseline) || workspace.child(baseline).isDirectory();
    }

    @Override
    public GateResult invoke(final File workspace, final VirtualChannel channel) throws IOException {
        Path root = workspace.toPath().toAbsolutePath().normalize();
        Path reports = root.resolve(step.getReportDir()).normalize();
        if (!reports.startsWith(root)) {
            throw new AbortException("reportDir '" + step.getReportDir() + "' is outside the workspace");
        }
        try {
            // the options every front end builds, run by the same runner: all three decide alike
            GateOptions options = inputs(step, root).trivyReports(globs(step.getTrivyReports()))
                    .admissionPolicies(globs(step.getAdmissionPolicies()))
                    .policyFile(step.getPolicy().isEmpty() ? null : Path.of(step.getPolicy()))
                    .failOn(step.getFailOn()).warnOn(step.getWarnOn()).failOnInputError(step.getFailOnInputError())
                    .newFindingsOnly(step.getNewFindingsOnly()).baseline(baselineStore(root)).reference(reference)
                    .formats(FORMATS).outputDirectory(reports).environment(gitCredentials).build();
            GateReport report = new GateRunner().run(options);
            return GateResult.of(report.outcome(), report.verdict(), step.isContinueOnFailure(), report.console());
        } catch (ConfigurationException | InputException e) {
            throw new AbortException("K8s Security Gate configuration or input error: " + e.getMessage());
        }
    }

    /**
     * The baseline store the step names (a Git location, or a directory in the workspace, which the engine refuses
     * outside it); {@code none} for a build or a report reference, whose fingerprints came with this callable.
     */
    private String baselineStore(final Path root) {
        String baseline = step.getBaseline();
        if (SecurityGateStep.NO_BASELINE.equals(baseline) || SecurityGateStep.LAST_SUCCESSFUL_BUILD.equals(baseline)) {
            return GateOptions.NO_BASELINE;
        }
        return BaselineStores.isRemote(baseline) || Files.isDirectory(root.resolve(baseline)) ? baseline
                : GateOptions.NO_BASELINE;
    }

    /**
     * The options for what the step reads: manifests, charts with their values, release and namespace, the Kustomize
     * command. The workspace stays the containment, also for what a kustomization reads; without manifests the
     * policy's inputs are checked, and without those there is nothing to check (the gate fails closed).
     */
    static GateOptions.Builder inputs(final SecurityGateStep step, final Path root) {
        return GateOptions.builder(root).manifests(globs(step.getManifests())).defaultManifests(List.of())
                .charts(globs(step.getCharts())).valuesFiles(globs(step.getValuesFiles()))
                .setValues(lines(step.getSetValues())).release(step.getRelease()).namespace(step.getNamespace())
                .kustomizeCommand(step.getKustomizeCommand());
    }

    /** The values of a field that takes one per line ({@code setValues}, whose values may hold commas). */
    static List<String> lines(final String text) {
        return Arrays.stream(text.split("\n")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    static List<String> globs(final String text) {
        List<String> globs = new ArrayList<>();
        Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).forEach(globs::add);
        return globs;
    }
}
