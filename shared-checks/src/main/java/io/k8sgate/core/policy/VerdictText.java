package io.k8sgate.core.policy;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Printable;
import io.k8sgate.core.model.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The words of a {@link Verdict}, written once for every front end. */
final class VerdictText {
    /** Blocking findings named in a failure message. */
    static final int NAMED_FINDINGS = 5;
    private static final String NL = System.lineSeparator();
    private static final String PREFIX = "K8s Security Gate";

    private VerdictText() {
    }

    /** One line: status, main reason, counted findings by severity, suppressed findings. */
    static String summary(final GateStatus status, final String reason, final Map<Severity, Integer> counted,
            final int suppressed) {
        String counts = Arrays.stream(Severity.values()).map(s -> s.name() + " " + counted.getOrDefault(s, 0))
                .collect(Collectors.joining(", "));
        return PREFIX + " " + status + ": " + clean(reason) + " (counted: " + counts + "; suppressed " + suppressed
                + ")";
    }

    /**
     * The message a front end shows with the verdict.
     *
     * @param blocking    the findings that failed the gate, in report order
     * @param inputErrors the input errors of the run
     */
    static String message(final Verdict.Kind kind, final List<String> reasons, final String reason,
            final Policy policy, final List<Finding> blocking, final List<Diagnostic> inputErrors) {
        return switch (kind) {
            case PASS, WARN -> PREFIX + ": " + kind.name() + ": " + clean(reason);
            case FAIL_ON_FINDINGS -> findingsMessage(reasons, policy, blocking);
            case FAIL_ON_INPUT -> PREFIX + ": FAIL: the input could not be used (failOnInputError: the gate fails "
                    + "closed)" + NL + inputErrors.stream().map(d -> "  " + clean(d.location().toString()) + ": "
                            + clean(d.message()) + " [" + d.code() + "]").collect(Collectors.joining(NL));
        };
    }

    /** Decision, thresholds and policy, the reasons, and the top blocking findings with file and line. */
    private static String findingsMessage(final List<String> reasons, final Policy policy,
            final List<Finding> blocking) {
        StringBuilder m = new StringBuilder(PREFIX).append(": FAIL (failOn ").append(threshold(policy.failOn()))
                .append(", warnOn ").append(threshold(policy.warnOn())).append(", policy ")
                .append(clean(policy.source())).append(')');
        reasons.forEach(r -> m.append(NL).append("  ").append(clean(r)));
        if (!blocking.isEmpty()) {
            m.append(NL).append("Top findings:");
            blocking.stream().limit(NAMED_FINDINGS).forEach(f -> m.append(NL).append("  ").append(f.severity())
                    .append(' ').append(f.checkId()).append(' ').append(clean(f.resource().display()))
                    .append(f.container().isEmpty() ? "" : " [" + clean(f.container()) + "]").append(' ')
                    .append(clean(f.location().toString())).append(": ").append(clean(f.message())));
            if (blocking.size() > NAMED_FINDINGS) {
                m.append(NL).append("  ... and ").append(blocking.size() - NAMED_FINDINGS).append(" more");
            }
        }
        return m.toString();
    }

    /**
     * A value from the inputs on one line: control characters (C1 ones and line breaks included) and direction
     * overrides cannot forge or reorder lines, and a huge value is shortened, as in the console summary.
     */
    static String clean(final String text) {
        return Printable.line(text);
    }

    private static String threshold(final Optional<Severity> s) {
        return s.map(Severity::name).orElse("NONE");
    }
}
