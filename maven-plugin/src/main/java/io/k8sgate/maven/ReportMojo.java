package io.k8sgate.maven;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateReport;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.report.HtmlReportWriter;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenMultiPageReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The gate's report as a page of the Maven site, with the content of the HTML report: decision and reasons, counts,
 * findings by resource with file and line and how to fix them, suppressed findings and input problems. The page
 * shows the decision; it never fails the site build because of it.
 *
 * <p>It takes every parameter of the {@code check} goal, with the same meaning: it is a gating goal that the site
 * plugin asks for a page. Run on its own ({@code mvn k8s-security:report}) it writes the HTML report to the reporting
 * directory ({@code target/site/k8s-security-report.html}).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public final class ReportMojo extends AbstractGateMojo implements MavenMultiPageReport {
    /** The page's file name, without extension. */
    static final String OUTPUT_NAME = "k8s-security";

    /** Where the site's pages go; the site plugin sets it for the page. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File reportOutputDirectory;

    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        Optional<GateOptions> options = projectOptions();
        if (options.isEmpty()) {
            return;
        }
        GateReport report;
        try {
            report = new GateRunner().run(options.get().toBuilder().formats(List.of(ReportFormat.HTML))
                    .outputDirectory(reportOutputDirectory.toPath()).build());
        } catch (ConfigurationException | InputException | IOException e) {
            throw new MojoExecutionException("K8s Security Gate: cannot write the report: " + e.getMessage(), e);
        }
        getLog().info("K8s Security Gate: " + report.outcome().status() + "; " + report.where());
    }

    @Override
    public void generate(final Sink sink, final SinkFactory sinkFactory, final Locale locale)
            throws MavenReportException {
        generate(sink, locale);
    }

    @Override
    public void generate(final Sink sink, final Locale locale) throws MavenReportException {
        GateOutcome outcome;
        try {
            outcome = GateExecution.evaluate(pageOptions());
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        copyStylesheet(getReportOutputDirectory().toPath());
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

    @Override
    @SuppressWarnings("deprecation") // still abstract in the reporting API: a report must name its page
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
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
    public void setReportOutputDirectory(final File directory) {
        this.reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        if (skipped()) {
            return false;
        }
        try {
            return GateExecution.reads(pageOptions());
        } catch (MojoExecutionException e) {
            return true; // the page then says what is wrong with the configuration
        }
    }

    /** The options of the page's run: the project's manifests, compared with its baseline store when it exists. */
    private GateOptions pageOptions() throws MojoExecutionException {
        return options(basedir(), projectInputs(), null).toBuilder().formats(List.of()).build();
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
