package io.k8sgate.maven;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.report.HtmlReportWriter;
import io.k8sgate.core.report.ReportFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The gate's report as a page of the Maven site, with the content of the HTML report: decision and reasons, counts,
 * findings by resource with file and line and how to fix them, suppressed findings and input problems. The page
 * shows the decision; it never fails the site build because of it.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public final class ReportMojo extends AbstractMavenReport {
    /** The page's file name, without extension. */
    static final String OUTPUT_NAME = "k8s-security";

    /** Skips the report. */
    @Parameter(property = "k8s-security.skip", defaultValue = "false")
    private boolean skip;

    /** Manifest inputs, as for the {@code check} goal. */
    @Parameter(property = "k8s-security.manifests")
    private List<String> manifests;

    /**
     * Trivy-compatible scan reports of the deployed images (JSON of trivy image/fs/config/k8s, Trivy Operator
     * VulnerabilityReports, CycloneDX with vulnerabilities), relative to the project directory; each report is
     * matched to the workloads that deploy its image.
     */
    @Parameter(property = "k8s-security.trivyReports")
    private List<String> trivyReports;

    /** {@code .trivyignore} / {@code .trivyignore.yaml} files, relative to the project directory. */
    @Parameter(property = "k8s-security.trivyIgnoreFiles")
    private List<String> trivyIgnoreFiles;

    /** OpenVEX documents, relative to the project directory. */
    @Parameter(property = "k8s-security.vexFiles")
    private List<String> vexFiles;

    /**
     * ValidatingAdmissionPolicies, their bindings and params (the cluster's admission configuration): files,
     * directories or globs relative to the project directory, evaluated against the manifests but not checked
     * themselves. Policies among the manifests are evaluated too.
     */
    @Parameter(property = "k8s-security.admissionPolicies")
    private List<String> admissionPolicies;

    /** The policy file; default: {@code k8s-security.yaml} in the project directory, when present. */
    @Parameter(property = "k8s-security.policy")
    private File policy;

    /** Overrides the policy's failOn. */
    @Parameter(property = "k8s-security.failOn")
    private String failOn;

    /** Overrides the policy's warnOn. */
    @Parameter(property = "k8s-security.warnOn")
    private String warnOn;

    /** Overrides the policy's failOnInputError. */
    @Parameter(property = "k8s-security.failOnInputError")
    private Boolean failOnInputError;

    /** Turns on every check, optional ones included. */
    @Parameter(property = "k8s-security.enableAll", defaultValue = "false")
    private boolean enableAll;

    @Override
    @SuppressWarnings("deprecation") // still abstract in the reporting API: a report must name its page
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(final Locale locale) {
        return "K8s Security Gate";
    }

    @Override
    public String getDescription(final Locale locale) {
        return "Kubernetes manifest security findings and the gate's decision.";
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            return false;
        }
        try {
            return GateExecution.reads(options());
        } catch (MojoExecutionException e) {
            return true; // the page then says what is wrong with the configuration
        }
    }

    @Override
    protected void executeReport(final Locale locale) throws MavenReportException {
        GateOutcome outcome;
        try {
            outcome = GateExecution.evaluate(options());
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        copyStylesheet(getReportOutputDirectory().toPath());
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text("K8s Security Gate: " + outcome.status());
        sink.title_();
        sink.head_();
        sink.body();
        // the engine's fragment is escaped HTML; a stylesheet link is allowed in the body
        sink.rawText("<link rel=\"stylesheet\" href=\"" + ReportFiles.STYLESHEET + "\">\n"
                + new HtmlReportWriter().fragment(outcome));
        sink.body_();
        sink.flush();
    }

    /** The options of the page's run: the project's manifests, compared with its baseline store when it exists. */
    private GateOptions options() throws MojoExecutionException {
        try {
            ProjectInputs.Inputs inputs = inputs();
            return GateOptions.builder(getProject().getBasedir().toPath()).manifests(inputs.named())
                    .defaultManifests(inputs.defaults()).confineToRoot(false)
                    .policyFile(policy == null ? null : policy.toPath()).failOn(failOn).warnOn(warnOn)
                    .failOnInputError(failOnInputError).enableAll(enableAll).trivyReports(trivyReports)
                    .trivyIgnoreFiles(trivyIgnoreFiles).vexFiles(vexFiles).admissionPolicies(admissionPolicies)
                    .formats(List.of()).build();
        } catch (ConfigurationException e) {
            throw GateExecution.configurationError(e);
        }
    }

    private ProjectInputs.Inputs inputs() {
        return ProjectInputs.of(manifests, getProject().getBasedir().toPath(),
                Path.of(getProject().getBuild().getOutputDirectory()));
    }

    private static void copyStylesheet(final Path directory) throws MavenReportException {
        try (InputStream css = ReportFiles.stylesheet()) {
            Files.createDirectories(directory);
            Files.copy(css, directory.resolve(ReportFiles.STYLESHEET), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MavenReportException("Cannot copy the report stylesheet to " + directory + ": " + e, e);
        }
    }
}
