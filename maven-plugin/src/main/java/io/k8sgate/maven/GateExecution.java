package io.k8sgate.maven;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.GateReport;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.model.Printable;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.ConsoleSummary;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * One gate run inside Maven: the engine's run, its summary in the build log, and its verdict carried out with
 * Maven's exceptions (a gate that failed on findings is a {@link MojoFailureException}; a gate that failed closed on
 * input, bad configuration or unreadable input a {@link MojoExecutionException}).
 */
final class GateExecution {
    private final Log log;

    GateExecution(final Log log) {
        this.log = log;
    }

    /**
     * Runs the gate, writes the reports, logs the summary and carries out the verdict.
     *
     * @return the outcome when the gate passed or warned
     * @throws MojoFailureException   when the gate failed on findings
     * @throws MojoExecutionException when the configuration or an input is wrong, or the reports cannot be written
     */
    GateOutcome run(final GateOptions options) throws MojoExecutionException, MojoFailureException {
        GateReport report;
        try {
            report = new GateRunner().run(options);
        } catch (ConfigurationException e) {
            throw configurationError(e);
        } catch (InputException e) {
            throw inputError(e);
        } catch (IOException e) {
            throw new MojoExecutionException("K8s Security Gate: cannot write the reports to "
                    + options.outputDirectory() + ": " + e.getMessage(), e);
        }
        Verdict verdict = report.verdict();
        log(log, report.consoleLines());
        switch (verdict.kind()) {
            case FAIL_ON_FINDINGS -> throw new MojoFailureException(verdict.message());
            case FAIL_ON_INPUT -> throw new MojoExecutionException(verdict.message());
            case WARN -> verdict.message().lines().forEach(log::warn);
            case PASS -> log.info(report.where());
        }
        return report.outcome();
    }

    /**
     * Logs a summary, each line at the level of its effect: only what fails the build is an error, what makes it warn
     * a warning, the rest (findings below the thresholds, counts) information.
     */
    static void log(final Log log, final List<ConsoleSummary.Line> lines) {
        for (ConsoleSummary.Line line : lines) {
            switch (line.effect()) {
                case FAILS -> log.error(line.text());
                case WARNS -> log.warn(line.text());
                case NONE -> log.info(line.text());
            }
        }
    }

    /** Runs the gate without reports (the site page); errors as {@link #run}, the verdict left to the caller. */
    static GateOutcome evaluate(final GateOptions options) throws MojoExecutionException {
        try {
            return new GateRunner().evaluate(options);
        } catch (ConfigurationException e) {
            throw configurationError(e);
        } catch (InputException e) {
            throw inputError(e);
        }
    }

    /**
     * Whether the options name anything to read: manifests or charts of the POM, inputs of the policy, or default
     * folders that exist.
     *
     * @throws MojoExecutionException when the policy is wrong
     */
    static boolean reads(final GateOptions options) throws MojoExecutionException {
        try {
            return !new GateRunner().request(options).manifests().isEmpty();
        } catch (ConfigurationException e) {
            throw configurationError(e);
        }
    }

    static MojoExecutionException configurationError(final ConfigurationException e) {
        return new MojoExecutionException("K8s Security Gate: configuration error:" + System.lineSeparator()
                + e.problems().stream().map(p -> clean(p.toString())).collect(java.util.stream.Collectors.joining(
                        System.lineSeparator())), e);
    }

    private static MojoExecutionException inputError(final InputException e) {
        return new MojoExecutionException("K8s Security Gate: input error: " + clean(e.getMessage()), e);
    }

    /**
     * A value from the inputs on one log line: control characters (C1 ones and line breaks included) and direction
     * overrides cannot forge or reorder lines, and a huge value is shortened, as in the console summary.
     */
    static String clean(final String text) {
        return Printable.line(text);
    }
}
