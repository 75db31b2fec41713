package io.k8sgate.jenkins;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.frontend.StepRequest;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.ConfigurationException;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.util.Map;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the gate on the agent that holds the workspace, through the engine's one front-end path (the step's
 * {@link StepRequest}, the same options and runner as the command line and the Maven goal), and writes the reports
 * there; only the verdict and the counts travel back. What travels to the agent is the small request, never the step,
 * and nothing of the controller is read there: the reference build's fingerprints come with the request.
 */
final class GateCallable extends MasterToSlaveFileCallable<GateResult> {
    private static final int LOGGED_FINDINGS = 20;

    @Serial
    private static final long serialVersionUID = 3L;

    private final StepRequest request;

    GateCallable(final StepRequest request) {
        this.request = request;
    }

    /**
     * The request for a step: its parameters as the step holds them, the reference build's fingerprints and the
     * build's store variables. {@code referenceBuild} leaves the store to the engine's default.
     */
    static StepRequest request(final SecurityGateStep step, final Set<String> reference,
            final Map<String, String> environment) {
        String baseline = SecurityGateStep.REFERENCE_BUILD.equals(step.getBaseline()) ? "" : step.getBaseline();
        return new StepRequest(step.getManifests(), step.getCharts(), step.getValuesFiles(), step.getSetValues(),
                step.getRelease(), step.getNamespace(), step.getKustomizeCommand(), step.getPolicy(), step.getFailOn(),
                step.getWarnOn(), step.getFailOnInputError(), step.getNewFindingsOnly(), step.isEnableAll(), baseline,
                step.getBaselineVersion(), step.getBaselineBranch(), reference, step.getTrivyReports(),
                step.getTrivyIgnoreFiles(), step.getVexFiles(), step.getAdmissionPolicies(), step.getReportDir(),
                environment);
    }

    StepRequest request() {
        return request;
    }

    @Override
    public GateResult invoke(final File workspace, final VirtualChannel channel) throws IOException {
        try {
            GateOptions options = request.options(workspace.toPath()).toBuilder().consoleFindings(LOGGED_FINDINGS)
                    .build();
            return GateResult.of(new GateRunner().run(options));
        } catch (ConfigurationException | InputException e) {
            throw new AbortException("K8s Security Gate configuration or input error: " + e.getMessage());
        }
    }
}
