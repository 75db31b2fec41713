package io.k8sgate.cli;

import io.k8sgate.core.ToolInfo;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateReport;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.input.render.ChartSettings;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.registry.CheckCatalog;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.core.report.ReportFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code k8s-security}: the gate for any CI. Exit codes ({@link Verdict}): 0 pass or warn, 1 fail, 2 usage or
 * configuration, 3 input error under fail-closed.
 */
@Command(name = "k8s-security", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks Kubernetes manifests before deployment and gates the build.",
        subcommands = {Main.CheckCommand.class, Main.ChecksCommand.class, BaselineCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(final String[] args) {
        System.exit(run(args, console(System.out), console(System.err)));
    }

    /** A writer on a standard stream, in the platform's encoding as the terminal expects. */
    private static PrintWriter console(final OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, Charset.defaultCharset()), true);
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(final String[] args, final PrintWriter out, final PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> Verdict.EXIT_USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("k8s-security: " + Text.clean(ex.getMessage()));
            ex.getCommandLine().usage(err);
            return Verdict.EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigurationException c) {
                err.println("k8s-security: configuration error:");
                c.problems().forEach(p -> err.println(Text.clean(p.toString()))); // one line each
                return Verdict.EXIT_USAGE;
            }
            if (ex instanceof InputException) {
                err.println("k8s-security: input error: " + Text.clean(ex.getMessage()));
                return Verdict.EXIT_INPUT;
            }
            if (ex instanceof IOException) {
                err.println("k8s-security: " + Text.clean(ex.toString()));
                return Verdict.EXIT_INPUT;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Verdict.EXIT_USAGE;
    }

    /** {@code k8s-security check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check manifests and decide PASS, WARN or FAIL.")
    static final class CheckCommand implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "Manifest files, directories (recursive), globs, Helm charts "
                + "and kustomization directories; default: the inputs the policy lists, or the current directory")
        private List<String> paths = new ArrayList<>();

        @Option(names = "--root", paramLabel = "DIR", description = "Workspace root: PATHs are relative to it and "
                + "must stay inside it (default: the current directory, and each PATH is honoured wherever it is)")
        private Path root;

        @Option(names = "--namespace", paramLabel = "NS", description = "The namespace the inputs are deployed to: "
                + "namespaced objects of every input (manifests, kustomizations, charts) that name none are checked "
                + "in it, and charts are rendered for it (.Release.Namespace); default: none (charts are then "
                + "rendered as " + ChartSettings.DEFAULT_NAMESPACE + ", and an object that copies that release "
                + "namespace counts as naming none), or the policy's namespace for a chart")
        private String namespace;

        @Option(names = "--format", split = ",", paramLabel = "FORMAT",
                description = "Reports to write: json, sarif, junit, html, md (default: html,json,sarif when "
                        + "--output-dir is given)")
        private List<String> formats = new ArrayList<>();

        @Option(names = "--output-dir", paramLabel = "DIR", description = "Where reports are written (default: "
                + GateOptions.DEFAULT_OUTPUT_DIRECTORY + " in the root when --format is given)")
        private Path outputDir;

        @CommandLine.Mixin
        private GateSettings settings = new GateSettings();

        @CommandLine.Mixin
        private BaselineCommand.ReferenceOptions reference = new BaselineCommand.ReferenceOptions();

        @Option(names = "--max-findings", paramLabel = "N", description = "Findings listed on the console "
                + "(default: ${DEFAULT-VALUE})")
        private int maxFindings = GateOptions.DEFAULT_CONSOLE_FINDINGS;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            GateOptions.Builder options = settings.applyTo(GateOptions.builder(root == null ? Paths.get("") : root)
                    .confineToRoot(root != null).namespace(namespace).manifests(paths))
                    .formatNames(formats).outputDirectory(fromWorkingDirectory(outputDir)).consoleFindings(maxFindings);
            if (formats.isEmpty() && outputDir == null) {
                options.formats(List.of()); // the console only, unless reports are asked for
            }
            reference.applyTo(options);
            GateReport report = new GateRunner().run(options.build());
            out.print(report.console());
            for (Path written : report.reports()) {
                if (!written.getFileName().toString().equals(ReportFiles.STYLESHEET)) {
                    out.println("Report: " + written);
                }
            }
            out.flush();
            return report.verdict().exitCode();
        }
    }

    /** A path given on the command line, relative to the working directory; null when not given. */
    static Path fromWorkingDirectory(final Path path) {
        return path == null ? null : Paths.get("").toAbsolutePath().resolve(path).normalize();
    }

    /** {@code k8s-security checks}: the catalogue. */
    @Command(name = "checks", mixinStandardHelpOptions = true, description = "List every check.")
    static final class ChecksCommand implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--markdown", description = "Print the catalogue as Markdown (CHECKS.md)")
        private boolean markdown;

        @Option(names = "--policy", paramLabel = "FILE", description = "Also list the custom checks of this policy "
                + "file")
        private Path policy;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<CheckMetadata> all = new ArrayList<>();
            CheckRegistry.defaultRegistry().all().forEach(c -> all.add(c.metadata()));
            if (policy != null) {
                Path file = fromWorkingDirectory(policy);
                all.addAll(new GateRunner().customChecks(GateOptions.builder(file.getParent()).policyFile(file)
                        .build()));
            }
            if (markdown) {
                out.print(CheckCatalog.markdown(all));
                out.flush();
                return Verdict.EXIT_PASS;
            }
            for (CheckMetadata m : all) {
                out.printf("%-12s %-8s %-9s %s%s%n", m.id(), m.severity(), m.category().name().toLowerCase(
                        Locale.ROOT), m.title(), m.enabledByDefault() ? "" : " (optional)");
                CheckCatalog.relations(m, all).forEach(r -> out.printf("%-12s %s%n", "", r));
            }
            CheckRegistry.defaultRegistry().retired().values().forEach(r -> out.printf("%-12s retired: read as %s%n",
                    r.id(), r.successor()));
            out.flush();
            return Verdict.EXIT_PASS;
        }
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolInfo.NAME + " " + ToolInfo.version()};
        }
    }
}
