package io.k8sgate.maven;

import io.k8sgate.core.frontend.StoreCommands;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists the versions of the baseline store with their metadata: when each was recorded, from which commit and build,
 * how many resources and findings it holds, its content and policy hashes and the tool version. The counterpart of
 * {@code k8s-security baseline history}; needs no manifests.
 */
@Mojo(name = "history", requiresProject = false, threadSafe = true)
public final class HistoryMojo extends AbstractStoreMojo {
    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        List<String> lines = withStore(storeOptions(), "read", StoreCommands::history);
        lines.forEach(getLog()::info);
    }
}
