package io.k8sgate.maven;

import io.k8sgate.core.frontend.StoreCommands;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes all but the {@code keep} newest versions from the baseline store (a Git store gets one commit that removes
 * them; its history keeps them). The counterpart of {@code k8s-security baseline prune --keep N}.
 */
@Mojo(name = "prune", requiresProject = false, threadSafe = true)
public final class PruneMojo extends AbstractStoreMojo {
    /** How many of the newest versions to keep (at least 1). */
    @Parameter(property = "k8s-security.keep", required = true)
    private int keep;

    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        getLog().info("K8s Security Gate: " + withStore(storeOptions(), "prune", store -> StoreCommands.prune(store,
                keep)));
    }
}
