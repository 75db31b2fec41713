package io.k8sgate.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.frontend.StepRequest;
import io.k8sgate.core.frontend.StepResult;
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
 * there; only the verdict and the counts ({@link StepResult}) travel back. What travels to the agent is the small
 * request, never the step, and nothing of the controller is read there: the reference build's fingerprints come with
 * the request.
 */
final class GateCallable extends MasterToSlaveFileCallable<StepResult> {
    private static final int LOGGED_FINDINGS = 20;

    @Serial
    private static final long serialVersionUID = 4L;

    private final StepRequest request;

    GateCallable(final StepRequest request) {
        this.request = request;
    }

    /**
     * The request for a step: its parameters as the step holds them (an unset text is empty), the reference build's
     * fingerprints and the build's store variables.
     */
    static StepRequest request(final SecurityGateStep step, final Set<String> reference,
            final Map<String, String> environment) {
        return new StepRequest(text(step.manifests), text(step.charts), text(step.valuesFiles),
                text(step.setValues), text(step.release), text(step.namespace), text(step.kustomizeCommand),
                text(step.policy), text(step.failOn), text(step.warnOn), step.failOnInputError, step.newFindingsOnly,
                step.enableAll, text(step.baseline), step.baselineVersion, text(step.baselineBranch), reference,
                text(step.trivyReports), text(step.trivyIgnoreFiles), text(step.vexFiles),
                text(step.admissionPolicies), text(step.reportDir), environment);
    }

    /** A configuration or input error as Jenkins stops a step: the message, without a stack trace. */
    static AbortException abort(final RuntimeException e) {
        return new AbortException("K8s Security Gate configuration or input error: " + e.getMessage());
    }

    @Override
    public StepResult invoke(final File workspace, final VirtualChannel channel) throws IOException {
        try {
            GateOptions options = request.options(workspace.toPath()).toBuilder().consoleFindings(LOGGED_FINDINGS)
                    .build();
            return StepResult.of(new GateRunner().run(options));
        } catch (ConfigurationException | InputException e) {
            throw abort(e);
        }
    }

    private static String text(final @CheckForNull String value) {
        return value == null ? "" : value; // a script may pass null, as the form never does
    }
}
