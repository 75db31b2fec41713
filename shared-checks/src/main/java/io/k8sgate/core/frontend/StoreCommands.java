package io.k8sgate.core.frontend;

import io.k8sgate.core.baseline.BaselineFinding;
import io.k8sgate.core.baseline.BaselineMetadata;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.Drift;
import io.k8sgate.core.baseline.FieldChange;
import io.k8sgate.core.baseline.ResourceChange;
import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.policy.ConfigurationException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline store operations that every front end offers alike ({@code k8s-security baseline history|diff|prune},
 * the Maven goals {@code history}, {@code diff} and {@code prune}), with the lines they print. Values from the store
 * are printed with control characters removed, so that a store cannot forge log lines.
 */
public final class StoreCommands {
    private static final int SHORT_HASH = 19;
    private static final int SHORT_REVISION = 12;
    private static final String ROW = "%-8s %-20s %-12s %-16s %9s %8s  %-19s %-19s %s";

    private StoreCommands() {
    }

    /**
     * The versions of a store with their metadata, oldest first, as a table; a note first when a directory store's
     * index is damaged (the versions are then listed from their own files).
     *
     * @throws io.k8sgate.core.baseline.BaselineException when the store does not exist or cannot be read
     */
    public static List<String> history(final BaselineStore store) {
        List<BaselineMetadata> versions = store.history();
        List<String> lines = new ArrayList<>();
        if (store instanceof DirectoryStore directory) {
            directory.indexProblem().ifPresent(problem -> lines.add("note: " + clean(problem)
                    + "; the versions are listed from their own files, and the next record writes the index anew"));
        }
        if (versions.isEmpty()) {
            lines.add("No baseline version recorded yet in " + clean(store.describe()));
            return lines;
        }
        lines.add(String.format(ROW, "VERSION", "RECORDED", "REVISION", "BUILD", "RESOURCES", "FINDINGS", "CONTENT",
                "POLICY", "TOOL"));
        for (BaselineMetadata m : versions) {
            lines.add(String.format(ROW, m.version(), m.recordedAt().truncatedTo(ChronoUnit.SECONDS),
                    clean(m.sourceRevision().map(r -> r.substring(0, Math.min(SHORT_REVISION, r.length())))
                            .orElse("-")),
                    clean(m.buildId().orElse("-")), m.resources(), m.findings(), shortHash(m.contentHash()),
                    shortHash(m.policyHash()), clean(m.toolVersion())));
        }
        return lines;
    }

    /**
     * Removes all but the {@code keep} newest versions.
     *
     * @return one line saying what was removed, or that nothing was
     * @throws ConfigurationException                     when {@code keep} is less than 1
     * @throws io.k8sgate.core.baseline.BaselineException when the store cannot be read or written
     */
    public static String prune(final BaselineStore store, final int keep) {
        if (keep < 1) {
            throw new ConfigurationException(Location.ofFile("keep"), "The number of versions to keep must be at "
                    + "least 1 (got " + keep + ")");
        }
        List<BaselineMetadata> removed = store.prune(keep);
        return removed.isEmpty() ? "Nothing to prune: " + store.history().size() + " version(s) kept"
                : "Removed " + removed.size() + " version(s): " + removed.stream().map(m -> "v" + m.version())
                        .toList() + "; " + keep + " kept";
    }

    /**
     * A comparison with a baseline version: the drift, then the findings new, outstanding and fixed; security-relevant
     * field changes are marked {@code !} so that they stand out.
     */
    public static List<String> comparison(final VersionComparison comparison) {
        List<String> lines = new ArrayList<>(drift(comparison.drift()));
        lines.add("Findings: " + comparison.newFindings().size() + " new, " + comparison.outstanding().size()
                + " outstanding, " + comparison.fixed().size() + " fixed");
        findings("new", comparison.newFindings(), lines);
        findings("fixed", comparison.fixed(), lines);
        return lines;
    }

    /** True when a comparison finds anything that differs: drift, new or fixed findings. */
    public static boolean differs(final VersionComparison comparison) {
        return !comparison.drift().isEmpty() || !comparison.newFindings().isEmpty()
                || !comparison.fixed().isEmpty();
    }

    /** The drift of a configuration: resources added (+), removed (-) and changed (~), then a summary line. */
    public static List<String> drift(final Drift drift) {
        List<String> lines = new ArrayList<>();
        if (drift.isEmpty()) {
            lines.add("  no drift");
        }
        drift.added().forEach(r -> lines.add("  + " + clean(r.display())));
        drift.removed().forEach(r -> lines.add("  - " + clean(r.display())));
        for (ResourceChange change : drift.changed()) {
            int security = change.securityChanges().size();
            lines.add("  ~ " + clean(change.resource().display())
                    + (security > 0 ? " (" + security + " security-relevant)" : ""));
            change.fields().forEach(f -> lines.add("      " + field(f)));
        }
        lines.add("Resources: " + drift.summary());
        return lines;
    }

    /** One changed field, marked {@code ! [why]} when the change matters for security. */
    public static String field(final FieldChange change) {
        return (change.security().isPresent() ? "! [" + change.security().get() + "] " : "  ")
                + clean(change.display());
    }

    private static void findings(final String label, final List<BaselineFinding> findings, final List<String> lines) {
        findings.forEach(f -> lines.add("  " + label + ": " + f.severity() + " " + clean(f.display())));
    }

    private static String shortHash(final String hash) {
        return clean(hash.length() > SHORT_HASH ? hash.substring(0, SHORT_HASH) : hash);
    }

    private static String clean(final String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ");
    }
}
