package io.k8sgate.maven;

import io.k8sgate.core.Baselines;
import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.frontend.StoreCommands;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the project's current manifests with a baseline version ({@code baselineVersion}, default the newest), or
 * that version with another one ({@code toVersion}): resources added, removed and changed, security-relevant changes
 * marked, findings new, outstanding and fixed. The counterpart of {@code k8s-security baseline diff}.
 */
@Mojo(name = "diff", threadSafe = true)
public final class DiffMojo extends AbstractGateMojo {
    /** Fails the build when anything differs from the baseline. */
    @Parameter(property = "k8s-security.failOnDrift", defaultValue = "false")
    private boolean failOnDrift;

    /** Compares version {@code baselineVersion} with this version instead of with the current manifests. */
    @Parameter(property = "k8s-security.toVersion")
    private Long toVersion;

    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        Optional<GateOptions> options = toVersion == null ? projectOptions() : Optional.of(storeOptions());
        if (options.isEmpty()) {
            return;
        }
        VersionComparison c = withStore(options.get(), "read", store -> {
            if (toVersion == null) {
                return new GateRunner().diff(options.get(), store);
            }
            long from = options.get().baselineVersion().isPresent() ? options.get().baselineVersion().getAsLong()
                    : store.latest().map(Baseline::version).orElseThrow(() -> new BaselineException(
                            "No baseline version recorded yet in " + store.describe()));
            return Baselines.diff(store, from, toVersion);
        });
        getLog().info("K8s Security Gate: " + (toVersion == null ? "the current manifests" : "version " + toVersion)
                + " compared with " + GateExecution.clean(c.summary()));
        StoreCommands.comparison(c).forEach(getLog()::info);
        if (failOnDrift && StoreCommands.differs(c)) {
            throw new MojoFailureException("K8s Security Gate: the manifests differ from the baseline ("
                    + GateExecution.clean(c.summary()) + "); failOnDrift is true");
        }
    }
}
