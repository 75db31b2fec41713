package io.k8sgate.jenkins;

import hudson.FilePath;
import hudson.Functions;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Run;
import io.k8sgate.core.frontend.StepResult;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import java.io.File;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * The gate's result on a build: status and counts only, because the findings live in the JSON report kept in the
 * build directory (XStream cannot read records back). Its page shows the engine's HTML report inside the Jenkins
 * layout, framed from {@code report/}, which serves the kept files under Jenkins' Content-Security-Policy for user
 * content: the files come from the agent, so they are never inserted into a Jenkins page as markup.
 */
public class SecurityGateAction implements RunAction2 {
    /** The URL below the build and the name of the directory in the build directory. */
    public static final String URL_NAME = "k8s-security";
    /** The report files kept with the build, as an Ant pattern. */
    static final String KEPT_FILES = String.join(",", ReportFormat.JSON.fileName(), ReportFormat.SARIF.fileName(),
            ReportFormat.HTML.fileName(), ReportFormat.JUNIT.fileName(), ReportFormat.MARKDOWN.fileName(),
            ReportFiles.STYLESHEET);

    private final String status;
    private final String summary;
    private final LinkedHashMap<String, Integer> counted;
    private final int suppressed;
    private final int resources;
    private final int inputErrors;
    private transient Run<?, ?> run;

    SecurityGateAction(final StepResult r) {
        this.status = r.verdict().status().name();
        this.summary = r.summary();
        this.counted = new LinkedHashMap<>(r.counted());
        this.suppressed = r.suppressed();
        this.resources = r.resources();
        this.inputErrors = r.inputErrors();
    }

    /** Where a build keeps its reports. */
    static File reportDirectory(final Run<?, ?> build) {
        return new File(build.getRootDir(), URL_NAME);
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-lock-closed";
    }

    @Override
    public String getDisplayName() {
        return "K8s Security Report";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** PASS, WARN or FAIL. */
    public String getStatus() {
        return status;
    }

    public String getSummary() {
        return summary;
    }

    /** Counted findings by severity, most severe first. */
    public Map<String, Integer> getCounted() {
        return Collections.unmodifiableMap(counted);
    }

    /** Every counted finding. */
    public int getTotal() {
        return counted.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int getSuppressed() {
        return suppressed;
    }

    public int getResources() {
        return resources;
    }

    public int getInputErrors() {
        return inputErrors;
    }

    /** The lower-case status, for CSS classes (in any locale: FAIL must not become "faıl"). */
    public String getStatusClass() {
        return status.toLowerCase(java.util.Locale.ROOT);
    }

    public String getJsonFileName() {
        return ReportFormat.JSON.fileName();
    }

    public String getSarifFileName() {
        return ReportFormat.SARIF.fileName();
    }

    public String getHtmlFileName() {
        return ReportFormat.HTML.fileName();
    }

    /**
     * True when the current user may read the report files: they are artifacts of the build, so Jenkins' ARTIFACTS
     * permission applies when it is turned on ({@code hudson.security.ArtifactsPermission}), as for archived files.
     */
    public boolean isReportReadable() {
        return !Functions.isArtifactsPermissionEnabled() || run.hasPermission(Run.ARTIFACTS);
    }

    /** Serves the kept report files ({@code report/k8s-security-report.json}, ...) and their list ({@code report/}). */
    public DirectoryBrowserSupport doReport() {
        if (!isReportReadable()) {
            run.checkPermission(Run.ARTIFACTS);
        }
        return new DirectoryBrowserSupport(run, new FilePath(reportDirectory(run)), getDisplayName(),
                getIconFileName(), true);
    }
}
