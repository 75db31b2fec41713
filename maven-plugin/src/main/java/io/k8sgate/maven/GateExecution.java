package io.k8sgate.maven;

import io.k8sgate.core.GateOptions;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.report.ConsoleSummary;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * One gate run inside Maven: the engine call, the reports, the summary in the build log, and the verdict mapped to
 * Maven's exceptions (a failed gate is a {@link MojoFailureException}, bad configuration or input a
 * {@link MojoExecutionException}).
 */
final class GateExecution {
    /** Findings listed in the log. */
    static final int LOGGED_FINDINGS = 25;
    /** Findings named in the failure message. */
    static final int NAMED_FINDINGS = 5;

    private final Log log;

    GateExecution(final Log log) {
        this.log = log;
    }

    /**
     * The engine call every goal makes: the same {@link GateOptions} give the same outcome as the command line.
     *
     * @throws MojoExecutionException when the policy or an override is wrong, or an input cannot be read at all
     */
    static GateOutcome evaluate(final GateOptions options, final BaselineSettings baseline)
            throws MojoExecutionException {
        SecurityGate gate = new SecurityGate();
        try {
            return gate.run(request(gate, options, baseline));
        } catch (ConfigurationException e) {
            throw configurationError(e);
        } catch (InputException e) {
            throw new MojoExecutionException("K8s Security Gate: input error: " + e.getMessage(), e);
        }
    }

    /** The request every goal builds: the shared options, compared with the baseline. */
    static GateRequest request(final SecurityGate gate, final GateOptions options, final BaselineSettings baseline)
            throws MojoExecutionException {
        try {
            return baseline.apply(options.toRequest(gate.checkIds(), Clock.systemUTC()));
        } catch (ConfigurationException e) {
            throw configurationError(e);
        }
    }

    static MojoExecutionException configurationError(final ConfigurationException e) {
        return new MojoExecutionException("K8s Security Gate: configuration error:" + System.lineSeparator()
                + e.getMessage(), e);
    }

    /** Parses the {@code formats} parameter. */
    static Set<ReportFormat> formats(final Collection<String> names) throws MojoExecutionException {
        Set<ReportFormat> chosen = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            chosen.add(ReportFormat.parse(name).orElseThrow(() -> new MojoExecutionException("K8s Security Gate: "
                    + "unknown report format '" + name.trim() + "' in formats (allowed: json, sarif, junit, html, "
                    + "md)")));
        }
        return chosen;
    }

    /**
     * Runs the gate, writes the reports, logs the summary and maps the verdict.
     *
     * @param options         what to check under which policy
     * @param baseline        the baseline to compare with
     * @param formats         the reports to write
     * @param outputDirectory where to write them
     *
     * @return the outcome when the gate passed or warned
     * @throws MojoFailureException   when the gate failed on findings
     * @throws MojoExecutionException when the configuration or an input is wrong
     */
    GateOutcome run(final GateOptions options, final BaselineSettings baseline, final Set<ReportFormat> formats,
            final Path outputDirectory) throws MojoExecutionException, MojoFailureException {
        GateOutcome outcome = evaluate(options, baseline);
        List<Path> written;
        try {
            written = ReportFiles.write(outcome, formats, outputDirectory);
        } catch (IOException e) {
            throw new MojoExecutionException("K8s Security Gate: cannot write the reports to " + outputDirectory
                    + ": " + e.getMessage(), e);
        }
        logSummary(outcome);
        String reportLine = reportLine(written, outputDirectory);
        log.info(reportLine);
        if (outcome.status() == GateStatus.FAIL) {
            if (outcome.hasInputErrors() && outcome.policy().failOnInputError()) {
                throw new MojoExecutionException(inputErrorMessage(outcome, reportLine));
            }
            throw new MojoFailureException(failureMessage(outcome, reportLine));
        }
        if (outcome.status() == GateStatus.WARN) {
            log.warn(clean("K8s Security Gate: WARN: " + outcome.decision().summary()));
        }
        return outcome;
    }

    private void logSummary(final GateOutcome outcome) {
        for (String line : ConsoleSummary.render(outcome, LOGGED_FINDINGS).split("\n")) {
            switch (outcome.status()) {
                case FAIL -> log.error(line);
                case WARN -> log.warn(line);
                default -> log.info(line);
            }
        }
    }

    private static String reportLine(final List<Path> written, final Path outputDirectory) {
        return written.stream().filter(p -> p.getFileName().toString().equals(ReportFormat.HTML.fileName()))
                .findFirst().or(() -> written.stream()
                        .filter(p -> !p.getFileName().toString().equals(ReportFiles.STYLESHEET)).findFirst())
                .map(p -> "Report: " + p.toAbsolutePath().normalize())
                .orElse("No report written (formats is empty; reports would go to " + outputDirectory + ")");
    }

    /** Decision, thresholds, the top blocking findings with file and line, and where the report is. */
    static String failureMessage(final GateOutcome outcome, final String reportLine) {
        String nl = System.lineSeparator();
        StringBuilder m = new StringBuilder("K8s Security Gate: ").append(outcome.status()).append(" (failOn ")
                .append(threshold(outcome.policy().failOn())).append(", warnOn ")
                .append(threshold(outcome.policy().warnOn())).append(", policy ")
                .append(clean(outcome.policy().source())).append(')').append(nl);
        outcome.decision().reasons().forEach(r -> m.append("  ").append(clean(r)).append(nl));
        Set<String> blocking = Set.copyOf(outcome.decision().blocking());
        List<Finding> top = outcome.findings().stream().filter(f -> !f.isSuppressed())
                .filter(f -> blocking.contains(f.fingerprint())).toList();
        if (!top.isEmpty()) {
            m.append("Top findings:").append(nl);
            top.stream().limit(NAMED_FINDINGS).forEach(f -> m.append("  ").append(f.severity()).append(' ')
                    .append(f.checkId()).append(' ').append(clean(f.resource().display()))
                    .append(f.container().isEmpty() ? "" : " [" + clean(f.container()) + "]").append(' ')
                    .append(clean(f.location().toString())).append(": ").append(clean(f.message())).append(nl));
            if (top.size() > NAMED_FINDINGS) {
                m.append("  ... and ").append(top.size() - NAMED_FINDINGS).append(" more").append(nl);
            }
        }
        return m.append(reportLine).toString();
    }

    /** Every input error with file and line. */
    static String inputErrorMessage(final GateOutcome outcome, final String reportLine) {
        String nl = System.lineSeparator();
        String errors = outcome.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> "  " + clean(d.location().toString()) + ": " + clean(d.message()) + " [" + d.code() + "]")
                .collect(Collectors.joining(nl));
        return "K8s Security Gate: FAIL: the input could not be used (failOnInputError: the gate fails closed)" + nl
                + errors + nl + reportLine;
    }

    /**
     * A value from the inputs on one log line: control characters (C1 ones and line breaks included) and direction
     * overrides cannot forge or reorder lines, and a huge value is shortened, as in the console summary.
     */
    static String clean(final String text) {
        return ConsoleSummary.line(text);
    }

    private static String threshold(final Optional<Severity> s) {
        return s.map(v -> v.name().toUpperCase(Locale.ROOT)).orElse("NONE");
    }
}
