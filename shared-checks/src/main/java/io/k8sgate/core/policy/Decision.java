package io.k8sgate.core.policy;

import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate's verdict and why.
 *
 * @param status     PASS, WARN or FAIL
 * @param reasons    one sentence per cause, most important first (which threshold, which findings, which inputs)
 * @param counted    findings that count (not suppressed, and new when only new findings count), by severity
 * @param suppressed how many findings are suppressed
 * @param blocking   fingerprints of the findings that caused a FAIL
 */
public record Decision(GateStatus status, List<String> reasons, Map<Severity, Integer> counted, int suppressed,
        List<String> blocking) {
    public Decision {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        counted = Map.copyOf(counted);
        blocking = List.copyOf(blocking);
    }

    /** The first reason, or a plain sentence for a pass. */
    public String summary() {
        return reasons.isEmpty() ? "No finding reaches a threshold" : reasons.get(0);
    }
}
