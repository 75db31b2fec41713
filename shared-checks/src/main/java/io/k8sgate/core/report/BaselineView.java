package io.k8sgate.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.k8sgate.core.baseline.BaselineComparison;
import io.k8sgate.core.baseline.BaselineFinding;
import io.k8sgate.core.baseline.FieldChange;
import io.k8sgate.core.baseline.ResourceChange;
import io.k8sgate.core.model.ResourceRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code baseline} object of the JSON report: the reference version, new / outstanding / fixed findings by
 * fingerprint, and the drift of the configuration.
 */
@JsonPropertyOrder({"referenceVersion", "counts", "newFindings", "outstandingFindings", "fixedFindings", "drift"})
record BaselineView(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long referenceVersion, Counts counts,
        List<FindingRef> newFindings, List<FindingRef> outstandingFindings, List<FindingRef> fixedFindings,
        DriftView drift) {

    static BaselineView of(final BaselineComparison c) {
        return new BaselineView(c.referenceVersion().isPresent() ? c.referenceVersion().getAsLong() : null,
                new Counts(c.newFindings().size(), c.outstanding().size(), c.fixed().size()),
                refs(c.newFindings()), refs(c.outstanding()), refs(c.fixed()),
                new DriftView(names(c.drift().added()), names(c.drift().removed()),
                        c.drift().changed().stream().map(BaselineView::change).toList(),
                        c.drift().securityChangeCount()));
    }

    private static List<FindingRef> refs(final List<BaselineFinding> findings) {
        return findings.stream().map(f -> new FindingRef(f.fingerprint(), f.checkId(), f.severity(),
                f.resource().display(), f.container(), f.fieldPath())).toList();
    }

    private static List<String> names(final List<ResourceRef> refs) {
        return refs.stream().map(ResourceRef::display).toList();
    }

    private static ChangeView change(final ResourceChange c) {
        return new ChangeView(c.resource().display(), c.fields().stream().map(f -> new FieldView(f.path(),
                f.before().orElse(null), f.after().orElse(null), f.security().orElse(null))).toList());
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

    /** One changed field; values are JSON text, absent when the field is not set on that side. */
    record FieldView(String path, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String before,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String after,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String security) {
    }
}
