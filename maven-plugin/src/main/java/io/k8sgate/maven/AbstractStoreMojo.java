package io.k8sgate.maven;

import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.ConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every goal shares: where the baseline store is, and whether to skip. The goals that work on the
 * store alone ({@code history}, {@code prune}, {@code export}) take only these; the gating goals add theirs in
 * {@link AbstractGateMojo}.
 */
abstract class AbstractStoreMojo extends AbstractMojo {
    /** Skips the goal. */
    @Parameter(property = "k8s-security.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The baseline store: a directory relative to the project (or absolute) inside it, or a Git repository (an
     * {@code https://}, {@code ssh://} or {@code file://} URL, or a path ending in {@code .git}; credentials come from
     * the environment variables {@code K8S_SECURITY_GIT_USERNAME} and {@code K8S_SECURITY_GIT_PASSWORD}); default:
     * {@code .k8s-security/baselines}. When it exists, {@code check} compares with a recorded version (new,
     * outstanding, fixed findings, and the drift of the configuration); {@code none} compares with nothing. The
     * {@code baseline} goal records versions into it.
     */
    @Parameter(property = "k8s-security.baselineStore")
    private String baselineStore;

    /** The branch of a Git store; default: {@code k8s-security-baselines}. */
    @Parameter(property = "k8s-security.baselineBranch")
    private String baselineBranch;

    /** The version {@code check} and {@code diff} compare with and {@code export} writes; default: the newest. */
    @Parameter(property = "k8s-security.baselineVersion")
    private Long baselineVersion;

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

    /** Whether the goal is skipped. */
    final boolean skipped() {
        return skip;
    }

    /**
     * A builder for a run below {@code root} holding the store's parameters; every goal's options start here, so
     * each parameter is passed on in one place.
     */
    final GateOptions.Builder storeParameters(final Path root) {
        return GateOptions.builder(root).baseline(baselineStore).baselineBranch(baselineBranch)
                .baselineVersion(baselineVersion);
    }

    /** The options of the baseline store alone (history, export, prune), for this project. */
    final GateOptions storeOptions() throws MojoExecutionException {
        try {
            return storeParameters(basedir()).build();
        } catch (ConfigurationException e) {
            throw GateExecution.configurationError(e);
        }
    }

    /**
     * Opens the options' store, does {@code action} with it and closes it; a store that cannot be used fails the goal
     * as an execution error that says what could not be done ({@code doing}: "read", "record into").
     */
    final <T> T withStore(final GateOptions options, final String doing, final StoreAction<T> action)
            throws MojoExecutionException, MojoFailureException {
        try (BaselineStore store = GateRunner.openStore(options)) {
            return action.apply(store);
        } catch (ConfigurationException e) {
            throw GateExecution.configurationError(e);
        } catch (BaselineException | InputException | IOException e) {
            throw new MojoExecutionException("K8s Security Gate: cannot " + doing + " the baseline store: "
                    + GateExecution.clean(String.valueOf(e.getMessage())), e);
        }
    }

    /** What a goal does with an open store. */
    @FunctionalInterface
    interface StoreAction<T> {
        T apply(BaselineStore store) throws IOException, MojoExecutionException, MojoFailureException;
    }

    /** The project this goal runs in. */
    final MavenProject project() {
        return project;
    }

    /** The project directory. */
    final Path basedir() {
        return project.getBasedir().toPath();
    }
}
