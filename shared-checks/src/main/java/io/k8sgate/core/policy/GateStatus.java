package io.k8sgate.core.policy;

/** The gate's decision. */
public enum GateStatus {
    /** Nothing at or over a threshold. */
    PASS,
    /** Findings at the warning threshold: the build should be marked unstable. */
    WARN,
    /** Findings at the failure threshold, or unusable input under fail-closed: the build must fail. */
    FAIL
}
