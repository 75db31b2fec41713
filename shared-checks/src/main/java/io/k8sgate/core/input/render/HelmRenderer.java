package io.k8sgate.core.input.render;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Renders Helm charts. The engine holds no Helm code: a module registers an implementation as a service
 * ({@code META-INF/services/io.k8sgate.core.input.render.HelmRenderer}), and every front end ships that module.
 */
public interface HelmRenderer {
    /**
     * Renders a chart offline: vendored dependencies only, hooks included.
     *
     * @throws RenderException when the chart cannot be rendered; the message names the file and the fix
     */
    RenderedChart render(ChartRequest request);

    /** The renderer registered beside the engine, if any. */
    static Optional<HelmRenderer> installed() {
        return ServiceLoader.load(HelmRenderer.class, HelmRenderer.class.getClassLoader()).findFirst();
    }
}
