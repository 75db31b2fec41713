package io.k8sgate.core;

import io.k8sgate.core.input.LoadResult;
import io.k8sgate.core.input.SourceMap;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.DuplicateObject;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Suppression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts findings where a person fixes them. A finding about a rendered object (a chart's or a kustomization's) is
 * moved from the rendered output to the template, base or patch file and line, keeping the rendered place, the
 * source that produced the object and its hook marking as properties. A finding about an object defined more than
 * once gets a fingerprint of its own definition, so that the definitions never share findings in a baseline.
 */
final class RenderedFindings {
    private RenderedFindings() {
    }

    /** The findings placed, in the same order. */
    static List<Finding> place(final List<Finding> findings, final LoadResult loaded) {
        SourceMap sources = loaded.sources();
        Set<ResourceRef> duplicated = loaded.inputs().duplicates().stream().map(DuplicateObject::resource)
                .collect(Collectors.toSet());
        if (sources.isEmpty() && duplicated.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Finding placed = f;
            if (duplicated.contains(f.resource())) {
                placed = placed.withFingerprint(Finding.fingerprint(f.checkId(), f.resource(), f.container(),
                        f.fieldPath(), f.location().file()));
            }
            Optional<SourceMap.Placed> at = sources.place(f.location(), f.fieldPath());
            if (at.isPresent()) {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put(FindingProperties.RENDERED, at.get().rendered());
                properties.put(FindingProperties.PRODUCED_BY, at.get().producedBy());
                if (!at.get().hook().isEmpty()) {
                    properties.put(FindingProperties.HELM_HOOK, at.get().hook());
                }
                placed = placed.withLocation(at.get().source()).withProperties(properties);
                if (placed.suppression().isPresent()) {
                    Suppression s = placed.suppression().get();
                    placed = placed.withSuppression(new Suppression(s.source(), s.owner(), s.reason(), s.expires(),
                            sources.place(s.origin(), "").map(SourceMap.Placed::source).orElse(s.origin())));
                }
            }
            out.add(placed);
        }
        return out;
    }

    /** Diagnostics about rendered output, moved to the file a person edits (in place). */
    static void place(final List<Diagnostic> diagnostics, final SourceMap sources) {
        if (sources.isEmpty()) {
            return;
        }
        diagnostics.replaceAll(d -> sources.place(d.location(), "")
                .map(at -> new Diagnostic(d.level(), d.code(), at.source(), d.message() + " (" + at.rendered() + ")"))
                .orElse(d));
    }
}
