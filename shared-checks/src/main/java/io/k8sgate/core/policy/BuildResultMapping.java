package io.k8sgate.core.policy;

import io.k8sgate.core.model.Severity;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a CI front end does with a decision: which build result to record, whether to stop the build, and the one-line
 * summary to show. Front ends only carry this out (Jenkins: {@code AbortException}, {@code Result.FAILURE} or
 * {@code Result.UNSTABLE}), so every CI maps a verdict the same way.
 *
 * @param result  the build result to record
 * @param abort   true when the build must stop here (a failed gate, unless the user chose to continue)
 * @param summary one line: status, the main reason and the counted findings by severity
 */
public record BuildResultMapping(CiResult result, boolean abort, String summary) {
    public BuildResultMapping {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Maps a decision.
     *
     * @param decision          the gate's decision
     * @param continueOnFailure when true a failed gate marks the build FAILURE and lets it go on instead of stopping
     */
    public static BuildResultMapping of(final Decision decision, final boolean continueOnFailure) {
        CiResult result = switch (decision.status()) {
            case PASS -> CiResult.SUCCESS;
            case WARN -> CiResult.UNSTABLE;
            case FAIL -> CiResult.FAILURE;
        };
        boolean abort = result == CiResult.FAILURE && !continueOnFailure;
        return new BuildResultMapping(result, abort, summarize(decision));
    }

    /** True when the front end should record a result other than success. */
    public boolean changesResult() {
        return result != CiResult.SUCCESS;
    }

    private static String summarize(final Decision decision) {
        String counts = Arrays.stream(Severity.values())
                .map(s -> s.name() + " " + decision.counted().getOrDefault(s, 0))
                .collect(Collectors.joining(", "));
        return "K8s Security Gate " + decision.status() + ": " + decision.summary().replaceAll("\\p{Cntrl}", " ")
                + " (counted: " + counts + "; suppressed " + decision.suppressed() + ")";
    }
}
