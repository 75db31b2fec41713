package io.k8sgate.cli;

import io.k8sgate.baseline.git.GitStore;
import io.k8sgate.cluster.LiveCluster;
import io.k8sgate.cluster.RollbackAction;
import io.k8sgate.core.Baselines;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateOptions;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineMetadata;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.Drift;
import io.k8sgate.core.baseline.ManifestExport;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.report.ConsoleSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
        subcommands = {BaselineCommand.Record.class, BaselineCommand.History.class, BaselineCommand.Diff.class,
            BaselineCommand.Export.class, BaselineCommand.Prune.class, BaselineCommand.Rollback.class})
final class BaselineCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_USAGE;
    }

    /** Where the versions are kept. */
    static final class StoreOptions {
        @Option(names = "--store", paramLabel = "DIR-OR-GIT-URL", description = "The baseline store: a directory "
                + "(relative to the root) or a Git repository (URL, or path ending in .git); default: "
                + DirectoryStore.DEFAULT_DIRECTORY)
        String store = DirectoryStore.DEFAULT_DIRECTORY;

        @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch of a Git store (default: "
                + GitStore.DEFAULT_BRANCH + "); credentials come from " + GitStore.USERNAME_VARIABLE + " and "
                + GitStore.PASSWORD_VARIABLE)
        String branch = GitStore.DEFAULT_BRANCH;

        @Option(names = "--root", paramLabel = "DIR", description = "Workspace root (default: the current directory)")
        Path root = Paths.get("");

        Path base() {
            Path base = root.toAbsolutePath().normalize();
            if (!Files.isDirectory(base)) {
                throw new ConfigurationException(Location.ofFile(root.toString()), "The root is not a directory");
            }
            return base;
        }

        BaselineStore open() {
            if (GitStore.isGitLocation(store)) {
                return GitStore.open(store, branch);
            }
            return new DirectoryStore(base().resolve(store));
        }
    }

    /** What to check, under which policy. */
    static final class InputOptions {
        @Parameters(paramLabel = "PATH", description = "Manifest files, directories or globs (default: the root)")
        List<String> paths = new ArrayList<>();

        @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (default: k8s-security.yaml in "
                + "the root, if present)")
        Path policy;

        GateRequest request(final Path base) {
            GateOptions options = new GateOptions(base, paths.isEmpty() ? List.of(".") : paths, List.of(), List.of(),
                    List.of(), Optional.ofNullable(policy).map(Path::toAbsolutePath), Optional.empty(),
                    Optional.empty(), Optional.empty(), false);
            return options.toRequest(new SecurityGate().checkIds(), java.time.Clock.systemUTC());
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
                + "count. An unreadable store fails the gate (fail closed)")
        String store;

        @Option(names = "--baseline-version", paramLabel = "N", description = "The version to compare with "
                + "(default: the newest)")
        Long version;

        @Option(names = "--baseline-branch", paramLabel = "BRANCH", description = "Branch of a Git store (default: "
                + GitStore.DEFAULT_BRANCH + ")")
        String branch = GitStore.DEFAULT_BRANCH;

        /** Runs the gate, compared with the reference when one is given. */
        GateOutcome compare(final SecurityGate gate, final GateRequest request) {
            if (store == null) {
                return gate.run(request);
            }
            StoreOptions options = new StoreOptions();
            options.store = store;
            options.branch = branch;
            options.root = request.root();
            try (BaselineStore opened = options.open()) {
                return gate.run(request.withBaseline(new BaselineReference(opened,
                        version == null ? OptionalLong.empty() : OptionalLong.of(version))));
            }
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
            try (BaselineStore store = storeOptions.open()) {
                int code = run(store, out);
                out.flush();
                return code;
            } catch (BaselineException e) {
                out.flush();
                spec.commandLine().getErr().println("k8s-security: baseline error: " + Text.clean(e.getMessage()));
                spec.commandLine().getErr().flush();
                return Main.EXIT_INPUT;
            }
        }

        abstract int run(BaselineStore store, PrintWriter out) throws IOException;
    }

    /** {@code baseline record}. */
    @Command(name = "record", mixinStandardHelpOptions = true, description = "Check the inputs and, when the gate "
            + "does not fail and every input was read, record them as a new baseline version.")
    static final class Record extends StoreCommand {
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
            Baselines.RecordResult result = new Baselines(new SecurityGate()).record(
                    inputs.request(storeOptions.base()), store, new Baselines.RecordOptions(force,
                            Optional.ofNullable(buildId), Optional.ofNullable(revision)));
            out.print(ConsoleSummary.render(result.outcome(), 10));
            out.println(result.reason());
            if (result.recorded().isPresent()) {
                return Main.EXIT_PASS;
            }
            return result.outcome().status() == GateStatus.FAIL ? Main.EXIT_FAIL : Main.EXIT_INPUT;
        }
    }

    /** {@code baseline history}. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "List the versions with metadata.")
    static final class History extends StoreCommand {
        @Override
        int run(final BaselineStore store, final PrintWriter out) {
            List<BaselineMetadata> versions = store.history();
            if (store instanceof DirectoryStore directory) {
                directory.indexProblem().ifPresent(problem -> out.println("note: " + Text.clean(problem)
                        + "; the versions are listed from their own files, and the next record writes the index anew"));
            }
            if (versions.isEmpty()) {
                out.println("No baseline version recorded yet in " + store.describe());
                return Main.EXIT_PASS;
            }
            out.printf("%-8s %-20s %-12s %-16s %9s %8s  %-19s %-19s %s%n", "VERSION", "RECORDED", "REVISION",
                    "BUILD", "RESOURCES", "FINDINGS", "CONTENT", "POLICY", "TOOL");
            for (BaselineMetadata m : versions) {
                out.printf("%-8d %-20s %-12s %-16s %9d %8d  %-19s %-19s %s%n", m.version(), m.recordedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        m.sourceRevision().map(r -> r.substring(0, Math.min(12, r.length()))).orElse("-"),
                        Text.clean(m.buildId().orElse("-")), m.resources(), m.findings(), shortHash(m.contentHash()),
                        shortHash(m.policyHash()), Text.clean(m.toolVersion()));
            }
            return Main.EXIT_PASS;
        }

        private static String shortHash(final String hash) {
            return hash.length() > 19 ? hash.substring(0, 19) : hash;
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
                    DriftText.drift(drift, out);
                    differs = !drift.isEmpty();
                }
            } else if (to != null) {
                VersionComparison c = Baselines.diff(store, reference.version(), to);
                out.println("From baseline v" + reference.version() + " to v" + to + ":");
                DriftText.comparison(c, out);
                differs = !c.drift().isEmpty() || !c.newFindings().isEmpty() || !c.fixed().isEmpty();
            } else {
                VersionComparison c = new Baselines(new SecurityGate()).diff(inputs.request(storeOptions.base()),
                        store, OptionalLong.of(reference.version()));
                out.println("From baseline v" + reference.version() + " to the current inputs:");
                DriftText.comparison(c, out);
                differs = !c.drift().isEmpty() || !c.newFindings().isEmpty() || !c.fixed().isEmpty();
            }
            return failOnDrift && differs ? Main.EXIT_FAIL : Main.EXIT_PASS;
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
            return Main.EXIT_PASS;
        }
    }

    /** {@code baseline prune}. */
    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove all but the newest versions.")
    static final class Prune extends StoreCommand {
        @Option(names = "--keep", paramLabel = "N", required = true, description = "How many versions to keep (>= 1)")
        int keep;

        @Override
        int run(final BaselineStore store, final PrintWriter out) {
            if (keep < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--keep must be at least 1");
            }
            List<BaselineMetadata> removed = store.prune(keep);
            out.println(removed.isEmpty() ? "Nothing to prune: " + store.history().size() + " version(s) kept"
                    : "Removed " + removed.size() + " version(s): " + removed.stream()
                            .map(m -> "v" + m.version()).toList());
            return Main.EXIT_PASS;
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
                    a.changes().forEach(c -> out.println("      " + DriftText.field(c)));
                }
            }
            return Main.EXIT_PASS;
        }
    }
}
