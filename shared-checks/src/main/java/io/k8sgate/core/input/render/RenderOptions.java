package io.k8sgate.core.input.render;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How charts and kustomizations among the inputs are rendered.
 *
 * @param chartOverrides    chart settings given to a front end ({@code --values}, {@code --set}, {@code --release},
 *                          {@code --namespace}); they apply to every chart of the run and win over the policy's
 * @param charts            the settings the policy lists per chart, by the chart's path relative to the root
 * @param kustomizeCommand  the command that renders a kustomization directory ({@code kustomize build},
 *                          {@code kubectl kustomize}, with options); empty: the first of {@code kustomize} and
 *                          {@code kubectl} found on the PATH
 * @param kubeVersion       the Kubernetes version charts are rendered for ({@code .Capabilities.KubeVersion})
 */
public record RenderOptions(ChartSettings chartOverrides, Map<String, ChartSettings> charts,
        Optional<String> kustomizeCommand, String kubeVersion) {
    /** Helm's defaults, the Kustomize command found on the PATH, and the engine's default Kubernetes version. */
    public static final RenderOptions DEFAULT = new RenderOptions(ChartSettings.NONE, Map.of(), Optional.empty(),
            "1.33");

    public RenderOptions {
        Objects.requireNonNull(chartOverrides, "chartOverrides");
        charts = Map.copyOf(charts);
        Objects.requireNonNull(kustomizeCommand, "kustomizeCommand");
        Objects.requireNonNull(kubeVersion, "kubeVersion");
    }

    /** The settings a chart is rendered with: the front end's over the policy's entry for its path. */
    public ChartSettings settingsFor(final String chartPath) {
        return chartOverrides.over(charts.getOrDefault(normalise(chartPath), ChartSettings.NONE));
    }

    /** A chart path as the policy's keys are written: forward slashes, no leading {@code ./}, no trailing slash. */
    public static String normalise(final String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "." : p;
    }
}
