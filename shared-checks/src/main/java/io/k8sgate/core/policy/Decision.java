package io.k8sgate.core.policy;

import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate's verdict and why.
 *
 * @param verdict    PASS, WARN, FAIL on findings or FAIL on input, with what it means for the build
 * @param reasons    one sentence per cause, most important first (which threshold, which findings, which inputs)
 * @param counted    findings that count (not suppressed, and new when only new findings count), by severity
 * @param suppressed how many findings are suppressed
 * @param blocking   fingerprints of the findings that caused a FAIL
 */
public record Decision(Verdict verdict, List<String> reasons, Map<Severity, Integer> counted, int suppressed,
        List<String> blocking) {
    /** The summary of a decision without reasons (a pass). */
    static final String NO_REASON = "No finding reaches a threshold";

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        counted = Map.copyOf(counted);
        blocking = List.copyOf(blocking);
    }

    /** PASS, WARN or FAIL. */
    public GateStatus status() {
        return verdict.status();
    }

    /** The first reason, or a plain sentence for a pass. */
    public String summary() {
        return reasons.isEmpty() ? NO_REASON : reasons.get(0);
    }
}
