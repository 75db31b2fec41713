package io.k8sgate.core.policy;

/** The build result a CI server should record for a gate decision; the names match Jenkins' results. */
public enum CiResult {
    /** The gate passed: leave the build result alone. */
    SUCCESS,
    /** The gate warned: mark the build unstable and let it go on. */
    UNSTABLE,
    /** The gate failed. */
    FAILURE
}
