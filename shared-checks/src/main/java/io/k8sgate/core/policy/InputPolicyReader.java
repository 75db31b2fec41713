package io.k8sgate.core.policy;

import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.render.ChartSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@code inputs:} section of the policy, as strictly as the rest of the file. */
final class InputPolicyReader {
    private static final Set<String> KEYS = new TreeSet<>(Set.of("manifests", "charts", "kustomizations",
            "kustomizeCommand", "nonKubernetesDocuments"));
    private static final Set<String> CHART_KEYS = new TreeSet<>(Set.of("path", "release", "namespace", "values",
            "set"));

    private final List<ConfigurationException.Problem> problems;

    InputPolicyReader(final List<ConfigurationException.Problem> problems) {
        this.problems = problems;
    }

    InputPolicy read(final YamlNode node) {
        if (node.isUnset()) {
            return InputPolicy.DEFAULT;
        }
        if (!node.isMap()) {
            problem(node, "inputs must be a mapping (manifests, charts, kustomizations, kustomizeCommand, "
                    + "nonKubernetesDocuments)");
            return InputPolicy.DEFAULT;
        }
        node.entries().forEach((k, v) -> {
            if (!KEYS.contains(k)) {
                problem(v, "Unknown key '" + k + "' in inputs (allowed: " + String.join(", ", KEYS) + ")");
            }
        });
        List<String> manifests = strings(node.get("manifests"), "inputs.manifests");
        List<String> kustomizations = strings(node.get("kustomizations"), "inputs.kustomizations");
        List<InputPolicy.Chart> charts = new ArrayList<>();
        YamlNode list = node.get("charts");
        if (list.isPresent() && !list.isSequence()) {
            problem(list, "inputs.charts must be a list of charts, each with a path");
        }
        for (YamlNode chart : list.elements()) {
            chart(chart).ifPresent(charts::add);
        }
        Optional<String> command = Optional.empty();
        YamlNode c = node.get("kustomizeCommand");
        if (c.isPresent()) {
            if (!c.isScalar() || c.text("").isBlank()) {
                problem(c, "inputs.kustomizeCommand must be a command such as 'kubectl kustomize'");
            } else {
                command = c.text();
            }
        }
        boolean error = false;
        YamlNode documents = node.get("nonKubernetesDocuments");
        if (documents.isPresent()) {
            String value = documents.text("").toLowerCase(Locale.ROOT);
            if ("error".equals(value)) {
                error = true;
            } else if (!"skip".equals(value)) {
                problem(documents, "inputs.nonKubernetesDocuments must be skip or error (got '" + documents.text("")
                        + "')");
            }
        }
        return new InputPolicy(manifests, charts, kustomizations, command, error);
    }

    private Optional<InputPolicy.Chart> chart(final YamlNode chart) {
        if (chart.isScalar()) {
            return Optional.of(new InputPolicy.Chart(chart.text(""), ChartSettings.NONE));
        }
        if (!chart.isMap()) {
            problem(chart, "each chart is a path, or a mapping with path, release, namespace, values, set");
            return Optional.empty();
        }
        chart.entries().forEach((k, v) -> {
            if (!CHART_KEYS.contains(k)) {
                problem(v, "Unknown key '" + k + "' in a chart (allowed: " + String.join(", ", CHART_KEYS) + ")");
            }
        });
        String path = chart.get("path").text("").trim();
        if (path.isEmpty()) {
            problem(chart, "a chart needs its path (the directory holding Chart.yaml)");
            return Optional.empty();
        }
        List<String> set = strings(chart.get("set"), "set");
        for (int i = 0; i < set.size(); i++) {
            if (set.get(i).indexOf('=') <= 0) {
                problem(chart.get("set").at(i), "a set value is written key=value, such as image.tag=1.2.3");
            }
        }
        return Optional.of(new InputPolicy.Chart(path, new ChartSettings(text(chart.get("release")),
                text(chart.get("namespace")), strings(chart.get("values"), "values"), set)));
    }

    private Optional<String> text(final YamlNode node) {
        if (node.isUnset()) {
            return Optional.empty();
        }
        if (!node.isScalar() || node.text("").isBlank()) {
            problem(node, node.fieldPath() + " must be a name");
            return Optional.empty();
        }
        return node.text();
    }

    private List<String> strings(final YamlNode node, final String where) {
        List<String> out = new ArrayList<>();
        if (node.isUnset()) {
            return out;
        }
        if (node.isScalar()) {
            out.add(node.text(""));
            return out;
        }
        if (!node.isSequence()) {
            problem(node, where + " must be a list of paths");
            return out;
        }
        for (YamlNode e : node.elements()) {
            if (!e.isScalar() || e.text("").isBlank()) {
                problem(e, where + " must list paths (strings)");
            } else {
                out.add(e.text(""));
            }
        }
        return out;
    }

    private void problem(final YamlNode node, final String message) {
        problems.add(new ConfigurationException.Problem(node.location(), message));
    }
}
