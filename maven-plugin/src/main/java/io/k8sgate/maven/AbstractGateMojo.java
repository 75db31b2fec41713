package io.k8sgate.maven;

import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.policy.ConfigurationException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of every goal that checks manifests ({@code check}, {@code aggregate}, {@code baseline},
 * {@code diff}, {@code report}), each the counterpart of a command-line option of the same meaning, and the one place
 * where they become the engine's {@link GateOptions}.
 */
abstract class AbstractGateMojo extends AbstractStoreMojo {
    /**
     * Manifest files, directories (read recursively), globs, Helm charts and kustomization directories, relative to
     * the project directory or absolute. When not set: the inputs the policy lists ({@code inputs:}), else
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

    /**
     * The namespace the inputs are deployed to: namespaced objects of every input (manifests, kustomizations, charts)
     * that name none are checked in it, and charts are rendered for it ({@code .Release.Namespace}). Default: none
     * (charts are then rendered as {@code default}, and an object that copies that release namespace counts as naming
     * none), or the policy's namespace for a chart.
     */
    @Parameter(property = "k8s-security.namespace")
    private String namespace;

    /**
     * The command that renders a kustomization directory, such as {@code kubectl kustomize} (default: the policy's,
     * or the first of {@code kustomize} and {@code kubectl} on the PATH).
     */
    @Parameter(property = "k8s-security.kustomizeCommand")
    private String kustomizeCommand;

    /** Overrides the policy's newFindingsOnly: only findings that are not in the baseline count. */
    @Parameter(property = "k8s-security.newFindingsOnly")
    private Boolean newFindingsOnly;

    /** Turns on every check, optional ones included. */
    @Parameter(property = "k8s-security.enableAll", defaultValue = "false")
    private boolean enableAll;

    /** Reports to write: html, json, sarif, junit, md; default: html, json, sarif. */
    @Parameter(property = "k8s-security.formats")
    private List<String> formats;

    /** How many findings the build log lists; default: 25. */
    @Parameter(property = "k8s-security.maxFindings")
    private Integer maxFindings;

    /** Fails the build when there is no manifest to check; by default the goal logs that and does nothing. */
    @Parameter(property = "k8s-security.failIfNoManifests", defaultValue = "false")
    private boolean failIfNoManifests;

    /**
     * The options of a run below {@code root}: every parameter, each passed on as the user set it, the engine's
     * defaults for the rest. The POM's paths are honoured wherever they are, as the command line honours its
     * arguments.
     *
     * @param root            the directory the run's paths are relative to
     * @param inputs          the inputs the POM names; none: the policy's, else the default folders
     * @param outputDirectory where the reports go; null for the engine's default
     * @throws MojoExecutionException when a parameter is wrong (an unknown report format, a set value without key)
     */
    final GateOptions options(final Path root, final ProjectInputs.Inputs inputs, final Path outputDirectory)
            throws MojoExecutionException {
        try {
            GateOptions.Builder options = storeParameters(root).manifests(inputs.named())
                    .defaultManifests(inputs.defaults()).confineToRoot(false).charts(charts).valuesFiles(valuesFiles)
                    .setValues(setValues).release(release).namespace(namespace).kustomizeCommand(kustomizeCommand)
                    .policyFile(path(policy)).failOn(failOn).warnOn(warnOn).failOnInputError(failOnInputError)
                    .newFindingsOnly(newFindingsOnly).enableAll(enableAll).trivyReports(trivyReports)
                    .trivyIgnoreFiles(trivyIgnoreFiles).vexFiles(vexFiles).admissionPolicies(admissionPolicies)
                    .formatNames(formats).outputDirectory(outputDirectory);
            if (maxFindings != null) {
                options.consoleFindings(maxFindings);
            }
            return options.build();
        } catch (ConfigurationException e) {
            throw GateExecution.configurationError(e);
        }
    }

    /** Runs the gate over {@code inputs}, or handles "nothing to check" as {@code failIfNoManifests} says. */
    final void gate(final Path root, final ProjectInputs.Inputs inputs, final String searched,
            final Path outputDirectory) throws MojoExecutionException, MojoFailureException {
        Optional<GateOptions> options = checked(options(root, inputs, outputDirectory), searched);
        if (options.isPresent()) {
            new GateExecution(getLog()).run(options.get());
        }
    }

    /**
     * The options when they name something to read (the POM's inputs or charts, the policy's, or the default
     * folders); empty, after logging or failing as {@code failIfNoManifests} says, when they do not.
     */
    private Optional<GateOptions> checked(final GateOptions options, final String searched)
            throws MojoExecutionException, MojoFailureException {
        if (GateExecution.reads(options)) {
            return Optional.of(options);
        }
        nothingToCheck(searched);
        return Optional.empty();
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
        return checked(options(basedir(), projectInputs(), null), searched());
    }

    /** The manifest inputs of this project. */
    final ProjectInputs.Inputs projectInputs() {
        return ProjectInputs.of(manifests, basedir(), Path.of(project().getBuild().getOutputDirectory()));
    }

    /** Where the default manifests are looked for, for the "nothing found" message. */
    final String searched() {
        return ProjectInputs.searched(manifests);
    }

    private static Path path(final File file) {
        return file == null ? null : file.toPath();
    }
}
