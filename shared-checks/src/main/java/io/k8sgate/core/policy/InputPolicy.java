package io.k8sgate.core.policy;

import io.k8sgate.core.input.render.ChartSettings;
import io.k8sgate.core.input.render.RenderOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy's {@code inputs:} section: what the project's whole job is (so that {@code k8s-security check} with no
 * arguments does it), how its charts are rendered, which command renders kustomizations, and what a document that is
 * not a Kubernetes object means.
 *
 * @param manifests         manifest files, directories and globs, relative to the root
 * @param charts            charts with their release, namespace, values and {@code --set} values
 * @param kustomizations    kustomization directories
 * @param kustomizeCommand  the command that renders a kustomization; empty for the one found on the PATH
 * @param nonKubernetesIsError true when documents of walked directories that are not Kubernetes objects are input
 *                          errors rather than skipped and listed
 */
public record InputPolicy(List<String> manifests, List<Chart> charts, List<String> kustomizations,
        Optional<String> kustomizeCommand, boolean nonKubernetesIsError) {
    /** Nothing listed: the front end's inputs, charts rendered with Helm's defaults, non-objects skipped. */
    public static final InputPolicy DEFAULT = new InputPolicy(List.of(), List.of(), List.of(), Optional.empty(),
            false);

    /**
     * A chart the policy lists.
     *
     * @param path     the chart directory, relative to the root
     * @param settings how it is rendered
     */
    public record Chart(String path, ChartSettings settings) {
        public Chart {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(settings, "settings");
        }
    }

    public InputPolicy {
        manifests = List.copyOf(manifests);
        charts = List.copyOf(charts);
        kustomizations = List.copyOf(kustomizations);
        Objects.requireNonNull(kustomizeCommand, "kustomizeCommand");
    }

    /** Every input the policy lists, in order: manifests, charts, kustomizations. */
    public List<String> paths() {
        List<String> out = new ArrayList<>(manifests);
        charts.forEach(c -> out.add(c.path()));
        out.addAll(kustomizations);
        return out;
    }

    /** The chart settings by chart path, as {@link RenderOptions#charts()} takes them. */
    public Map<String, ChartSettings> chartSettings() {
        Map<String, ChartSettings> out = new LinkedHashMap<>();
        charts.forEach(c -> out.put(RenderOptions.normalise(c.path()), c.settings()));
        return out;
    }
}
