package io.k8sgate.core.input.render;

import java.util.Arrays;
import java.util.Objects;

/**
 * The output of one template of a chart (one {@code # Source:} section of {@code helm template}).
 *
 * @param source        the template's path relative to the chart directory, as Helm names it without the chart
 *                      name: {@code templates/deployment.yaml}, or {@code charts/redis/templates/master.yaml} for a
 *                      subchart
 * @param text          the rendered YAML (one or more documents)
 * @param hook          true when the template's objects are Helm hooks ({@code helm.sh/hook})
 * @param templateLines for each line of {@code text} (index 0 is line 1), the 1-based line of the template file
 *                      that produced it, 0 where it cannot be traced
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode, toString and the constructor treat it by content
public record RenderedTemplate(String source, String text, boolean hook, int[] templateLines) {
    public RenderedTemplate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        templateLines = templateLines.clone();
    }

    /** The template line that produced a rendered line (1-based), 0 when unknown. */
    public int templateLine(final int renderedLine) {
        return renderedLine >= 1 && renderedLine <= templateLines.length ? templateLines[renderedLine - 1] : 0;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RenderedTemplate t && source.equals(t.source) && text.equals(t.text) && hook == t.hook
                && Arrays.equals(templateLines, t.templateLines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, text, hook, Arrays.hashCode(templateLines));
    }

    @Override
    public String toString() {
        return "RenderedTemplate[" + source + (hook ? ", hook" : "") + ", " + templateLines.length + " lines]";
    }
}
