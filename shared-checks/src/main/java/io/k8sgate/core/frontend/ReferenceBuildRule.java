package io.k8sgate.core.frontend;

import io.k8sgate.core.model.Location;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.GateStatus;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which earlier build of a CI server that keeps the gate's report with each build (the Jenkins step) is the
 * reference for new-findings-only gating, chosen as the Warnings plugin chooses its reference build: the newest
 * completed build whose result is at least the required one and that ran the gate, and, unless the gate is ignored,
 * whose gate passed. So a build that failed or warned never becomes the reference by itself: its new findings stay new
 * until they are fixed or the user accepts them, instead of turning into known findings by running the build again.
 *
 * @param successOnly       only successful builds qualify ({@code requiredResult: SUCCESS}); otherwise unstable
 *                          ones do as well ({@code UNSTABLE}, the default)
 * @param ignoreQualityGate a build whose own gate warned or failed qualifies as well
 */
public record ReferenceBuildRule(boolean successOnly, boolean ignoreQualityGate) {
    /** The required result when none is given: successful and unstable builds qualify. */
    public static final String DEFAULT_REQUIRED_RESULT = "UNSTABLE";

    /**
     * The rule of the step's parameters.
     *
     * @param requiredResult    the worst result a reference build may have: {@code SUCCESS} or {@code UNSTABLE}, in
     *                          any case; blank for {@value #DEFAULT_REQUIRED_RESULT}
     * @param ignoreQualityGate accept a build whose own gate did not pass
     * @throws ConfigurationException when the required result is neither
     */
    public static ReferenceBuildRule of(final @Nullable String requiredResult, final boolean ignoreQualityGate) {
        String required = requiredResult == null || requiredResult.isBlank() ? DEFAULT_REQUIRED_RESULT
                : requiredResult.trim().toUpperCase(Locale.ROOT);
        return switch (required) {
            case "SUCCESS" -> new ReferenceBuildRule(true, ignoreQualityGate);
            case "UNSTABLE" -> new ReferenceBuildRule(false, ignoreQualityGate);
            default -> throw new ConfigurationException(Location.ofFile("requiredResult"), "'" + requiredResult
                    + "' is neither SUCCESS nor UNSTABLE");
        };
    }

    /**
     * True when a build qualifies as the reference.
     *
     * @param completed  the build has finished
     * @param result     its result as CI servers name it ({@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE},
     *                   {@code ABORTED}, {@code NOT_BUILT}); null while it has none
     * @param gate       the status ({@code PASS}, {@code WARN}, {@code FAIL}) of the gate it ran; null when it ran none
     * @param reportKept its JSON report is kept, so its findings can be read
     */
    public boolean accepts(final boolean completed, final @Nullable String result, final @Nullable String gate,
            final boolean reportKept) {
        boolean goodEnough = "SUCCESS".equals(result) || (!successOnly && "UNSTABLE".equals(result));
        return completed && goodEnough && gate != null && reportKept
                && (ignoreQualityGate || GateStatus.PASS.name().equals(gate));
    }

    /** What the log says when no build qualifies: then every finding is new. */
    public String noReference() {
        return "no reference build (a completed build with result " + (successOnly ? "SUCCESS" : "UNSTABLE")
                + " or better" + (ignoreQualityGate ? "" : " whose gate passed") + " and a kept report); every "
                + "finding is new";
    }
}
