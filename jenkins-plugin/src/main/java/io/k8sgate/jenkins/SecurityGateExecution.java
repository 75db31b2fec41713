package io.k8sgate.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.k8sgate.core.policy.CiResult;
import io.k8sgate.core.report.JsonReportReader;
import io.k8sgate.core.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the gate on the agent, keeps its reports with the build and carries out the engine's result mapping: FAIL stops
 * the build ({@link AbortException}) or marks it FAILURE, WARN marks it UNSTABLE with a warning on the stage.
 */
class SecurityGateExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    @Serial
    private static final long serialVersionUID = 1L;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Only read while the step runs; a synchronous step does not survive a restart")
    private final transient SecurityGateStep step;

    SecurityGateExecution(final StepContext context, final SecurityGateStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        FilePath workspace = getContext().get(FilePath.class);
        TaskListener listener = getContext().get(TaskListener.class);

        Set<String> reference = reference(run, workspace, listener);
        EnvVars env = getContext().get(EnvVars.class);
        GateResult result = workspace.act(new GateCallable(step, reference, GateCallable.gitCredentials(env)));
        listener.getLogger().print(result.console());

        FilePath reports = workspace.child(step.getReportDir());
        FilePath kept = new FilePath(SecurityGateAction.reportDirectory(run));
        kept.deleteRecursive();
        kept.mkdirs();
        int copied = reports.copyRecursiveTo(SecurityGateAction.KEPT_FILES, kept);
        listener.getLogger().println("K8s Security Gate: " + copied + " report file(s) kept with the build; "
                + "reports in the workspace: " + reports.getRemote());
        run.addOrReplaceAction(SecurityGateAction.of(result));

        if (result.result() != CiResult.SUCCESS) {
            Result jenkinsResult = Result.fromString(result.result().name());
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(jenkinsResult).withMessage(result.summary()));
            }
            if (result.abort()) {
                throw new AbortException(result.summary());
            }
            run.setResult(jenkinsResult);
            listener.getLogger().println(result.summary());
        }
        return result.toStepValue();
    }

    /**
     * The fingerprints the new-findings-only policy compares against. An unreadable reference stops the step (fail
     * closed): gating on "new" findings without knowing the old ones would let everything pass as new or nothing.
     */
    private Set<String> reference(final Run<?, ?> run, final FilePath workspace, final TaskListener listener)
            throws IOException, InterruptedException {
        try {
            return readReference(run, workspace, listener);
        } catch (AbortException e) {
            throw e;
        } catch (IOException e) {
            throw new AbortException("K8s Security Gate: the baseline cannot be read: " + e.getMessage());
        }
    }

    private Set<String> readReference(final Run<?, ?> run, final FilePath workspace, final TaskListener listener)
            throws IOException, InterruptedException {
        String baseline = step.getBaseline();
        if (SecurityGateStep.NO_BASELINE.equals(baseline)) {
            return Set.of();
        }
        if (GateCallable.isStore(baseline, workspace)) {
            // a baseline store (directory or Git) is read on the agent, next to the inputs
            return Set.of();
        }
        if (!SecurityGateStep.REFERENCE_BUILD.equals(baseline)) {
            FilePath file = workspace.child(baseline);
            if (!file.exists()) {
                throw new AbortException("baseline '" + baseline + "' does not exist in the workspace");
            }
            try (InputStream in = file.read()) {
                return JsonReportReader.fingerprints(in, baseline);
            }
        }
        Run<?, ?> reference = ReferenceBuild.find(run, step);
        if (reference == null) {
            listener.getLogger().println("K8s Security Gate: no reference build (a completed build with result "
                    + step.getRequiredResult() + " or better" + (step.isIgnoreQualityGate() ? "" : " whose gate passed")
                    + " and a kept report); every finding is new");
            return Set.of();
        }
        listener.getLogger().println("K8s Security Gate: reference build is " + reference.getFullDisplayName());
        try (InputStream in = Files.newInputStream(ReferenceBuild.report(reference).toPath())) {
            return JsonReportReader.fingerprints(in,
                    reference.getFullDisplayName() + " " + ReportFormat.JSON.fileName());
        }
    }
}
