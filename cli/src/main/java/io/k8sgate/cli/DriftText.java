package io.k8sgate.cli;

import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.baseline.BaselineFinding;
import io.k8sgate.core.baseline.Drift;
import io.k8sgate.core.baseline.FieldChange;
import io.k8sgate.core.baseline.ResourceChange;
import java.io.PrintWriter;
import java.util.List;

/** Drift and finding comparisons as console text; security-relevant changes are marked so they stand out. */
final class DriftText {
    private DriftText() {
    }

    static void comparison(final VersionComparison c, final PrintWriter out) {
        drift(c.drift(), out);
        out.println("Findings: " + c.newFindings().size() + " new, " + c.outstanding().size() + " outstanding, "
                + c.fixed().size() + " fixed");
        findings("new", c.newFindings(), out);
        findings("fixed", c.fixed(), out);
    }

    static void drift(final Drift drift, final PrintWriter out) {
        if (drift.isEmpty()) {
            out.println("  no drift");
        }
        drift.added().forEach(r -> out.println("  + " + Text.clean(r.display())));
        drift.removed().forEach(r -> out.println("  - " + Text.clean(r.display())));
        for (ResourceChange change : drift.changed()) {
            int security = change.securityChanges().size();
            out.println("  ~ " + Text.clean(change.resource().display())
                    + (security > 0 ? " (" + security + " security-relevant)" : ""));
            change.fields().forEach(f -> out.println("      " + field(f)));
        }
        out.println("Resources: " + drift.summary());
    }

    static String field(final FieldChange f) {
        return (f.security().isPresent() ? "! [" + f.security().get() + "] " : "  ") + Text.clean(f.display());
    }

    private static void findings(final String label, final List<BaselineFinding> findings, final PrintWriter out) {
        findings.forEach(f -> out.println("  " + label + ": " + f.severity() + " " + Text.clean(f.display())));
    }
}
