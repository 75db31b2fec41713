package io.k8sgate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of every front end that hands charts to the engine: its class path carries the Helm renderer as the
 * engine's service and Helm's library for this platform, so a chart renders for real. Each front end's tests extend
 * this class (this module publishes it in its test jar).
 */
public abstract class AbstractFrontEndCarriesHelmTest {
    @Test
    void shouldFindTheRendererAsTheEnginesServiceAndRenderAChart() {
        HelmRenderer renderer = HelmRenderer.installed().orElseThrow(
                () -> new AssertionError("no HelmRenderer service on this front end's class path"));

        RenderedChart chart = renderer.render(new ChartRequest(Fixtures.path("helm/newer-kube"), "rel", "shop",
                List.of(), List.of(), "1.40"));

        assertThat(renderer).isInstanceOf(InProcessHelmRenderer.class);
        assertThat(chart.templates()).singleElement().satisfies(t -> assertThat(t.text())
                .contains("name: rel-future", "kube: \"v1.40.0\""));
    }
}
