package io.k8sgate.maven;

import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.ManifestExport;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.input.SecretRedaction;
import io.k8sgate.core.policy.ConfigurationException;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the manifests of a baseline version ({@code baselineVersion}, default the newest) as YAML, ready to commit
 * or apply for a rollback. Secret values are not kept in baselines: exported Secrets carry a placeholder.
 */
@Mojo(name = "export", threadSafe = true)
public final class ExportMojo extends AbstractGateMojo {
    /** Where the manifests are written. */
    @Parameter(property = "k8s-security.exportDirectory",
            defaultValue = "${project.build.directory}/k8s-security/baseline-export")
    private File exportDirectory;

    @Override
    void gate() throws MojoExecutionException {
        GateOptions options = storeOptions();
        ManifestExport.Result result;
        long version;
        try (BaselineStore store = GateRunner.openStore(options)) {
            Baseline chosen = options.baselineVersion().isPresent() ? store.read(options.baselineVersion().getAsLong())
                    : store.latest().orElseThrow(() -> new BaselineException("No baseline version recorded yet in "
                            + store.describe()));
            version = chosen.version();
            result = ManifestExport.write(chosen, exportDirectory.toPath());
        } catch (ConfigurationException e) {
            throw GateExecution.configurationError(e);
        } catch (BaselineException | IOException e) {
            throw new MojoExecutionException("K8s Security Gate: cannot export from the baseline in "
                    + options.store().location() + ": " + e.getMessage(), e);
        }
        getLog().info("K8s Security Gate: exported baseline v" + version + " (" + result.files().size()
                + " manifests) to " + exportDirectory.toPath().toAbsolutePath().normalize());
        for (String redacted : result.redacted()) {
            getLog().warn("  " + GateExecution.clean(redacted) + " holds secret values that baselines do not keep ("
                    + SecretRedaction.REDACTED + "): set them before applying");
        }
    }
}
