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
import io.k8sgate.core.frontend.StepRequest;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.ConfigurationException;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
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

    /** The step's parameters as the engine reads them. */
    StepRequest request() {
        String baseline = SecurityGateStep.LAST_SUCCESSFUL_BUILD.equals(step.getBaseline()) ? "" : step.getBaseline();
        return new StepRequest(step.getManifests(), step.getCharts(), step.getValuesFiles(), step.getSetValues(),
                step.getRelease(), step.getNamespace(), step.getKustomizeCommand(), step.getPolicy(), step.getFailOn(),
                step.getWarnOn(), step.getFailOnInputError(), step.getNewFindingsOnly(), false, baseline, null, "",
                reference, step.getTrivyReports(), "", "", step.getAdmissionPolicies(), step.getReportDir(),
                gitCredentials);
    }

    @Override
    public GateResult invoke(final File workspace, final VirtualChannel channel) throws IOException {
        try {
            // the engine's translation of the step's parameters: the one the parity test runs beside the other
            // front ends; a build reference's findings came with this callable
            GateOptions options = request().options(workspace.toPath());
            GateReport report = new GateRunner().run(options);
            return GateResult.of(report.outcome(), report.verdict(), step.isContinueOnFailure(), report.console());
        } catch (ConfigurationException | InputException e) {
            throw new AbortException("K8s Security Gate configuration or input error: " + e.getMessage());
        }
    }
}
