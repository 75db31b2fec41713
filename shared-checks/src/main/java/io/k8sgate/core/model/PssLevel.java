package io.k8sgate.core.model;

/** The Pod Security Standards profile a control belongs to. */
public enum PssLevel {
    /** Not a Pod Security Standards control. */
    NONE,
    /** A control of the Baseline profile (and so of Restricted too). */
    BASELINE,
    /** A control that only the Restricted profile adds. */
    RESTRICTED
}
