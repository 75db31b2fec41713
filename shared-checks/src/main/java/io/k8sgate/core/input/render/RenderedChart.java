package io.k8sgate.core.input.render;

import java.util.List;
import java.util.Objects;

/**
 * A rendered chart.
 *
 * @param name      the chart's name from {@code Chart.yaml}
 * @param version   the chart's version from {@code Chart.yaml}
 * @param request   what was rendered: release, namespace, values
 * @param templates the rendered templates in Helm's order, hooks included
 */
public record RenderedChart(String name, String version, ChartRequest request, List<RenderedTemplate> templates) {
    public RenderedChart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(request, "request");
        templates = List.copyOf(templates);
    }
}
