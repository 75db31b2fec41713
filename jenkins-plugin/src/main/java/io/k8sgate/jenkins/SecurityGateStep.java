package io.k8sgate.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.ReferenceBuildRule;
import io.k8sgate.core.frontend.StepRequest;
import io.k8sgate.core.model.Severity;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code k8sSecurityGate}: checks Kubernetes manifests in the workspace and sets the build result by policy. The
 * parameters mirror the command line; an empty value keeps what the policy file says.
 *
 * <p>The parameters are public {@link DataBoundSetter} fields: Stapler binds the configuration form into them,
 * Pipeline's {@code DescribableModel} sets them from a script and reads them back for the Snippet Generator, and the
 * form reads them, all without accessors (a non-public field would make Stapler fall back to deprecated reflective
 * access). They hold the text as given; {@link StepRequest} and {@link ReferenceBuildRule} read blanks as defaults,
 * so this class decides nothing.
 */
public class SecurityGateStep extends Step {
    /** The function name in Pipeline scripts. */
    public static final String FUNCTION_NAME = "k8sSecurityGate";

    /**
     * Files, directories (Helm charts and kustomization directories among them) or globs relative to the workspace,
     * separated by commas or new lines; empty checks what the policy lists.
     */
    public final String manifests;
    /** Globs of Trivy JSON reports, relative to the workspace. */
    @DataBoundSetter
    public String trivyReports = "";
    /** {@code .trivyignore} or {@code .trivyignore.yaml} files, relative to the workspace. */
    @DataBoundSetter
    public String trivyIgnoreFiles = "";
    /** OpenVEX documents, relative to the workspace. */
    @DataBoundSetter
    public String vexFiles = "";
    /**
     * ValidatingAdmissionPolicies, their bindings and params (the cluster's admission configuration): paths or globs
     * relative to the workspace, separated by commas or new lines, evaluated against the manifests but not checked
     * themselves.
     */
    @DataBoundSetter
    public String admissionPolicies = "";
    /** The policy file, relative to the workspace; empty uses {@code k8s-security.yaml} there, if present. */
    @DataBoundSetter
    public String policy = "";
    /** Overrides the policy's {@code failOn}: a severity or {@code NONE}, in any case; empty keeps the policy's. */
    @DataBoundSetter
    public String failOn = "";
    /** Overrides the policy's {@code warnOn}: a severity or {@code NONE}, in any case; empty keeps the policy's. */
    @DataBoundSetter
    public String warnOn = "";
    /** Overrides the policy's {@code newFindingsOnly}; unset keeps the policy's. */
    @DataBoundSetter
    public @CheckForNull Boolean newFindingsOnly;
    /**
     * The reference for new-findings-only gating: {@code referenceBuild} (the default, also when empty), {@code none},
     * a JSON report, a baseline store directory in the workspace, or a Git store URL.
     */
    @DataBoundSetter
    public String baseline = StepRequest.REFERENCE_BUILD;
    /** The version of a baseline store compared with; unset: the newest. */
    @DataBoundSetter
    public @CheckForNull Long baselineVersion;
    /** The branch of a Git baseline store; empty: the store's default, {@code k8s-security-baselines}. */
    @DataBoundSetter
    public String baselineBranch = "";
    /** The job whose builds are searched for the reference build (full name, or relative); empty for this job. */
    @DataBoundSetter
    public String referenceJob = "";
    /** The worst result a reference build may have: {@code UNSTABLE} (the default, also when empty) or SUCCESS. */
    @DataBoundSetter
    public String requiredResult = ReferenceBuildRule.DEFAULT_REQUIRED_RESULT;
    /** Accepts a reference build whose own gate did not pass. */
    @DataBoundSetter
    public boolean ignoreQualityGate;
    /** Overrides the policy's {@code failOnInputError}; unset keeps the policy's (fail closed by default). */
    @DataBoundSetter
    public @CheckForNull Boolean failOnInputError;
    /** Turns every check on, optional ones included. */
    @DataBoundSetter
    public boolean enableAll;
    /** When the gate fails, mark the build FAILURE and go on instead of stopping the Pipeline. */
    @DataBoundSetter
    public boolean continueOnFailure;
    /** The workspace directory the reports are written to; empty for {@code k8s-security-reports}. */
    @DataBoundSetter
    public String reportDir = GateOptions.DEFAULT_OUTPUT_DIRECTORY;
    /**
     * Helm charts to render and check (directories holding {@code Chart.yaml}), relative to the workspace, separated
     * by commas or new lines; a chart among the manifests is rendered as well.
     */
    @DataBoundSetter
    public String charts = "";
    /** Values files for the charts, as {@code helm template -f}, in order; separated by commas or new lines. */
    @DataBoundSetter
    public String valuesFiles = "";
    /**
     * Values for the charts, as {@code helm template --set key=value}, one per line (a line may hold several,
     * separated by commas, as Helm reads them). Reports name the keys, never the values.
     */
    @DataBoundSetter
    public String setValues = "";
    /** The release name the charts are rendered with; empty keeps the policy's, or {@code release-name}. */
    @DataBoundSetter
    public String release = "";
    /** The namespace the charts are rendered for; empty keeps the policy's, or {@code default}. */
    @DataBoundSetter
    public String namespace = "";
    /**
     * The command that renders a kustomization directory on the agent, such as {@code kubectl kustomize}; empty keeps
     * the policy's, or the first of {@code kustomize} and {@code kubectl} on the agent's PATH.
     */
    @DataBoundSetter
    public String kustomizeCommand = "";

    /**
     * Creates the step.
     *
     * @param manifests see {@link #manifests}
     */
    @DataBoundConstructor
    public SecurityGateStep(final String manifests) {
        this.manifests = Util.fixNull(manifests);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new SecurityGateExecution(context, this);
    }

    /** Declares the step, its function name and the Snippet Generator form. */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "K8s Security Gate: check Kubernetes manifests and gate the build";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class);
        }

        public ListBoxModel doFillFailOnItems() {
            return thresholds();
        }

        public ListBoxModel doFillWarnOnItems() {
            return thresholds();
        }

        public ListBoxModel doFillRequiredResultItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("UNSTABLE (successful or unstable builds)", "UNSTABLE");
            items.add("SUCCESS (successful builds only)", "SUCCESS");
            return items;
        }

        public FormValidation doCheckManifests(@QueryParameter final String value) {
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.warning("Without manifests the step checks the inputs the policy lists "
                            + "(inputs: in k8s-security.yaml); with none there, the gate fails: nothing to check")
                    : FormValidation.ok();
        }

        private static ListBoxModel thresholds() {
            ListBoxModel items = new ListBoxModel();
            items.add("(as the policy says)", "");
            for (Severity s : Severity.values()) {
                items.add(s.name(), s.name());
            }
            items.add("NONE (never)", "NONE");
            return items;
        }
    }
}
