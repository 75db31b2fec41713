package io.k8sgate.core.frontend;

import io.k8sgate.core.Baselines;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.BaselineStores;
import io.k8sgate.core.baseline.StoreLocation;
import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.check.custom.CustomCheck;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.report.ConsoleSummary;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every front end calls: options in, a {@link GateReport} out. It reads the policy, opens the baseline store
 * through the one lookup, runs the gate, writes the reports and words the verdict, so that the command line, the
 * Maven plugin and the Jenkins step differ only in how they take parameters and carry out the verdict.
 *
 * <p>Errors: a {@link io.k8sgate.core.policy.ConfigurationException} for a wrong policy, option or store location
 * (exit code 2, {@code MojoExecutionException}, {@code AbortException}); an
 * {@link io.k8sgate.core.input.InputException} for input that cannot be read at all (exit code 3); an
 * {@link IOException} when the reports cannot be written. Unreadable inputs and stores are not errors: they are
 * diagnostics, and the verdict fails closed.
 */
public final class GateRunner {
    private final SecurityGate gate;

    /** A runner over the built-in checks. */
    public GateRunner() {
        this(new SecurityGate());
    }

    /** A runner over the given gate. */
    public GateRunner(final SecurityGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Runs the gate, compared with the baseline store the options name (or the default one when it exists), and
     * writes the reports.
     *
     * @throws IOException when the reports cannot be written
     */
    public GateReport run(final GateOptions options) throws IOException {
        GateOutcome outcome = evaluate(options);
        List<Path> written = options.formats().isEmpty() ? List.of()
                : ReportFiles.write(outcome, options.formats(), options.outputDirectory());
        String where = where(written, options.outputDirectory());
        return new GateReport(outcome, written, where, ConsoleSummary.lines(outcome, options.consoleFindings()),
                outcome.verdict().withReport(where));
    }

    /** Runs the gate like {@link #run} without writing any report (a site page, a recording goal). */
    public GateOutcome evaluate(final GateOptions options) {
        GateRequest request = request(options);
        Optional<StoreLocation> compared = options.comparedStore();
        if (compared.isEmpty()) {
            return gate.run(request);
        }
        try (BaselineStore store = BaselineStores.open(compared.get())) {
            return gate.run(request.withBaseline(new BaselineReference(store, options.baselineVersion())));
        }
    }

    /** The engine's request for the options: policy and overrides applied, no baseline store. */
    public GateRequest request(final GateOptions options) {
        return options.toRequest(gate.checkIds());
    }

    /**
     * The checks a run under the options' policy has besides the built-in ones: the policy file's custom checks, for
     * the catalogue.
     *
     * @throws io.k8sgate.core.policy.ConfigurationException when the policy is wrong (a custom check that does not
     *                                                        compile included)
     */
    public List<CheckMetadata> customChecks(final GateOptions options) {
        return request(options).policy().customChecks().stream().map(CustomCheck::metadata).toList();
    }

    /**
     * Opens the store the options name for the baseline operations (record, history, diff, export, prune); the
     * caller closes it.
     */
    public static BaselineStore openStore(final GateOptions options) {
        return BaselineStores.open(options.store());
    }

    /**
     * Runs the gate and records the checked configuration in the options' store when the gate does not fail and
     * every input was read, or when forced.
     *
     * @throws io.k8sgate.core.baseline.BaselineException when the store cannot be written
     */
    public Baselines.RecordResult record(final GateOptions options, final BaselineStore store,
            final Baselines.RecordOptions recordOptions) {
        return new Baselines(gate).record(request(options), store, recordOptions);
    }

    /**
     * The current inputs compared with a version of the store (the options' baselineVersion, default the newest).
     *
     * @throws io.k8sgate.core.baseline.BaselineException when the store or the version cannot be read
     */
    public VersionComparison diff(final GateOptions options, final BaselineStore store) {
        return new Baselines(gate).diff(request(options), store, options.baselineVersion());
    }

    /** The line that says where the main report is: the HTML page, else the first report written. */
    private static String where(final List<Path> written, final Path directory) {
        return written.stream().filter(p -> p.getFileName().toString().equals(ReportFormat.HTML.fileName()))
                .findFirst().or(() -> written.stream()
                        .filter(p -> !p.getFileName().toString().equals(ReportFiles.STYLESHEET)).findFirst())
                .map(p -> "Report: " + p.toAbsolutePath().normalize())
                .orElse("No report written (no report format chosen; reports would go to " + directory + ")");
    }
}
