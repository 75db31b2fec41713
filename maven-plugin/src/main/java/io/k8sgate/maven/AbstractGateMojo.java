package io.k8sgate.maven;

import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.policy.ConfigurationException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    /** Overrides the policy's failOn: CRITICAL, HIGH, MEDIUM, LOW, INFO or NONE. */
    @Parameter(property = "k8s-security.failOn")
    private String failOn;

    /** Overrides the policy's warnOn: CRITICAL, HIGH, MEDIUM, LOW, INFO or NONE. */
    @Parameter(property = "k8s-security.warnOn")
    private String warnOn;

    /** Overrides the policy's failOnInputError (default in the policy: true, unreadable input fails the gate). */
    @Parameter(property = "k8s-security.failOnInputError")
    private Boolean failOnInputError;

    /** Turns on every check, optional ones included. */
    @Parameter(property = "k8s-security.enableAll", defaultValue = "false")
    private boolean enableAll;

    /**
     * The baseline store: a directory relative to the project (or absolute) inside it; default:
     * {@code .k8s-security/baselines}. When it exists, findings are compared with a recorded version (new,
     * outstanding, fixed) and the drift of the configuration is reported; {@code none} compares with nothing. The
     * {@code baseline} goal records versions into it.
     */
    @Parameter(property = "k8s-security.baselineStore")
    private String baselineStore;

    /** The version to compare with; default: the newest. */
    @Parameter(property = "k8s-security.baselineVersion")
    private Long baselineVersion;

    /** Overrides the policy's newFindingsOnly: only findings that are not in the baseline count. */
    @Parameter(property = "k8s-security.newFindingsOnly")
    private Boolean newFindingsOnly;

    /** Reports to write: html, json, sarif, junit, md; default: html, json, sarif. */
    @Parameter(property = "k8s-security.formats")
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

    /**
     * The options of a run over {@code inputs} below {@code root}: every shared parameter, each passed on as the user
     * set it, the engine's defaults for the rest.
     *
     * @throws MojoExecutionException when a parameter is wrong (an unknown report format)
     */
    final GateOptions options(final Path root, final List<String> inputs, final Path outputDirectory)
            throws MojoExecutionException {
        try {
            return GateOptions.builder(root).manifests(inputs).policyFile(path(policy)).failOn(failOn).warnOn(warnOn)
                    .failOnInputError(failOnInputError).newFindingsOnly(newFindingsOnly).enableAll(enableAll)
                    .baseline(baselineStore).baselineVersion(baselineVersion)
                    .trivyReports(trivyReports).trivyIgnoreFiles(trivyIgnoreFiles).vexFiles(vexFiles)
                    .admissionPolicies(admissionPolicies).formatNames(formats).outputDirectory(outputDirectory).build();
        } catch (ConfigurationException e) {
            throw GateExecution.configurationError(e);
        }
    }

    /** Runs the gate over {@code inputs}, or handles "nothing to check" as {@code failIfNoManifests} says. */
    final void gate(final Path root, final List<String> inputs, final String searched, final Path outputDirectory)
            throws MojoExecutionException, MojoFailureException {
        if (inputs.isEmpty()) {
            nothingToCheck(searched);
            return;
        }
        new GateExecution(getLog()).run(options(root, inputs, outputDirectory));
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
     * The options of a run over this project's manifests; empty (after logging, or failing when
     * {@code failIfNoManifests} says so) when there is nothing to check.
     */
    final Optional<GateOptions> projectOptions() throws MojoExecutionException, MojoFailureException {
        List<String> inputs = projectInputs();
        if (inputs.isEmpty()) {
            nothingToCheck(ProjectInputs.searched(manifests));
            return Optional.empty();
        }
        return Optional.of(options(basedir(), inputs, null));
    }

    /** The options of the baseline store alone (history, export), for this project. */
    final GateOptions storeOptions() throws MojoExecutionException {
        return options(basedir(), List.of(), null);
    }

    /** The manifest inputs of this project. */
    final List<String> projectInputs() {
        return ProjectInputs.of(manifests, basedir(), Path.of(project.getBuild().getOutputDirectory()));
    }

    /** The project this goal runs in. */
    final MavenProject project() {
        return project;
    }

    /** Where the default manifests are looked for, for the "nothing found" message. */
    final String searched() {
        return ProjectInputs.searched(manifests);
    }

    private Path basedir() {
        return project.getBasedir().toPath();
    }

    private static Path path(final File file) {
        return file == null ? null : file.toPath();
    }
}
