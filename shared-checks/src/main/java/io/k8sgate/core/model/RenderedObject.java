package io.k8sgate.core.model;

import java.util.Objects;

/**
 * One object a chart or kustomization produced, with the place a person edits and the place in the rendered output.
 *
 * @param resource the object's identity as rendered
 * @param source   the template, base or patch file (and line, where known) that defines it
 * @param rendered the object's first line in the rendered output ({@link RenderedSource#command()} reproduces it)
 * @param hook     the value of its {@code helm.sh/hook} annotation when it is a Helm hook, empty otherwise
 */
public record RenderedObject(ResourceRef resource, Location source, Location rendered, String hook) {
    public RenderedObject {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rendered, "rendered");
        Objects.requireNonNull(hook, "hook");
    }

    /** True for a Helm hook (a Job, Pod or RBAC object Helm runs around an install or upgrade). */
    public boolean isHook() {
        return !hook.isEmpty();
    }
}
