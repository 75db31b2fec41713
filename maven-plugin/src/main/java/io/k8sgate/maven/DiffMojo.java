package io.k8sgate.maven;

import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineFinding;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.Drift;
import io.k8sgate.core.baseline.ResourceChange;
import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.ConfigurationException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the project's current manifests with a baseline version ({@code baselineVersion}, default the newest):
 * resources added, removed and changed, security-relevant changes marked, findings new, outstanding and fixed.
 */
@Mojo(name = "diff", threadSafe = true)
public final class DiffMojo extends AbstractGateMojo {
    /** Fails the build when anything differs from the baseline. */
    @Parameter(property = "k8s-security.failOnDrift", defaultValue = "false")
    private boolean failOnDrift;

    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        Optional<GateOptions> options = projectOptions();
        if (options.isEmpty()) {
            return;
        }
        VersionComparison c;
        try (BaselineStore store = GateRunner.openStore(options.get())) {
            c = new GateRunner().diff(options.get(), store);
        } catch (ConfigurationException e) {
            throw GateExecution.configurationError(e);
        } catch (BaselineException | InputException e) {
            throw new MojoExecutionException("K8s Security Gate: cannot read the baseline in "
                    + options.get().store().location() + ": " + e.getMessage(), e);
        }
        getLog().info("K8s Security Gate: the current manifests compared with "
                + GateExecution.clean(c.summary()));
        log(c.drift());
        findings("new", c.newFindings());
        findings("fixed", c.fixed());
        boolean differs = !c.drift().isEmpty() || !c.newFindings().isEmpty() || !c.fixed().isEmpty();
        if (failOnDrift && differs) {
            throw new MojoFailureException("K8s Security Gate: the manifests differ from the baseline ("
                    + GateExecution.clean(c.summary()) + "); failOnDrift is true");
        }
    }

    private void log(final Drift drift) {
        drift.added().forEach(r -> getLog().info("  + " + GateExecution.clean(r.display())));
        drift.removed().forEach(r -> getLog().info("  - " + GateExecution.clean(r.display())));
        for (ResourceChange change : drift.changed()) {
            int security = change.securityChanges().size();
            getLog().info("  ~ " + GateExecution.clean(change.resource().display())
                    + (security > 0 ? " (" + security + " security-relevant)" : ""));
            change.fields().forEach(f -> getLog().info("      " + (f.security().isPresent()
                    ? "! [" + f.security().get() + "] " : "  ") + GateExecution.clean(f.display())));
        }
    }

    private void findings(final String label, final List<BaselineFinding> findings) {
        findings.forEach(f -> getLog().info("  " + label + ": " + f.severity() + " "
                + GateExecution.clean(f.display())));
    }
}
