package io.k8sgate.maven;

import io.k8sgate.core.Baselines;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.policy.Effect;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.ConsoleSummary;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's manifests and, when the gate does not fail and every input was read, records them (normalised,
 * secret values removed) with their findings as a new version in the baseline store: the approved configuration that
 * later runs are compared with ({@code newFindingsOnly}, drift) and that {@code export} writes back for a rollback.
 * The counterpart of {@code k8s-security baseline record}.
 */
@Mojo(name = "baseline", threadSafe = true)
public final class BaselineMojo extends AbstractGateMojo {
    /** Records even when the gate fails or some input is unreadable. */
    @Parameter(property = "k8s-security.force", defaultValue = "false")
    private boolean force;

    /** The CI build that records the version. */
    @Parameter(property = "k8s-security.buildId")
    private String buildId;

    /** The commit of the inputs; default: read from the Git work tree around the project. */
    @Parameter(property = "k8s-security.sourceRevision")
    private String sourceRevision;

    @Override
    void gate() throws MojoExecutionException, MojoFailureException {
        Optional<GateOptions> options = projectOptions();
        if (options.isEmpty()) {
            return;
        }
        Baselines.RecordResult result = withStore(options.get(), "record into", store -> new GateRunner()
                .record(options.get(), store, new Baselines.RecordOptions(force, Optional.ofNullable(buildId),
                        Optional.ofNullable(sourceRevision))));
        List<ConsoleSummary.Line> summary = ConsoleSummary.lines(result.outcome(), options.get().consoleFindings());
        if (result.recorded().isPresent()) {
            // recorded with force: what would fail the gate does not fail this build, so it is not logged as an error
            summary = summary.stream().map(l -> l.effect() == Effect.FAILS ? new ConsoleSummary.Line(Effect.WARNS,
                    l.text()) : l).toList();
        }
        GateExecution.log(getLog(), summary);
        if (result.recorded().isPresent()) {
            getLog().info("K8s Security Gate: " + result.reason());
            return;
        }
        String message = "K8s Security Gate: " + GateExecution.clean(result.reason());
        if (result.outcome().verdict().kind() == Verdict.Kind.FAIL_ON_FINDINGS) {
            throw new MojoFailureException(message);
        }
        throw new MojoExecutionException(message);
    }
}
