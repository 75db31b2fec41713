package io.k8sgate.core.input;

import io.k8sgate.core.input.render.RenderOptions;
import java.util.Objects;

/**
 * How the inputs are found and read.
 *
 * @param confineToRoot        every input must stay inside the root (a CI workspace); otherwise each named path is
 *                             honoured wherever it is, and only what a walked directory links to must stay inside
 *                             that directory
 * @param skippedAreErrors     documents of walked directories that are not Kubernetes objects (CI files, docs YAML)
 *                             are input errors instead of being skipped and listed
 * @param render               how charts and kustomizations are rendered
 */
public record InputOptions(boolean confineToRoot, boolean skippedAreErrors, RenderOptions render) {
    /** Inputs confined to the root, non-Kubernetes documents skipped, rendering with the defaults. */
    public static final InputOptions DEFAULT = new InputOptions(true, false, RenderOptions.DEFAULT);

    public InputOptions {
        Objects.requireNonNull(render, "render");
    }

    /** The same options with other render settings. */
    public InputOptions withRender(final RenderOptions newRender) {
        return new InputOptions(confineToRoot, skippedAreErrors, newRender);
    }
}
