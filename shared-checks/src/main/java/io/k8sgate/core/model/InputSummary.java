package io.k8sgate.core.model;

import java.util.List;

/**
 * What the inputs were made of beyond the objects themselves: the charts and kustomizations rendered, what was left
 * out of walked directories, and the objects defined twice.
 *
 * @param rendered   the rendered sources, in input order
 * @param skipped    files and documents left out, in input order
 * @param duplicates object identities defined more than once
 */
public record InputSummary(List<RenderedSource> rendered, List<SkippedInput> skipped,
        List<DuplicateObject> duplicates) {
    /** Nothing rendered, skipped or defined twice. */
    public static final InputSummary EMPTY = new InputSummary(List.of(), List.of(), List.of());

    public InputSummary {
        rendered = List.copyOf(rendered);
        skipped = List.copyOf(skipped);
        duplicates = List.copyOf(duplicates);
    }

    /** True when there is nothing to report. */
    public boolean isEmpty() {
        return rendered.isEmpty() && skipped.isEmpty() && duplicates.isEmpty();
    }
}
