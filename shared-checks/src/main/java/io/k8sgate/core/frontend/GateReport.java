package io.k8sgate.core.frontend;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.ConsoleSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A finished run as a front end receives it: all it does is print {@link #console()} (a build log each of
 * {@link #consoleLines()} at the level of its effect) and carry out {@link #verdict()}.
 *
 * @param outcome      the run's outcome, from which the reports were written
 * @param reports      the report files written (the stylesheet included), absolute
 * @param where        one line saying where the main report is ({@code Report: <file>}), or that none was written
 * @param consoleLines the summary for the console or build log, line by line with what each line's subject does to
 *                     the build: decision, reasons, counts, input problems, findings
 * @param verdict      what the run means for the build; its message ends with where the main report is
 */
public record GateReport(GateOutcome outcome, List<Path> reports, String where,
        List<ConsoleSummary.Line> consoleLines, Verdict verdict) {
    public GateReport {
        Objects.requireNonNull(outcome, "outcome");
        reports = List.copyOf(reports);
        Objects.requireNonNull(where, "where");
        consoleLines = List.copyOf(consoleLines);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The summary for the console, one line each of {@link #consoleLines()}. */
    public String console() {
        return consoleLines.stream().map(l -> l.text() + "\n").collect(Collectors.joining());
    }
}
