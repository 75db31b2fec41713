package io.k8sgate.maven;

import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.ManifestExport;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.input.SecretRedaction;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the manifests of a baseline version ({@code baselineVersion}, default the newest) as YAML, ready to commit
 * or apply for a rollback. Secret values are not kept in baselines: exported Secrets carry a placeholder. The
 * counterpart of {@code k8s-security baseline export}.
 */
@Mojo(name = "export", threadSafe = true)
public final class ExportMojo extends AbstractStoreMojo {
    /** Where the manifests are written. */
    @Parameter(property = "k8s-security.exportDirectory",
            defaultValue = "${project.build.directory}/k8s-security/baseline-export")
    private File exportDirectory;

    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        GateOptions options = storeOptions();
        Exported exported = withStore(options, "export from", store -> {
            Baseline chosen = options.baselineVersion().isPresent() ? store.read(options.baselineVersion().getAsLong())
                    : store.latest().orElseThrow(() -> new BaselineException("No baseline version recorded yet in "
                            + store.describe()));
            return new Exported(chosen.version(), ManifestExport.write(chosen, exportDirectory.toPath()));
        });
        getLog().info("K8s Security Gate: exported baseline v" + exported.version() + " ("
                + exported.result().files().size() + " manifests) to "
                + exportDirectory.toPath().toAbsolutePath().normalize());
        for (String redacted : exported.result().redacted()) {
            getLog().warn("  " + GateExecution.clean(redacted) + " holds secret values that baselines do not keep ("
                    + SecretRedaction.REDACTED + "): set them before applying");
        }
    }

    private record Exported(long version, ManifestExport.Result result) {
    }
}
