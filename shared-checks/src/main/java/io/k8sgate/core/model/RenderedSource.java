package io.k8sgate.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source the gate rendered before checking it, with everything that decided its output: a Helm chart (release,
 * namespace, values files, {@code --set} keys) or a Kustomize directory (the command). Reports show it as the
 * provenance of the objects it produced.
 *
 * @param renderer    what rendered it
 * @param path        the chart or kustomization directory, as the user named it (relative to the root where possible)
 * @param name        the chart's name; for a kustomization, its directory name
 * @param version     the chart's version; empty for a kustomization
 * @param release     the release name; empty for a kustomization
 * @param namespace   the release namespace; empty for a kustomization
 * @param valuesFiles the values files applied, in order
 * @param setKeys     the keys of the {@code --set} values applied, in order; their values are not kept, since they
 *                    may be credentials
 * @param command     the command that reproduces the rendered output, for finding a rendered line
 * @param objects     what it produced, in order
 */
public record RenderedSource(Renderer renderer, String path, String name, String version, String release,
        String namespace, List<String> valuesFiles, List<String> setKeys, String command,
        List<RenderedObject> objects) {
    /** The tools the gate renders with. */
    public enum Renderer {
        /** A Helm chart, rendered in-process. */
        HELM,
        /** A Kustomize directory, rendered by {@code kustomize build} or {@code kubectl kustomize}. */
        KUSTOMIZE
    }

    public RenderedSource {
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(namespace, "namespace");
        valuesFiles = List.copyOf(valuesFiles);
        setKeys = List.copyOf(setKeys);
        Objects.requireNonNull(command, "command");
        objects = List.copyOf(objects);
    }

    /** How many of the objects are Helm hooks. */
    public long hooks() {
        return objects.stream().filter(RenderedObject::isHook).count();
    }

    /**
     * One line for a person: {@code chart shop 1.2.0 (charts/shop), release web, namespace shop, values prod.yaml} or
     * {@code kustomization deploy/overlays/prod}.
     */
    public String describe() {
        if (renderer == Renderer.KUSTOMIZE) {
            return "kustomization " + path;
        }
        List<String> parts = new ArrayList<>();
        parts.add("chart " + name + (version.isEmpty() ? "" : " " + version) + " (" + path + ")");
        parts.add("release " + release);
        parts.add("namespace " + namespace);
        if (!valuesFiles.isEmpty()) {
            parts.add("values " + String.join(", ", valuesFiles));
        }
        if (!setKeys.isEmpty()) {
            parts.add("--set " + String.join(", ", setKeys));
        }
        return String.join(", ", parts);
    }
}
