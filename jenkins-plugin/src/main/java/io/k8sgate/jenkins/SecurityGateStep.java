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
import io.k8sgate.core.model.Severity;
import java.util.Locale;
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
 */
public class SecurityGateStep extends Step {
    /** The function name in Pipeline scripts. */
    public static final String FUNCTION_NAME = "k8sSecurityGate";
    /** The workspace directory reports are written to when none is given. */
    public static final String DEFAULT_REPORT_DIR = GateOptions.DEFAULT_OUTPUT_DIRECTORY;
    /** The {@link #getBaseline()} value that takes the report of a reference build (see {@link ReferenceBuild}). */
    public static final String REFERENCE_BUILD = "referenceBuild";
    /** The {@link #getBaseline()} value that uses no reference at all. */
    public static final String NO_BASELINE = "none";

    private final String manifests;
    private String trivyReports = "";
    private String trivyIgnoreFiles = "";
    private String vexFiles = "";
    private String admissionPolicies = "";
    private String policy = "";
    private String failOn = "";
    private String warnOn = "";
    private @CheckForNull Boolean newFindingsOnly;
    private String baseline = REFERENCE_BUILD;
    private @CheckForNull Long baselineVersion;
    private String baselineBranch = "";
    private String referenceJob = "";
    private String requiredResult = ReferenceBuild.DEFAULT_REQUIRED_RESULT;
    private boolean ignoreQualityGate;
    private @CheckForNull Boolean failOnInputError;
    private boolean enableAll;
    private boolean continueOnFailure;
    private String reportDir = DEFAULT_REPORT_DIR;
    private String charts = "";
    private String valuesFiles = "";
    private String setValues = "";
    private String release = "";
    private String namespace = "";
    private String kustomizeCommand = "";

    /**
     * Creates the step.
     *
     * @param manifests files, directories (Helm charts and kustomization directories among them) or globs relative
     *                  to the workspace, separated by commas or new lines; empty checks what the policy lists
     */
    @DataBoundConstructor
    public SecurityGateStep(final String manifests) {
        this.manifests = Util.fixNull(manifests).trim();
    }

    public String getManifests() {
        return manifests;
    }

    public String getTrivyReports() {
        return trivyReports;
    }

    /** Globs of Trivy JSON reports, relative to the workspace. */
    @DataBoundSetter
    public void setTrivyReports(final String trivyReports) {
        this.trivyReports = Util.fixNull(trivyReports).trim();
    }

    public String getTrivyIgnoreFiles() {
        return trivyIgnoreFiles;
    }

    /** {@code .trivyignore} or {@code .trivyignore.yaml} files, relative to the workspace. */
    @DataBoundSetter
    public void setTrivyIgnoreFiles(final String trivyIgnoreFiles) {
        this.trivyIgnoreFiles = Util.fixNull(trivyIgnoreFiles).trim();
    }

    public String getVexFiles() {
        return vexFiles;
    }

    /** OpenVEX documents, relative to the workspace. */
    @DataBoundSetter
    public void setVexFiles(final String vexFiles) {
        this.vexFiles = Util.fixNull(vexFiles).trim();
    }

    public String getAdmissionPolicies() {
        return admissionPolicies;
    }

    /**
     * ValidatingAdmissionPolicies, their bindings and params (the cluster's admission configuration): paths or globs
     * relative to the workspace, separated by commas or new lines, evaluated against the manifests but not checked
     * themselves.
     */
    @DataBoundSetter
    public void setAdmissionPolicies(final String admissionPolicies) {
        this.admissionPolicies = Util.fixNull(admissionPolicies).trim();
    }

    public String getPolicy() {
        return policy;
    }

    /** The policy file, relative to the workspace; empty uses {@code k8s-security.yaml} there, if present. */
    @DataBoundSetter
    public void setPolicy(final String policy) {
        this.policy = Util.fixNull(policy).trim();
    }

    public String getFailOn() {
        return failOn;
    }

    /** Overrides the policy's {@code failOn}: a severity or {@code NONE}; empty keeps the policy's. */
    @DataBoundSetter
    public void setFailOn(final String failOn) {
        this.failOn = Util.fixNull(failOn).trim().toUpperCase(Locale.ROOT);
    }

    public String getWarnOn() {
        return warnOn;
    }

    /** Overrides the policy's {@code warnOn}: a severity or {@code NONE}; empty keeps the policy's. */
    @DataBoundSetter
    public void setWarnOn(final String warnOn) {
        this.warnOn = Util.fixNull(warnOn).trim().toUpperCase(Locale.ROOT);
    }

    public @CheckForNull Boolean getNewFindingsOnly() {
        return newFindingsOnly;
    }

    /** Overrides the policy's {@code newFindingsOnly}; unset keeps the policy's. */
    @DataBoundSetter
    public void setNewFindingsOnly(final @CheckForNull Boolean newFindingsOnly) {
        this.newFindingsOnly = newFindingsOnly;
    }

    public String getBaseline() {
        return baseline;
    }

    /**
     * The reference for new-findings-only gating: {@code referenceBuild} (the default), {@code none}, a JSON report,
     * a baseline store directory in the workspace, or a Git store URL.
     */
    @DataBoundSetter
    public void setBaseline(final String baseline) {
        String b = Util.fixEmptyAndTrim(baseline);
        this.baseline = b == null ? REFERENCE_BUILD : b;
    }

    public @CheckForNull Long getBaselineVersion() {
        return baselineVersion;
    }

    /** The version of a baseline store compared with; unset: the newest. */
    @DataBoundSetter
    public void setBaselineVersion(final @CheckForNull Long baselineVersion) {
        this.baselineVersion = baselineVersion;
    }

    public String getBaselineBranch() {
        return Util.fixNull(baselineBranch); // null in a step serialised before the field existed
    }

    /** The branch of a Git baseline store; empty: the store's default, {@code k8s-security-baselines}. */
    @DataBoundSetter
    public void setBaselineBranch(final String baselineBranch) {
        this.baselineBranch = Util.fixNull(baselineBranch).trim();
    }

    public String getReferenceJob() {
        return referenceJob;
    }

    /** The job whose builds are searched for the reference build (full name, or relative); empty for this job. */
    @DataBoundSetter
    public void setReferenceJob(final String referenceJob) {
        this.referenceJob = Util.fixNull(referenceJob).trim();
    }

    public String getRequiredResult() {
        return requiredResult;
    }

    /** The worst result a reference build may have: {@code UNSTABLE} (the default) or {@code SUCCESS}. */
    @DataBoundSetter
    public void setRequiredResult(final String requiredResult) {
        String r = Util.fixEmptyAndTrim(requiredResult);
        this.requiredResult = r == null ? ReferenceBuild.DEFAULT_REQUIRED_RESULT : r.toUpperCase(Locale.ROOT);
    }

    public boolean isIgnoreQualityGate() {
        return ignoreQualityGate;
    }

    /** Accepts a reference build whose own gate did not pass. */
    @DataBoundSetter
    public void setIgnoreQualityGate(final boolean ignoreQualityGate) {
        this.ignoreQualityGate = ignoreQualityGate;
    }

    public @CheckForNull Boolean getFailOnInputError() {
        return failOnInputError;
    }

    /** Overrides the policy's {@code failOnInputError}; unset keeps the policy's (fail closed by default). */
    @DataBoundSetter
    public void setFailOnInputError(final @CheckForNull Boolean failOnInputError) {
        this.failOnInputError = failOnInputError;
    }

    public boolean isEnableAll() {
        return enableAll;
    }

    /** Turns every check on, optional ones included. */
    @DataBoundSetter
    public void setEnableAll(final boolean enableAll) {
        this.enableAll = enableAll;
    }

    public boolean isContinueOnFailure() {
        return continueOnFailure;
    }

    /** When the gate fails, mark the build FAILURE and go on instead of stopping the Pipeline. */
    @DataBoundSetter
    public void setContinueOnFailure(final boolean continueOnFailure) {
        this.continueOnFailure = continueOnFailure;
    }

    public String getReportDir() {
        return reportDir;
    }

    /** The workspace directory the reports are written to. */
    @DataBoundSetter
    public void setReportDir(final String reportDir) {
        String d = Util.fixEmptyAndTrim(reportDir);
        this.reportDir = d == null ? DEFAULT_REPORT_DIR : d;
    }

    public String getCharts() {
        return Util.fixNull(charts); // null in a step serialised before the field existed
    }

    /**
     * Helm charts to render and check (directories holding {@code Chart.yaml}), relative to the workspace, separated
     * by commas or new lines; a chart among the manifests is rendered as well.
     */
    @DataBoundSetter
    public void setCharts(final String charts) {
        this.charts = Util.fixNull(charts).trim();
    }

    public String getValuesFiles() {
        return Util.fixNull(valuesFiles); // null in a step serialised before the field existed
    }

    /** Values files for the charts, as {@code helm template -f}, in order; separated by commas or new lines. */
    @DataBoundSetter
    public void setValuesFiles(final String valuesFiles) {
        this.valuesFiles = Util.fixNull(valuesFiles).trim();
    }

    public String getSetValues() {
        return Util.fixNull(setValues); // null in a step serialised before the field existed
    }

    /**
     * Values for the charts, as {@code helm template --set key=value}, one per line (a line may hold several,
     * separated by commas, as Helm reads them). Reports name the keys, never the values.
     */
    @DataBoundSetter
    public void setSetValues(final String setValues) {
        this.setValues = Util.fixNull(setValues).trim();
    }

    public String getRelease() {
        return Util.fixNull(release); // null in a step serialised before the field existed
    }

    /** The release name the charts are rendered with; empty keeps the policy's, or {@code release-name}. */
    @DataBoundSetter
    public void setRelease(final String release) {
        this.release = Util.fixNull(release).trim();
    }

    public String getNamespace() {
        return Util.fixNull(namespace); // null in a step serialised before the field existed
    }

    /** The namespace the charts are rendered for; empty keeps the policy's, or {@code default}. */
    @DataBoundSetter
    public void setNamespace(final String namespace) {
        this.namespace = Util.fixNull(namespace).trim();
    }

    public String getKustomizeCommand() {
        return Util.fixNull(kustomizeCommand); // null in a step serialised before the field existed
    }

    /**
     * The command that renders a kustomization directory on the agent, such as {@code kubectl kustomize}; empty keeps
     * the policy's, or the first of {@code kustomize} and {@code kubectl} on the agent's PATH.
     */
    @DataBoundSetter
    public void setKustomizeCommand(final String kustomizeCommand) {
        this.kustomizeCommand = Util.fixNull(kustomizeCommand).trim();
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
