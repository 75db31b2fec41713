package io.k8sgate.core.baseline;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A configuration and its findings compared with a reference version, in full (the reports show the condensed
 * {@link io.k8sgate.core.model.BaselineComparison}).
 *
 * @param referenceVersion the version compared with; empty when the store holds no version yet
 * @param newFindings      findings whose fingerprint the reference does not have
 * @param outstanding      findings that the reference already had
 * @param fixed            findings of the reference that are gone
 * @param drift            the configuration's drift from the reference
 */
public record VersionComparison(OptionalLong referenceVersion, List<BaselineFinding> newFindings,
        List<BaselineFinding> outstanding, List<BaselineFinding> fixed, Drift drift) {
    public VersionComparison {
        Objects.requireNonNull(referenceVersion, "referenceVersion");
        newFindings = List.copyOf(newFindings);
        outstanding = List.copyOf(outstanding);
        fixed = List.copyOf(fixed);
        Objects.requireNonNull(drift, "drift");
    }

    /** {@code baseline v3: 2 new, 5 outstanding, 1 fixed finding(s); drift: ...}. */
    public String summary() {
        String reference = referenceVersion.isPresent() ? "baseline v" + referenceVersion.getAsLong()
                : "baseline (no version recorded yet)";
        return reference + ": " + newFindings.size() + " new, " + outstanding.size() + " outstanding, "
                + fixed.size() + " fixed finding(s); drift: " + drift.summary();
    }
}
