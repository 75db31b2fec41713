package io.k8sgate.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.k8sgate.baseline.git.GitStore;
import io.k8sgate.core.GateOptions;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.BuildResultMapping;
import io.k8sgate.core.policy.ConfigurationException;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    private final TreeMap<String, String> gitCredentials;

    GateCallable(final SecurityGateStep step, final Set<String> reference, final Map<String, String> gitCredentials) {
        this.step = step;
        this.reference = new TreeSet<>(reference);
        this.gitCredentials = new TreeMap<>(gitCredentials);
    }

    /**
     * The store's variables from the build's environment (for example from withCredentials): the Git store's
     * credentials and the key secret values are digested with, which the agent's own environment does not hold.
     */
    static Map<String, String> gitCredentials(final Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        for (String name : List.of(GitStore.USERNAME_VARIABLE, GitStore.PASSWORD_VARIABLE, RedactionKey.VARIABLE,
                RedactionKey.FILE_VARIABLE)) {
            if (env != null && env.get(name) != null) {
                out.put(name, env.get(name));
            }
        }
        return out;
    }

    /** True when {@code baseline} names a baseline store: a Git location, or a directory in the workspace. */
    static boolean isStore(final String baseline, final FilePath workspace) throws IOException, InterruptedException {
        if (SecurityGateStep.NO_BASELINE.equals(baseline) || SecurityGateStep.REFERENCE_BUILD.equals(baseline)) {
            return false;
        }
        return GitStore.isGitLocation(baseline) || workspace.child(baseline).isDirectory();
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
            // the same options-to-request path as the CLI and the Maven goal, so all three decide alike
            GateRequest request = new GateOptions(root, globs(step.getManifests()), globs(step.getTrivyReports()),
                    globs(step.getTrivyIgnoreFiles()), globs(step.getVexFiles()), policyFile(root),
                    Optional.of(step.getFailOn()), Optional.of(step.getWarnOn()),
                    Optional.ofNullable(step.getFailOnInputError()), step.isEnableAll())
                    .toRequest(gate.checkIds(), Clock.systemUTC()).withReference(reference);
            Boolean newFindingsOnly = step.getNewFindingsOnly();
            if (newFindingsOnly != null) {
                request = request.withPolicy(request.policy().withNewFindingsOnly(newFindingsOnly));
            }
            Optional<BaselineStore> store = store(root);
            if (store.isPresent()) {
                request = request.withBaseline(BaselineReference.latest(store.get()));
            }
            GateOutcome outcome = gate.run(request);
            ReportFiles.write(outcome, FORMATS, reports);
            return GateResult.of(outcome, BuildResultMapping.of(outcome.decision(), step.isContinueOnFailure()),
                    ConsoleSummary.render(outcome, LOGGED_FINDINGS));
        } catch (ConfigurationException | InputException e) {
            throw new AbortException("K8s Security Gate configuration or input error: " + e.getMessage());
        }
    }

    /** The baseline store the step names, opened on the agent; empty for a build or report reference. */
    private Optional<BaselineStore> store(final Path root) throws AbortException {
        String baseline = step.getBaseline();
        if (SecurityGateStep.NO_BASELINE.equals(baseline) || SecurityGateStep.REFERENCE_BUILD.equals(baseline)) {
            return Optional.empty();
        }
        if (GitStore.isGitLocation(baseline)) {
            return Optional.of(new GitStore(baseline, GitStore.DEFAULT_BRANCH, gitCredentials));
        }
        Path dir = root.resolve(baseline).normalize();
        if (!dir.startsWith(root)) {
            throw new AbortException("baseline '" + baseline + "' is outside the workspace");
        }
        return Files.isDirectory(dir) ? Optional.of(new DirectoryStore(dir, RedactionKey.from(gitCredentials)))
                : Optional.empty();
    }

    /** The policy file the step names, which must lie in the workspace; empty for the implicit one. */
    private Optional<Path> policyFile(final Path root) throws AbortException {
        if (step.getPolicy().isEmpty()) {
            return Optional.empty();
        }
        Path file = root.resolve(step.getPolicy()).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new AbortException("policy '" + step.getPolicy() + "' is not a file in the workspace");
        }
        return Optional.of(file);
    }

    static List<String> globs(final String text) {
        List<String> globs = new ArrayList<>();
        Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).forEach(globs::add);
        return globs;
    }
}
