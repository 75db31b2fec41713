package io.k8sgate.core.policy;

import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gate's verdict and why.
 *
 * @param verdict    PASS, WARN, FAIL on findings or FAIL on input, with what it means for the build
 * @param causes     one sentence per cause with its effect on the build, most important first (which threshold,
 *                   which findings, which inputs)
 * @param counted    findings that count (not suppressed, and new when only new findings count), by severity
 * @param suppressed how many findings are suppressed
 * @param blocking   fingerprints of the findings that caused a FAIL
 * @param warning    fingerprints of the counted findings at or above warnOn that do not block
 */
public record Decision(Verdict verdict, List<Reason> causes, Map<Severity, Integer> counted, int suppressed,
        List<String> blocking, Set<String> warning) {
    /** The summary of a decision without reasons (a pass). */
    static final String NO_REASON = "No finding reaches a threshold";

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        causes = List.copyOf(causes);
        counted = Map.copyOf(counted);
        blocking = List.copyOf(blocking);
        warning = Set.copyOf(warning);
    }

    /**
     * One cause of the decision.
     *
     * @param text   the sentence, as reports show it
     * @param effect whether it fails the build, makes it warn, or only informs
     */
    public record Reason(String text, Effect effect) {
        public Reason {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(effect, "effect");
        }
    }

    /** PASS, WARN or FAIL. */
    public GateStatus status() {
        return verdict.status();
    }

    /** The causes' sentences, most important first. */
    public List<String> reasons() {
        return causes.stream().map(Reason::text).toList();
    }

    /** The first reason, or a plain sentence for a pass. */
    public String summary() {
        return causes.isEmpty() ? NO_REASON : causes.get(0).text();
    }

    /**
     * What a finding of the run does to the build: it fails it when it is among the blocking findings, makes it warn
     * when it counts at or above warnOn, and does nothing otherwise (below the thresholds, suppressed, or not new
     * when only new findings count).
     */
    public Effect effect(final Finding finding) {
        if (blocking.contains(finding.fingerprint())) {
            return Effect.FAILS;
        }
        return warning.contains(finding.fingerprint()) ? Effect.WARNS : Effect.NONE;
    }
}
