package io.k8sgate.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.k8sgate.baseline.git.GitStore;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.frontend.StepRequest;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.CiResult;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.ReportFormat;
import java.io.IOException;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the gate on the agent, keeps its reports with the build and carries out the engine's verdict: a failed gate
 * stops the build ({@link AbortException}) or marks it FAILURE, a warning marks it UNSTABLE with a warning on the
 * stage.
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

        GateResult result = workspace.act(new GateCallable(request(run, listener)));
        listener.getLogger().print(result.console());

        FilePath reports = workspace.child(step.getReportDir());
        FilePath kept = new FilePath(SecurityGateAction.reportDirectory(run));
        kept.deleteRecursive();
        kept.mkdirs();
        int copied = reports.copyRecursiveTo(SecurityGateAction.KEPT_FILES, kept);
        listener.getLogger().println("K8s Security Gate: " + copied + " report file(s) kept with the build; "
                + "reports in the workspace: " + reports.getRemote());
        run.addOrReplaceAction(new SecurityGateAction(result));

        Verdict verdict = result.verdict();
        if (verdict.buildResult() != CiResult.SUCCESS) {
            Result jenkinsResult = Result.fromString(verdict.buildResult().name());
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(jenkinsResult).withMessage(verdict.summary()));
            }
            listener.getLogger().println(verdict.message());
            if (verdict.stopsBuild(step.isContinueOnFailure())) {
                throw new AbortException(verdict.summary());
            }
            run.setResult(jenkinsResult);
        }
        return result.toStepValue();
    }

    /** What the agent needs: the step's parameters, the reference build's findings and the Git store credentials. */
    private StepRequest request(final Run<?, ?> run, final TaskListener listener)
            throws IOException, InterruptedException {
        Set<String> reference = SecurityGateStep.REFERENCE_BUILD.equals(step.getBaseline())
                ? referenceBuild(run, listener) : Set.of();
        Map<String, String> credentials = new TreeMap<>();
        EnvVars env = getContext().get(EnvVars.class);
        // the store's variables from the build (withCredentials): Git credentials and the key secrets are digested with
        for (String name : List.of(GitStore.USERNAME_VARIABLE, GitStore.PASSWORD_VARIABLE, RedactionKey.VARIABLE,
                RedactionKey.FILE_VARIABLE)) {
            if (env != null && env.get(name) != null) {
                credentials.put(name, env.get(name));
            }
        }
        return GateCallable.request(step, reference, credentials);
    }

    /** The findings of the reference build's kept report; none when no build qualifies. */
    private Set<String> referenceBuild(final Run<?, ?> run, final TaskListener listener) throws IOException {
        Run<?, ?> reference = ReferenceBuild.find(run, step);
        if (reference == null) {
            listener.getLogger().println("K8s Security Gate: no reference build (a completed build with result "
                    + step.getRequiredResult() + " or better" + (step.isIgnoreQualityGate() ? "" : " whose gate passed")
                    + " and a kept report); every finding is new");
            return Set.of();
        }
        listener.getLogger().println("K8s Security Gate: reference build is " + reference.getFullDisplayName());
        String name = reference.getFullDisplayName() + " " + ReportFormat.JSON.fileName();
        try {
            return StepRequest.fingerprints(ReferenceBuild.report(reference).toPath(), name);
        } catch (InputException e) {
            // gating on new findings without knowing the old ones would let everything pass as new: fail closed
            throw new AbortException("K8s Security Gate: " + e.getMessage());
        }
    }
}
