package io.k8sgate.jenkins;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.BuildResultMapping;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.core.policy.PolicyOverrides;
import io.k8sgate.core.report.ConsoleSummary;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent that holds the workspace and writes the reports there; only the verdict travels back.
 * It never reads files of the controller: the reference fingerprints come with it.
 */
final class GateCallable extends MasterToSlaveFileCallable<GateResult> {
    /** The formats written for every run. */
    static final Set<ReportFormat> FORMATS = EnumSet.of(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.HTML,
            ReportFormat.JUNIT, ReportFormat.MARKDOWN);
    private static final int LOGGED_FINDINGS = 20;

    @Serial
    private static final long serialVersionUID = 1L;

    private final SecurityGateStep step;
    private final TreeSet<String> reference;

    GateCallable(final SecurityGateStep step, final Set<String> reference) {
        this.step = step;
        this.reference = new TreeSet<>(reference);
    }

    @Override
    public GateResult invoke(final File workspace, final VirtualChannel channel) throws IOException {
        Path root = workspace.toPath().toAbsolutePath().normalize();
        Path reports = root.resolve(step.getReportDir()).normalize();
        if (!reports.startsWith(root)) {
            throw new AbortException("reportDir '" + step.getReportDir() + "' is outside the workspace");
        }
        try {
            SecurityGate gate = new SecurityGate();
            Policy policy = overrides().applyTo(policy(root, gate));
            GateOutcome outcome = gate.run(new GateRequest(root, globs(step.getManifests()), policy,
                    Clock.systemUTC()).withTrivy(globs(step.getTrivyReports()), List.of(), List.of())
                    .withReference(reference));
            ReportFiles.write(outcome, FORMATS, reports);
            return GateResult.of(outcome, BuildResultMapping.of(outcome.decision(), step.isContinueOnFailure()),
                    ConsoleSummary.render(outcome, LOGGED_FINDINGS));
        } catch (ConfigurationException | InputException e) {
            throw new AbortException("K8s Security Gate configuration or input error: " + e.getMessage());
        }
    }

    private Policy policy(final Path root, final SecurityGate gate) throws AbortException {
        PolicyLoader loader = new PolicyLoader(gate.checkIds());
        if (step.getPolicy().isEmpty()) {
            Path implicit = root.resolve("k8s-security.yaml");
            return Files.isRegularFile(implicit) ? loader.load(implicit) : Policy.DEFAULT;
        }
        Path file = root.resolve(step.getPolicy()).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new AbortException("policy '" + step.getPolicy() + "' is not a file in the workspace");
        }
        return loader.load(file);
    }

    private PolicyOverrides overrides() {
        return new PolicyOverrides(Optional.of(step.getFailOn()), Optional.of(step.getWarnOn()),
                Optional.ofNullable(step.getNewFindingsOnly()), Optional.ofNullable(step.getFailOnInputError()));
    }

    static List<String> globs(final String text) {
        List<String> globs = new ArrayList<>();
        Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).forEach(globs::add);
        return globs;
    }
}
