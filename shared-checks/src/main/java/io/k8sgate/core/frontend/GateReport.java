package io.k8sgate.core.frontend;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.policy.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finished run as a front end receives it: all it does is print {@link #console()} and carry out
 * {@link #verdict()}.
 *
 * @param outcome the run's outcome, from which the reports were written
 * @param reports the report files written (the stylesheet included), absolute
 * @param where   one line saying where the main report is ({@code Report: <file>}), or that none was written
 * @param console the summary for the console or build log: decision, reasons, counts, input problems, findings
 * @param verdict what the run means for the build; its message ends with where the main report is
 */
public record GateReport(GateOutcome outcome, List<Path> reports, String where, String console, Verdict verdict) {
    public GateReport {
        Objects.requireNonNull(outcome, "outcome");
        reports = List.copyOf(reports);
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(verdict, "verdict");
    }
}
