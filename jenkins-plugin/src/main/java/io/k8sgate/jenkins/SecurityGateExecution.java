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
import io.k8sgate.core.frontend.ReferenceBuildRule;
import io.k8sgate.core.frontend.StepRequest;
import io.k8sgate.core.frontend.StepResult;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.CiResult;
import io.k8sgate.core.policy.ConfigurationException;
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

        StepRequest request;
        try {
            request = GateCallable.request(step, reference(run, listener), environment());
        } catch (ConfigurationException | InputException e) {
            throw GateCallable.abort(e); // gating on new findings without knowing the old ones would pass them all
        }
        StepResult result = workspace.act(new GateCallable(request));
        listener.getLogger().print(result.console());

        FilePath reports = workspace.child(request.reportDirectory());
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
            if (verdict.stopsBuild(step.continueOnFailure)) {
                throw new AbortException(verdict.summary());
            }
            run.setResult(jenkinsResult);
        }
        return result.toStepValue();
    }

    /** The build's variables a store reads (withCredentials): Git credentials and the redaction key's secrets. */
    private Map<String, String> environment() throws IOException, InterruptedException {
        Map<String, String> variables = new TreeMap<>();
        EnvVars env = getContext().get(EnvVars.class);
        for (String name : List.of(GitStore.USERNAME_VARIABLE, GitStore.PASSWORD_VARIABLE, RedactionKey.VARIABLE,
                RedactionKey.FILE_VARIABLE)) {
            if (env != null && env.get(name) != null) {
                variables.put(name, env.get(name));
            }
        }
        return variables;
    }

    /** The findings of the reference build's kept report, when the baseline is the reference build. */
    private Set<String> reference(final Run<?, ?> run, final TaskListener listener) throws AbortException {
        if (step.baseline != null && !StepRequest.usesReferenceBuild(step.baseline)) {
            return Set.of();
        }
        ReferenceBuildRule rule = ReferenceBuildRule.of(step.requiredResult, step.ignoreQualityGate);
        Run<?, ?> reference = ReferenceBuild.find(run, step, rule);
        if (reference == null) {
            listener.getLogger().println("K8s Security Gate: " + rule.noReference());
            return Set.of();
        }
        listener.getLogger().println("K8s Security Gate: reference build is " + reference.getFullDisplayName());
        String name = reference.getFullDisplayName() + " " + ReportFormat.JSON.fileName();
        return StepRequest.fingerprints(ReferenceBuild.report(reference).toPath(), name);
    }
}
