package io.k8sgate.core.input;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.input.render.RenderException;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.core.input.render.RenderedTemplate;
import io.k8sgate.core.model.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A Helm renderer for the tests of the loader's chart integration (the real one is the helm module's): it substitutes
 * {@code .Release.Name}, {@code .Release.Namespace} and {@code .Values.a.b} (from {@code values.yaml}, then the
 * values files, then the {@code --set} values, in order), renders one line per template line, and marks a template
 * as hooks when it carries {@code helm.sh/hook}. Enough for the charts of the fixtures, which use plain
 * substitutions only; anything else is a render error, as Helm would give one.
 */
final class TemplateHelmRenderer implements HelmRenderer {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    /** Every request, in order. */
    final List<ChartRequest> requests = new ArrayList<>();

    @Override
    public RenderedChart render(final ChartRequest request) {
        requests.add(request);
        Path chart = request.chartDirectory();
        Map<String, Object> chartFile = map(chart.resolve("Chart.yaml"));
        Map<String, Object> values = map(chart.resolve("values.yaml"));
        request.valuesFiles().forEach(f -> merge(values, map(f)));
        for (String assignment : request.setValues()) {
            int eq = assignment.indexOf('=');
            put(values, assignment.substring(0, eq).split("\\."), assignment.substring(eq + 1));
        }
        List<RenderedTemplate> templates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(chart.resolve("templates"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String source = chart.relativize(file).toString().replace('\\', '/');
                if (file.getFileName().toString().startsWith("_") || !source.endsWith(".yaml")) {
                    continue;
                }
                String[] lines = Files.readString(file).split("\n", -1);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    text.append(substitute(lines[i], request, values, source, i + 1));
                    if (i < lines.length - 1) {
                        text.append('\n');
                    }
                }
                String rendered = text.toString();
                templates.add(new RenderedTemplate(source, rendered, rendered.contains("helm.sh/hook"),
                        IntStream.rangeClosed(1, lines.length).toArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedChart(String.valueOf(chartFile.get("name")), String.valueOf(chartFile.get("version")),
                request, templates);
    }

    private static String substitute(final String line, final ChartRequest request, final Map<String, Object> values,
            final String source, final int number) {
        Matcher m = EXPRESSION.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            Object value;
            if (".Release.Name".equals(expression)) {
                value = request.releaseName();
            } else if (".Release.Namespace".equals(expression)) {
                value = request.namespace();
            } else if (expression.startsWith(".Values.")) {
                value = lookup(values, expression.substring(".Values.".length()).split("\\."));
            } else {
                throw new RenderException(new Location(source, number, 0), "template: " + source + ":" + number
                        + ": function not supported by the test renderer: " + expression);
            }
            if (value == null) {
                throw new RenderException(new Location(source, number, 0), "template: " + source + ":" + number
                        + ": nil pointer evaluating " + expression);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked") // YAML mappings are string-keyed maps
    private static Object lookup(final Map<String, Object> values, final String[] path) {
        Object node = values;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked") // YAML mappings are string-keyed maps
    private static void put(final Map<String, Object> values, final String[] path, final Object value) {
        Map<String, Object> node = values;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked") // YAML mappings are string-keyed maps
    private static void merge(final Map<String, Object> into, final Map<String, Object> from) {
        from.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && into.get(k) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) m);
            } else {
                into.put(k, v);
            }
        });
    }

    /** A deep copy with mutable maps, so that values files can be merged into it. */
    private static Object copy(final Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked") // YAML mappings are string-keyed maps
    private static Map<String, Object> map(final Path file) {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            Object value = new YamlParser(LoaderLimits.DEFAULT).parse(file.toString(), Files.readString(file), d -> { })
                    .get(0).root().orElseThrow().toJava();
            return (Map<String, Object>) copy(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
