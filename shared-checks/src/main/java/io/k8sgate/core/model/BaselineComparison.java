package io.k8sgate.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a run compares with its reference baseline, as the reports show it: which current findings are new, which
 * baseline findings are fixed, and how the configuration drifted.
 *
 * @param reference   the baseline compared with, in words (for instance {@code version 7, 2026-11-20, revision
 *                    4f2a9c1})
 * @param outstanding fingerprints of current findings the baseline already had; every other current finding is new
 * @param fixed       findings of the baseline that the current run no longer has
 * @param drift       changes of the configuration since the baseline (secret values already removed)
 */
public record BaselineComparison(String reference, Set<String> outstanding, List<Finding> fixed,
        List<Change> drift) {
    public BaselineComparison {
        Objects.requireNonNull(reference, "reference");
        outstanding = Set.copyOf(outstanding);
        fixed = List.copyOf(fixed);
        drift = List.copyOf(drift);
    }

    /** True when the finding was not in the baseline. */
    public boolean isNew(final Finding finding) {
        return !outstanding.contains(finding.fingerprint());
    }

    /**
     * One change of the configuration since the baseline.
     *
     * @param kind      added, removed or changed
     * @param resource  the object
     * @param fieldPath the field that changed, empty for a whole object added or removed
     * @param before    the value in the baseline, empty when there was none
     * @param after     the current value, empty when there is none
     * @param security  why the change matters for security ({@code privileged}, {@code image}, {@code RBAC rules},
     *                  ...), empty when it does not
     */
    public record Change(Kind kind, ResourceRef resource, String fieldPath, String before, String after,
            String security) {
        /** What happened to the object or field. */
        public enum Kind { ADDED, REMOVED, CHANGED }

        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(fieldPath, "fieldPath");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(security, "security");
        }

        /** A change that is not known to matter for security. */
        public Change(final Kind kind, final ResourceRef resource, final String fieldPath, final String before,
                final String after) {
            this(kind, resource, fieldPath, before, after, "");
        }
    }
}
