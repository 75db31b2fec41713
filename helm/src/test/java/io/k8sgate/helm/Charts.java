package io.k8sgate.helm;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.core.input.render.RenderedTemplate;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Renders fixture charts for real and reads what came out. */
final class Charts {
    static final String KUBE = "1.33";

    private Charts() {
    }

    /** A request for a fixture chart ({@code helm/web}) with release {@code rel} in namespace {@code shop}. */
    static ChartRequest request(final String fixture, final List<String> valuesFiles, final List<String> set) {
        Path chart = Fixtures.path(fixture);
        return new ChartRequest(chart, "rel", "shop", valuesFiles.stream().map(chart::resolve).toList(), set, KUBE);
    }

    static RenderedChart render(final String fixture, final List<String> valuesFiles, final List<String> set) {
        return new InProcessHelmRenderer().render(request(fixture, valuesFiles, set));
    }

    static RenderedChart render(final String fixture) {
        return render(fixture, List.of(), List.of());
    }

    /** The rendered document (one template section) holding the object {@code kind/name}. */
    static RenderedTemplate object(final RenderedChart chart, final String kind, final String name) {
        return chart.templates().stream().filter(t -> id(t).equals(kind + "/" + name))
                .findFirst().orElseThrow(() -> new AssertionError(kind + "/" + name + " not rendered; rendered: "
                        + ids(chart)));
    }

    /** {@code Kind/name} of every rendered object, in Helm's order. */
    static List<String> ids(final RenderedChart chart) {
        return chart.templates().stream().map(Charts::id).toList();
    }

    /** {@code Kind/name} of the object of one section. */
    static String id(final RenderedTemplate template) {
        Map<?, ?> object = yaml(template);
        return object.get("kind") + "/" + ((Map<?, ?>) object.get("metadata")).get("name");
    }

    /** The section's object as maps and lists. */
    static Map<?, ?> yaml(final RenderedTemplate template) {
        return (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(template.text());
    }

    /** The 1-based number of the first rendered line equal to {@code line} once both are trimmed. */
    static int lineOf(final RenderedTemplate template, final String line) {
        return linesOf(template, line).stream().findFirst()
                .orElseThrow(() -> new AssertionError("'" + line + "' not in:\n" + template.text()));
    }

    /** Every 1-based number of a rendered line equal to {@code line} once both are trimmed. */
    static List<Integer> linesOf(final RenderedTemplate template, final String line) {
        List<String> lines = template.text().lines().toList();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(line.strip())) {
                found.add(i + 1);
            }
        }
        return found;
    }
}
