package io.k8sgate.cli;

import io.k8sgate.baseline.git.GitStore;
import io.k8sgate.cluster.LiveCluster;
import io.k8sgate.cluster.RollbackAction;
import io.k8sgate.core.Baselines;
import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.Drift;
import io.k8sgate.core.baseline.ManifestExport;
import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.frontend.StoreCommands;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.ConsoleSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code k8s-security baseline}: record approved configurations as versions, list them, compare, export for
 * rollback, prune; compare with and roll back a live cluster. A store that cannot be used is an input error (exit
 * code 3): the command fails closed.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Versioned baselines of the approved configuration: drift and rollback.",
        subcommands = {BaselineCommand.RecordCommand.class, BaselineCommand.History.class, BaselineCommand.Diff.class,
            BaselineCommand.Export.class, BaselineCommand.Prune.class, BaselineCommand.Rollback.class})
final class BaselineCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Verdict.EXIT_USAGE;
    }

    /** Where the versions are kept. */
    static final class StoreOptions {
        @Option(names = "--store", paramLabel = "DIR-OR-GIT-URL", description = "The baseline store: a directory "
                + "(relative to the root) or a Git repository (URL, or path ending in .git); default: "
                + GateOptions.DEFAULT_BASELINE_STORE)
        String store;

        @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch of a Git store (default: "
                + GitStore.DEFAULT_BRANCH + "); credentials come from " + GitStore.USERNAME_VARIABLE + " and "
                + GitStore.PASSWORD_VARIABLE)
        String branch;

        @Option(names = "--root", paramLabel = "DIR", description = "Workspace root (default: the current directory)")
        Path root = Paths.get("");

        /** The options of this store, to which a command adds its own. */
        GateOptions.Builder options() {
            return GateOptions.builder(root).baseline(store).baselineBranch(branch);
        }
    }

    /** What to check, under which policy. */
    static final class InputOptions {
        @Parameters(paramLabel = "PATH", description = "Manifest files, directories, globs, Helm charts and "
                + "kustomization directories (default: the inputs the policy lists, or the root)")
        List<String> paths = new ArrayList<>();

        @Mixin
        GateSettings settings = new GateSettings();

        /** The store's options with the inputs to check. */
        GateOptions options(final StoreOptions store) {
            return settings.applyTo(store.options().manifests(paths)).build();
        }
    }

    /** How to reach a cluster. */
    static final class ClusterOptions {
        @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: KUBECONFIG "
                + "or ~/.kube/config)")
        Path kubeconfig;

        @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current)")
        String context;

        LiveCluster connect() {
            return LiveCluster.connect(Optional.ofNullable(kubeconfig), Optional.ofNullable(context));
        }
    }

    /** {@code check --baseline}: the reference version a run is compared with. */
    static final class ReferenceOptions {
        @Option(names = "--baseline", paramLabel = "DIR-OR-GIT-URL", description = "Compare with a baseline store "
                + "(new / outstanding / fixed findings, drift); with newFindingsOnly in the policy only new findings "
                + "count. An unreadable store fails the gate (fail closed). Default: "
                + GateOptions.DEFAULT_BASELINE_STORE + " in the root when it exists; " + GateOptions.NO_BASELINE
                + " compares with nothing")
        String store;

        @Option(names = "--baseline-version", paramLabel = "N", description = "The version to compare with "
                + "(default: the newest)")
        Long version;

        @Option(names = "--baseline-branch", paramLabel = "BRANCH", description = "Branch of a Git store (default: "
                + GitStore.DEFAULT_BRANCH + ")")
        String branch;

        /** Adds the reference to a run's options. */
        void applyTo(final GateOptions.Builder options) {
            options.baseline(store).baselineVersion(version).baselineBranch(branch);
        }
    }

    /** Runs a store operation; a store that cannot be used is an input error, reported with its message. */
    abstract static class StoreCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions = new StoreOptions();

        @Override
        public final Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (BaselineStore store = GateRunner.openStore(storeOptions.options().build())) {
                int code = run(store, out);
                out.flush();
                return code;
            } catch (BaselineException e) {
                out.flush();
                spec.commandLine().getErr().println("k8s-security: baseline error: " + Text.clean(e.getMessage()));
                spec.commandLine().getErr().flush();
                return Verdict.EXIT_INPUT;
            }
        }

        abstract int run(BaselineStore store, PrintWriter out) throws IOException;
    }

    /** {@code baseline record}. */
    @Command(name = "record", mixinStandardHelpOptions = true, description = "Check the inputs and, when the gate "
            + "does not fail and every input was read, record them as a new baseline version.")
    static final class RecordCommand extends StoreCommand {
        @Mixin
        InputOptions inputs = new InputOptions();

        @Option(names = "--force", description = "Record even when the gate fails or some input is unreadable")
        boolean force;

        @Option(names = "--build-id", paramLabel = "ID", description = "The CI build that records the version")
        String buildId;

        @Option(names = "--source-revision", paramLabel = "COMMIT", description = "The commit of the inputs "
                + "(default: read from the Git work tree around the root)")
        String revision;

        @Override
        int run(final BaselineStore store, final PrintWriter out) {
            GateOptions options = inputs.options(storeOptions);
            Baselines.RecordResult result = new GateRunner().record(options, store, new Baselines.RecordOptions(force,
                    Optional.ofNullable(buildId), Optional.ofNullable(revision)));
            out.print(ConsoleSummary.render(result.outcome(), options.consoleFindings()));
            out.println(result.reason());
            if (result.recorded().isPresent()) {
                return Verdict.EXIT_PASS;
            }
            Verdict verdict = result.outcome().verdict();
            return verdict.failed() ? verdict.exitCode() : Verdict.EXIT_INPUT; // refused for unreadable input
        }
    }

    /** {@code baseline history}. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "List the versions with metadata.")
    static final class History extends StoreCommand {
        @Override
        int run(final BaselineStore store, final PrintWriter out) {
            StoreCommands.history(store).forEach(out::println);
            return Verdict.EXIT_PASS;
        }
    }

    /** {@code baseline diff}. */
    @Command(name = "diff", description = "Compare the current inputs (or a "
            + "version, or a live cluster) with a version: resources added, removed and changed, security-relevant "
            + "changes marked, findings new / outstanding / fixed.")
    static final class Diff extends StoreCommand {
        // --version names the baseline version here, so the standard help options (which bring -V, --version)
        // cannot be mixed in: picocli then drops them all, --help included
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Mixin
        InputOptions inputs = new InputOptions();

        @Mixin
        ClusterOptions clusterOptions = new ClusterOptions();

        @Option(names = "--version", paramLabel = "N", description = "The version to compare with (default: the "
                + "newest)")
        Long version;

        @Option(names = "--to", paramLabel = "M", description = "Compare version --version with version M instead "
                + "of with the current inputs")
        Long to;

        @Option(names = "--cluster", description = "Compare the version with the objects live in the cluster")
        boolean cluster;

        @Option(names = "--namespace", paramLabel = "NS", split = ",", description = "With --cluster: where to look "
                + "for objects that are not in the version (default: the version's namespaces)")
        List<String> namespaces = new ArrayList<>();

        @Option(names = "--fail-on-drift", description = "Exit with 1 when anything differs")
        boolean failOnDrift;

        @Override
        int run(final BaselineStore store, final PrintWriter out) {
            Baseline reference = version == null ? store.latest().orElseThrow(() -> new BaselineException(
                    "No baseline version recorded yet in " + store.describe())) : store.read(version);
            boolean differs;
            if (cluster) {
                try (LiveCluster live = clusterOptions.connect()) {
                    Drift drift = live.drift(reference, namespaces);
                    out.println("Drift of " + live.describe() + " from baseline v" + reference.version() + ":");
                    StoreCommands.drift(drift).forEach(out::println);
                    differs = !drift.isEmpty();
                }
            } else if (to != null) {
                VersionComparison c = Baselines.diff(store, reference.version(), to);
                out.println("From baseline v" + reference.version() + " to v" + to + ":");
                StoreCommands.comparison(c).forEach(out::println);
                differs = StoreCommands.differs(c);
            } else {
                VersionComparison c = new GateRunner().diff(inputs.options(storeOptions).toBuilder()
                        .baselineVersion(reference.version()).build(), store);
                out.println("From baseline v" + reference.version() + " to the current inputs:");
                StoreCommands.comparison(c).forEach(out::println);
                differs = StoreCommands.differs(c);
            }
            return failOnDrift && differs ? Verdict.EXIT_FAIL : Verdict.EXIT_PASS;
        }
    }

    /** {@code baseline export}. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a version's manifests as YAML, "
            + "ready to commit or apply for a rollback.")
    static final class Export extends StoreCommand {
        @Parameters(index = "0", paramLabel = "VERSION", description = "The version")
        long version;

        @Parameters(index = "1", paramLabel = "DIR", description = "Where to write the manifests")
        Path directory;

        @Override
        int run(final BaselineStore store, final PrintWriter out) throws IOException {
            ManifestExport.Result result = ManifestExport.write(store.read(version), directory);
            out.println("Exported baseline v" + version + " (" + result.files().size() + " manifests) to "
                    + directory.toAbsolutePath().normalize());
            for (String r : result.redacted()) {
                out.println("  warning: " + Text.clean(r) + " holds secret values that baselines do not keep ("
                        + io.k8sgate.core.input.SecretRedaction.REDACTED + "): set them before applying");
            }
            return Verdict.EXIT_PASS;
        }
    }

    /** {@code baseline prune}. */
    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove all but the newest versions.")
    static final class Prune extends StoreCommand {
        @Option(names = "--keep", paramLabel = "N", required = true, description = "How many versions to keep (>= 1)")
        int keep;

        @Override
        int run(final BaselineStore store, final PrintWriter out) {
            out.println(StoreCommands.prune(store, keep));
            return Verdict.EXIT_PASS;
        }
    }

    /** {@code baseline rollback --cluster}. */
    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Bring a live cluster back to a "
            + "version by server-side apply. A server-side dry run unless --apply is given.")
    static final class Rollback extends StoreCommand {
        @Mixin
        ClusterOptions clusterOptions = new ClusterOptions();

        @Option(names = "--cluster", required = true, description = "Roll back the cluster (required: exported "
                + "manifests are the rollback for files)")
        boolean cluster;

        @Parameters(index = "0", paramLabel = "VERSION", description = "The version to go back to")
        long version;

        @Option(names = "--apply", description = "Change the cluster (default: dry run)")
        boolean apply;

        @Override
        int run(final BaselineStore store, final PrintWriter out) {
            Baseline baseline = store.read(version);
            try (LiveCluster live = clusterOptions.connect()) {
                out.println((apply ? "Rolling back " : "Dry run (nothing changes; --apply to change): rolling back ")
                        + live.describe() + " to baseline v" + version);
                for (RollbackAction a : live.rollback(baseline, apply)) {
                    out.println("  " + a.type().name().toLowerCase(java.util.Locale.ROOT) + " "
                            + Text.clean(a.resource().display()) + (a.note().isEmpty() ? "" : " (" + a.note() + ")"));
                    a.changes().forEach(c -> out.println("      " + StoreCommands.field(c)));
                }
            }
            return Verdict.EXIT_PASS;
        }
    }
}
