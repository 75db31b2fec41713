package io.k8sgate.maven;

import io.k8sgate.core.GateOptions;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.ProjectManifests;
import io.k8sgate.core.SecurityGate;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters of the gating goals ({@code check}, {@code aggregate}). */
abstract class AbstractGateMojo extends AbstractMojo {
    /** Skips the goal. */
    @Parameter(property = "k8s-security.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Manifest files, directories (read recursively) and globs, relative to the project directory. When not set:
     * {@code src/main/k8s}, {@code src/main/kubernetes}, and the manifests Eclipse JKube generates under
     * {@code target/classes/META-INF/jkube/} (each object read once), or JKube's fragments in
     * {@code src/main/jkube} while nothing was generated.
     */
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

    /** The policy file; default: {@code k8s-security.yaml} in the project directory, when present. */
    @Parameter(property = "k8s-security.policy")
    private File policy;

    /** Overrides the policy's failOn: CRITICAL, HIGH, MEDIUM, LOW, INFO or NONE. */
    @Parameter(property = "k8s-security.failOn")
    private String failOn;

    /** Overrides the policy's warnOn: CRITICAL, HIGH, MEDIUM, LOW, INFO or NONE. */
    @Parameter(property = "k8s-security.warnOn")
    private String warnOn;

    /** Overrides the policy's failOnInputError (default in the policy: true, unreadable input fails the gate). */
    @Parameter(property = "k8s-security.failOnInputError")
    private Boolean failOnInputError;

    /**
     * Helm charts to render and check (directories holding {@code Chart.yaml}), relative to the project directory;
     * a chart among the manifests is rendered as well. Hooks are checked and marked.
     */
    @Parameter(property = "k8s-security.charts")
    private List<String> charts;

    /** Values files for the charts, as {@code helm template -f}, applied in order (default: the policy's). */
    @Parameter(property = "k8s-security.valuesFiles")
    private List<String> valuesFiles;

    /**
     * Values for the charts, as {@code helm template --set key=value}, applied in order after the values files.
     * Reports name the keys, never the values.
     */
    @Parameter(property = "k8s-security.setValues")
    private List<String> setValues;

    /** The release name the charts are rendered with (default: the policy's, or {@code release-name}). */
    @Parameter(property = "k8s-security.release")
    private String release;

    /** The namespace the charts are rendered for (default: the policy's, or {@code default}). */
    @Parameter(property = "k8s-security.namespace")
    private String namespace;

    /**
     * The command that renders a kustomization directory, such as {@code kubectl kustomize} (default: the policy's,
     * or the first of {@code kustomize} and {@code kubectl} on the PATH).
     */
    @Parameter(property = "k8s-security.kustomizeCommand")
    private String kustomizeCommand;

    /** Turns on every check, optional ones included. */
    @Parameter(property = "k8s-security.enableAll", defaultValue = "false")
    private boolean enableAll;

    /**
     * The baseline store (a directory). When it exists, findings are compared with a recorded version (new,
     * outstanding, fixed) and the drift of the configuration is reported; the {@code baseline} goal records versions
     * into it.
     */
    @Parameter(property = "k8s-security.baselineStore", defaultValue = "${project.basedir}/.k8s-security/baselines")
    private File baselineStore;

    /** The version to compare with; default: the newest. */
    @Parameter(property = "k8s-security.baselineVersion")
    private Long baselineVersion;

    /** Overrides the policy's newFindingsOnly: only findings that are not in the baseline count. */
    @Parameter(property = "k8s-security.newFindingsOnly")
    private Boolean newFindingsOnly;

    /** Reports to write: html, json, sarif, junit, md. */
    @Parameter(property = "k8s-security.formats", defaultValue = "html,json,sarif")
    private List<String> formats;

    /** Fails the build when there is no manifest to check; by default the goal logs that and does nothing. */
    @Parameter(property = "k8s-security.failIfNoManifests", defaultValue = "false")
    private boolean failIfNoManifests;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("K8s Security Gate: skipped (k8s-security.skip)");
            return;
        }
        gate();
    }

    /** Runs the goal; not called when skipped. */
    abstract void gate() throws MojoExecutionException, MojoFailureException;

    /** The settings shared by every goal. */
    final GateParameters parameters() {
        return GateParameters.of(manifests, trivyReports, trivyIgnoreFiles, vexFiles, policy, failOn, warnOn,
                failOnInputError, enableAll, new GateParameters.Charts(charts, valuesFiles, setValues, release,
                        namespace, kustomizeCommand));
    }

    /** Runs the gate over {@code inputs}, or handles "nothing to check" as {@code failIfNoManifests} says. */
    final void gate(final Path root, final List<String> inputs, final String searched, final Path outputDirectory)
            throws MojoExecutionException, MojoFailureException {
        GateOptions options = options(root, inputs);
        if (GateExecution.request(new SecurityGate(), options, baseline()).manifests().isEmpty()) {
            nothingToCheck(searched);
            return;
        }
        new GateExecution(getLog()).run(options, baseline(),
                GateExecution.formats(formats == null ? List.of() : formats),
                outputDirectory);
    }

    /**
     * The options of a run over {@code inputs}: what the POM configures is read as named; the default folders only
     * when the policy lists no inputs of its own ({@code inputs:}).
     */
    final GateOptions options(final Path root, final List<String> inputs) {
        GateParameters p = parameters();
        return p.manifests().isEmpty() ? p.options(root, List.of(), inputs) : p.options(root, inputs, List.of());
    }

    /** Logs that there is nothing to check, or fails when {@code failIfNoManifests} says so. */
    final void nothingToCheck(final String searched) throws MojoFailureException {
        String message = "K8s Security Gate: no Kubernetes manifests found (looked in " + searched + ")";
        if (failIfNoManifests) {
            throw new MojoFailureException(message + "; failIfNoManifests is true");
        }
        getLog().info(message + "; nothing to check");
    }

    /**
     * The request over this project's manifests, compared with the baseline; empty (after logging, or failing when
     * {@code failIfNoManifests} says so) when there is nothing to check.
     */
    final Optional<GateRequest> projectRequest(final SecurityGate gate)
            throws MojoExecutionException, MojoFailureException {
        GateRequest request = GateExecution.request(gate, options(project.getBasedir().toPath(), projectInputs()),
                baseline());
        if (request.manifests().isEmpty()) {
            nothingToCheck(searched(parameters().manifests()));
            return Optional.empty();
        }
        return Optional.of(request);
    }

    /** The manifest inputs of this project. */
    final List<String> projectInputs() {
        return parameters().inputs(project.getBasedir().toPath(), Path.of(project.getBuild().getOutputDirectory()));
    }

    /** The baseline this goal compares with. */
    final BaselineSettings baseline() {
        return new BaselineSettings(baselineStore.toPath(), baselineVersion == null ? OptionalLong.empty()
                : OptionalLong.of(baselineVersion), Optional.ofNullable(newFindingsOnly));
    }

    /** The project this goal runs in. */
    final MavenProject project() {
        return project;
    }

    /** Where the default manifests are looked for, for the "nothing found" message. */
    final String searched(final List<String> configured) {
        return configured.isEmpty() ? String.join(", ", ProjectManifests.SOURCE_FOLDERS) + ", "
                + ProjectManifests.JKUBE_FRAGMENTS + ", target/classes/" + ProjectManifests.JKUBE_OUTPUT
                : String.join(", ", configured);
    }
}
