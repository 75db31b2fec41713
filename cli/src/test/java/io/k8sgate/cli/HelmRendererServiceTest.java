package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This front end carries the Helm renderer and Helm's library for the platform: the engine finds and runs it. */
class HelmRendererServiceTest {
    @Test
    void shouldFindAndRunTheHelmRenderer() {
        HelmRenderer renderer = HelmRenderer.installed().orElseThrow();

        RenderedChart chart = renderer.render(new ChartRequest(Fixtures.path("helm/newer-kube"), "rel", "shop",
                List.of(), List.of(), "1.40"));

        assertThat(chart.templates()).singleElement().satisfies(t -> assertThat(t.text()).contains("rel-future"));
    }
}
