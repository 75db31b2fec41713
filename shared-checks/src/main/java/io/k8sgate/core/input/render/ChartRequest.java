package io.k8sgate.core.input.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to render one Helm chart, as {@code helm template} would be asked.
 *
 * @param chartDirectory the chart's directory (the one holding {@code Chart.yaml})
 * @param releaseName    the release name ({@code .Release.Name})
 * @param namespace      the release namespace ({@code .Release.Namespace})
 * @param valuesFiles    values files, applied in order after the chart's own {@code values.yaml}
 * @param setValues      {@code --set} assignments ({@code a.b=c}), applied in order after the values files
 * @param kubeVersion    the Kubernetes version the chart is rendered for ({@code .Capabilities.KubeVersion}),
 *                       such as {@code 1.33}
 */
public record ChartRequest(Path chartDirectory, String releaseName, String namespace, List<Path> valuesFiles,
        List<String> setValues, String kubeVersion) {
    public ChartRequest {
        Objects.requireNonNull(chartDirectory, "chartDirectory");
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        valuesFiles = List.copyOf(valuesFiles);
        setValues = List.copyOf(setValues);
        Objects.requireNonNull(kubeVersion, "kubeVersion");
    }
}
