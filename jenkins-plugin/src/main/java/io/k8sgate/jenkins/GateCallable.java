package io.k8sgate.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.k8sgate.core.baseline.BaselineStores;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.WorkspacePaths;
import io.k8sgate.core.report.JsonReportReader;
import io.k8sgate.core.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the gate on the agent that holds the workspace, through the engine's one front-end path (the same options and
 * runner as the command line and the Maven goal), and writes the reports there; only the verdict and the counts travel
 * back. What travels to the agent is a small {@link Request}, never the step, and nothing of the controller is read
 * there: the reference fingerprints come with the request.
 */
final class GateCallable extends MasterToSlaveFileCallable<GateResult> {
    /** The formats written for every run. */
    static final List<ReportFormat> FORMATS = List.of(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.HTML,
            ReportFormat.JUNIT, ReportFormat.MARKDOWN);
    private static final int LOGGED_FINDINGS = 20;

    @Serial
    private static final long serialVersionUID = 2L;

    private final Request request;

    GateCallable(final Request request) {
        this.request = request;
    }

    /**
     * The step's parameters as the engine's options take them, in serializable form: the agent turns them into
     * {@link GateOptions} for its workspace, where the engine applies its defaults (blank or {@code null} is unset).
     *
     * @param manifests         files, directories and globs
     * @param policy            the policy file, relative to the workspace
     * @param failOn            the failOn override
     * @param warnOn            the warnOn override
     * @param failOnInputError  the failOnInputError override
     * @param newFindingsOnly   the newFindingsOnly override
     * @param enableAll         every check on
     * @param baseline          the step's baseline: {@code referenceBuild}, {@code none}, a JSON report, or a store
     * @param reference         fingerprints of the reference build's findings
     * @param trivyReports      Trivy-compatible scan reports
     * @param admissionPolicies the cluster's admission configuration, kept apart from the manifests
     * @param trivyIgnoreFiles  Trivy ignore files
     * @param vexFiles          OpenVEX documents
     * @param reportDir         the report directory, relative to the workspace
     * @param environment       the build's Git store credentials, never shown
     */
    record Request(List<String> manifests, String policy, String failOn, String warnOn,
            @CheckForNull Boolean failOnInputError, @CheckForNull Boolean newFindingsOnly, boolean enableAll,
            String baseline, Set<String> reference, List<String> trivyReports, List<String> admissionPolicies,
            List<String> trivyIgnoreFiles, List<String> vexFiles, String reportDir, Map<String, String> environment)
            implements Serializable {
        /** The request for a step, with the reference build's fingerprints and the build's Git store credentials. */
        static Request of(final SecurityGateStep step, final Set<String> reference,
                final Map<String, String> environment) {
            return new Request(list(step.getManifests()), step.getPolicy(), step.getFailOn(), step.getWarnOn(),
                    step.getFailOnInputError(), step.getNewFindingsOnly(), step.isEnableAll(), step.getBaseline(),
                    Set.copyOf(reference), list(step.getTrivyReports()), list(step.getAdmissionPolicies()),
                    list(step.getTrivyIgnoreFiles()), list(step.getVexFiles()), step.getReportDir(),
                    Map.copyOf(environment));
        }

        /**
         * The engine's options in the agent's workspace. A baseline that is a file there is a JSON report whose
         * findings are the reference; {@code referenceBuild} leaves the store to the engine's default.
         */
        GateOptions options(final Path root) throws AbortException {
            Set<String> fingerprints = reference;
            String store = baseline;
            if (SecurityGateStep.REFERENCE_BUILD.equals(baseline)) {
                store = null;
            } else if (!BaselineStores.isRemote(baseline) && Files.isRegularFile(root.resolve(baseline))) {
                fingerprints = fingerprints(WorkspacePaths.inside(root, baseline, "The baseline"), baseline);
                store = null;
            }
            return GateOptions.builder(root).manifests(manifests).policyFile(Path.of(policy)).failOn(failOn)
                    .warnOn(warnOn).failOnInputError(failOnInputError).newFindingsOnly(newFindingsOnly)
                    .enableAll(enableAll).baseline(store).reference(fingerprints).trivyReports(trivyReports)
                    .admissionPolicies(admissionPolicies).trivyIgnoreFiles(trivyIgnoreFiles).vexFiles(vexFiles)
                    .formats(FORMATS).outputDirectory(WorkspacePaths.inside(root, reportDir, "reportDir"))
                    .consoleFindings(LOGGED_FINDINGS).environment(environment).build();
        }

        /** The request with the names of the environment's variables only: their values are credentials. */
        @Override
        public String toString() {
            return "Request[manifests=" + manifests + ", baseline=" + baseline + ", reference="
                    + reference.size() + " finding(s), environment=" + new TreeSet<>(environment.keySet()) + "]";
        }
    }

    @Override
    public GateResult invoke(final File workspace, final VirtualChannel channel) throws IOException {
        try {
            return GateResult.of(new GateRunner().run(request.options(workspace.toPath())));
        } catch (ConfigurationException | InputException e) {
            throw new AbortException("K8s Security Gate configuration or input error: " + e.getMessage());
        }
    }

    /**
     * The fingerprints of a JSON report's findings. An unreadable report stops the step (fail closed): gating on new
     * findings without knowing the old ones would let everything pass as new.
     */
    static Set<String> fingerprints(final Path report, final String name) throws AbortException {
        try (InputStream in = Files.newInputStream(report)) {
            return JsonReportReader.fingerprints(in, name);
        } catch (IOException e) {
            throw new AbortException("K8s Security Gate: the baseline " + name + " cannot be read: " + e.getMessage());
        }
    }

    /** Paths or globs separated by commas or new lines. */
    static List<String> list(final String text) {
        return Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
