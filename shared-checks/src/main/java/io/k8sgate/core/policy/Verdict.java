package io.k8sgate.core.policy;

import java.util.Objects;

/**
 * What a decision means for the build that asked for it, the same in every front end. A front end only carries it
 * out: the command line exits with {@link #exitCode()}; the Maven plugin throws a {@code MojoFailureException} for
 * {@link Kind#FAIL_ON_FINDINGS}, a {@code MojoExecutionException} for {@link Kind#FAIL_ON_INPUT} and logs
 * {@link #message()} as a warning for {@link Kind#WARN}; the Jenkins step records {@link #buildResult()} and stops
 * the build when {@link #stopsBuild(boolean)} says so.
 *
 * @param kind    pass, warn, fail on findings, or fail on unusable input under fail-closed
 * @param summary one line: the status, the main reason and the counted findings by severity
 * @param message what to show when the build warns or fails: the status with thresholds and policy, every reason,
 *                the top blocking findings or every input error with file and line, and, once the reports are
 *                written, where they are. Values from the inputs are on one line each: no input can forge lines
 */
public record Verdict(Kind kind, String summary, String message) {
    /** Exit code of a gate that passed or only warned. */
    public static final int EXIT_PASS = 0;
    /** Exit code of a gate that failed on findings. */
    public static final int EXIT_FAIL = 1;
    /** Exit code of a bad command line or configuration (a policy error): not a verdict, the run did not start. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of a gate that failed closed because input could not be used. */
    public static final int EXIT_INPUT = 3;

    /** The four verdicts, with what they mean for a command line and for a CI server. */
    public enum Kind {
        /** Nothing reaches a threshold. */
        PASS(GateStatus.PASS, EXIT_PASS, CiResult.SUCCESS),
        /** Findings at the warning threshold, or unusable input while failOnInputError is false: build unstable. */
        WARN(GateStatus.WARN, EXIT_PASS, CiResult.UNSTABLE),
        /** Findings at the failure threshold. */
        FAIL_ON_FINDINGS(GateStatus.FAIL, EXIT_FAIL, CiResult.FAILURE),
        /** Input that could not be used, under failOnInputError (fail closed); wins over failing findings. */
        FAIL_ON_INPUT(GateStatus.FAIL, EXIT_INPUT, CiResult.FAILURE);

        private final GateStatus status;
        private final int exitCode;
        private final CiResult buildResult;

        Kind(final GateStatus status, final int exitCode, final CiResult buildResult) {
            this.status = status;
            this.exitCode = exitCode;
            this.buildResult = buildResult;
        }
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(message, "message");
    }

    /** The decision as reports show it: PASS, WARN or FAIL. */
    public GateStatus status() {
        return kind.status;
    }

    /** The command line's exit code: 0 pass or warn, 1 failed on findings, 3 failed closed on input. */
    public int exitCode() {
        return kind.exitCode;
    }

    /** The build result a CI server records: SUCCESS, UNSTABLE or FAILURE. */
    public CiResult buildResult() {
        return kind.buildResult;
    }

    /** True when the gate failed, on findings or on input. */
    public boolean failed() {
        return kind.status == GateStatus.FAIL;
    }

    /**
     * True when the build must stop here: the gate failed and the user did not ask to go on. With
     * {@code continueOnFailure} a failed gate still marks the build FAILURE ({@link #buildResult()}).
     */
    public boolean stopsBuild(final boolean continueOnFailure) {
        return failed() && !continueOnFailure;
    }

    /** The same verdict whose message ends with a line saying where the reports are. */
    public Verdict withReport(final String where) {
        return new Verdict(kind, summary, message + System.lineSeparator() + VerdictText.clean(where));
    }
}
