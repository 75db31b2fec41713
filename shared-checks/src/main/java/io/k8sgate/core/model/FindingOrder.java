package io.k8sgate.core.model;

import java.util.Comparator;

/**
 * The order findings are listed in everywhere (the outcome, every report): most severe first, then by resource,
 * check, container, file, line and field. Written out rather than chained from lambdas: a large run sorts a hundred
 * thousand findings and more.
 */
public final class FindingOrder {
    /** Most severe first, then by resource, check and place. */
    public static final Comparator<Finding> MOST_SEVERE_FIRST = FindingOrder::compare;

    private FindingOrder() {
    }

    private static int compare(final Finding a, final Finding b) {
        int c = a.severity().compareTo(b.severity());
        if (c == 0) {
            c = a.resource().compareTo(b.resource());
        }
        if (c == 0) {
            c = a.checkId().compareTo(b.checkId());
        }
        if (c == 0) {
            c = a.container().compareTo(b.container());
        }
        if (c == 0) {
            c = a.location().file().compareTo(b.location().file());
        }
        if (c == 0) {
            c = Integer.compare(a.location().line(), b.location().line());
        }
        return c != 0 ? c : a.fieldPath().compareTo(b.fieldPath());
    }
}
