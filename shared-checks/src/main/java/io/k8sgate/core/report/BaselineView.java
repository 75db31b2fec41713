package io.k8sgate.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.BaselineComparison.Change;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code baseline} object of the JSON report: the reference version, new / outstanding / fixed findings by
 * fingerprint, and the drift of the configuration with security-relevant changes marked.
 */
@JsonPropertyOrder({"reference", "counts", "newFindings", "outstandingFindings", "fixedFindings", "drift"})
record BaselineView(String reference, Counts counts, List<FindingRef> newFindings,
        List<FindingRef> outstandingFindings, List<FindingRef> fixedFindings, DriftView drift) {

    static BaselineView of(final GateOutcome o, final BaselineComparison b) {
        List<Finding> active = o.findings().stream().filter(f -> !f.isSuppressed()).toList();
        List<Finding> added = active.stream().filter(b::isNew).toList();
        List<Finding> kept = active.stream().filter(f -> !b.isNew(f)).toList();
        Map<ResourceRef, List<FieldView>> changed = new LinkedHashMap<>();
        List<String> addedResources = new ArrayList<>();
        List<String> removedResources = new ArrayList<>();
        int security = 0;
        for (Change c : b.drift()) {
            if (c.kind() == Change.Kind.CHANGED || !c.fieldPath().isEmpty()) {
                changed.computeIfAbsent(c.resource(), r -> new ArrayList<>()).add(new FieldView(c.fieldPath(),
                        c.before().isEmpty() ? null : c.before(), c.after().isEmpty() ? null : c.after(),
                        c.security().isEmpty() ? null : c.security()));
                security += c.security().isEmpty() ? 0 : 1;
            } else if (c.kind() == Change.Kind.ADDED) {
                addedResources.add(c.resource().display());
            } else {
                removedResources.add(c.resource().display());
            }
        }
        return new BaselineView(b.reference(), new Counts(added.size(), kept.size(), b.fixed().size()),
                refs(added), refs(kept), refs(b.fixed()), new DriftView(addedResources, removedResources,
                        changed.entrySet().stream().map(e -> new ChangeView(e.getKey().display(), e.getValue()))
                                .toList(), security));
    }

    /** {@code baseline v3 (...): 2 new, 5 outstanding, 1 fixed finding(s); drift: ...}, for the console. */
    static String summary(final GateOutcome o, final BaselineComparison b) {
        BaselineView v = of(o, b);
        return v.reference() + ": " + v.counts().newFindings() + " new, " + v.counts().outstanding()
                + " outstanding, " + v.counts().fixed() + " fixed finding(s); drift: " + v.drift().added().size()
                + " added, " + v.drift().removed().size() + " removed, " + v.drift().changed().size() + " changed ("
                + v.drift().securityRelevantChanges() + " security-relevant field change(s))";
    }

    private static List<FindingRef> refs(final List<Finding> findings) {
        return findings.stream().map(f -> new FindingRef(f.fingerprint(), f.checkId(), f.severity().name(),
                f.resource().display(), f.container(), f.fieldPath())).toList();
    }

    /** How many findings fall in each group. */
    record Counts(int newFindings, int outstanding, int fixed) {
    }

    /** A finding named by its fingerprint. */
    record FindingRef(String fingerprint, String checkId, String severity, String resource, String container,
            String fieldPath) {
    }

    /** The configuration's drift from the reference. */
    record DriftView(List<String> added, List<String> removed, List<ChangeView> changed,
            int securityRelevantChanges) {
    }

    /** One changed object. */
    record ChangeView(String resource, List<FieldView> fields) {
    }

    /** One changed field; values are as the comparison gives them, absent when the field is not set on that side. */
    record FieldView(String path, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String before,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String after,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String security) {
    }
}
