package io.k8sgate.core.report;

import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.GateStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run on a trend chart.
 *
 * @param label   what the run is called on the axis (a build number, a commit)
 * @param status  the gate's decision for that run
 * @param counted findings that counted, by severity (missing severities count zero)
 */
public record TrendPoint(String label, GateStatus status, Map<Severity, Integer> counted) {
    public TrendPoint {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
        Map<Severity, Integer> copy = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            copy.put(s, Math.max(0, counted.getOrDefault(s, 0)));
        }
        counted = Map.copyOf(copy);
    }

    /**
     * A run as a CI server keeps it with the build: the gate's status and the counted findings by severity name, as
     * the Pipeline step's result holds them; a name that is no severity is left out.
     *
     * @throws IllegalArgumentException when the status is not PASS, WARN or FAIL
     */
    public static TrendPoint of(final String label, final String status, final Map<String, Integer> countedByName) {
        Map<Severity, Integer> counted = new EnumMap<>(Severity.class);
        countedByName.forEach((name, n) -> Severity.parse(name).ifPresent(s -> counted.put(s, n)));
        return new TrendPoint(label, GateStatus.valueOf(status), counted);
    }

    /** Every counted finding. */
    public int total() {
        return counted.values().stream().mapToInt(Integer::intValue).sum();
    }
}
