package io.k8sgate.helm;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.RenderException;
import io.k8sgate.core.model.Location;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns Helm's error messages into {@link RenderException}s that name the file and line a person edits and say how
 * to fix the problem. Helm's own wording is kept (it is what {@code helm template} users know); the rendered output
 * that Helm appends in debug mode is never copied into a message, as it may hold secret values.
 */
final class HelmErrors {
    private static final Pattern MISSING_DEPENDENCIES =
            Pattern.compile("missing in charts/ directory: ([^\\n]+)");
    private static final Pattern KUBE_VERSION =
            Pattern.compile("chart requires kubeVersion: (\\S+) which is incompatible with Kubernetes (\\S+)");
    private static final Pattern YAML_ERROR =
            Pattern.compile("YAML parse error on [^/\\s]+/(\\S+?): (?:.*?yaml: line (\\d+): )?(.*)", Pattern.DOTALL);
    private static final Pattern TEMPLATE_PLACE =
            Pattern.compile("(?:^|[\\s(\"])[^/\\s(\"]+/((?:templates|charts)/[^\\s:()\"]+):(\\d+)(?::(\\d+))?");
    private static final Pattern VALUES_FILE = Pattern.compile("failed to parse (.+?): .*?line (\\d+)");
    private static final String DEBUG_HINT = "Use --debug flag to render out invalid YAML";

    private final ChartRequest request;
    private final ChartFile chartFile;
    private final ChartWorkspace workspace;

    HelmErrors(final ChartRequest request, final ChartFile chartFile, final ChartWorkspace workspace) {
        this.request = request;
        this.chartFile = chartFile;
        this.workspace = workspace;
    }

    /**
     * The exception for a Helm error.
     *
     * @param helmError Helm's message
     * @param rendered  gives the rendered output Helm prints with {@code --debug}, for an error in rendered YAML
     */
    RenderException translate(final String helmError, final Function<String, Optional<String>> rendered) {
        String message = clean(workspace.restore(helmError));
        Matcher missing = MISSING_DEPENDENCIES.matcher(message);
        if (missing.find()) {
            return missingDependencies(List.of(missing.group(1).trim().split("\\s*,\\s*")));
        }
        Matcher kube = KUBE_VERSION.matcher(message);
        if (kube.find()) {
            return new RenderException(new Location(chartYaml(), chartFile.kubeVersionLine(), 0),
                    prefix() + "the chart requires Kubernetes " + kube.group(1) + " (kubeVersion in Chart.yaml) but "
                    + "is rendered for Kubernetes " + kube.group(2) + ", the policy's targetKubernetesVersion. Set "
                    + "targetKubernetesVersion to a version the chart supports, or use a chart release made for "
                    + kube.group(2) + ".");
        }
        Matcher yaml = YAML_ERROR.matcher(message);
        if (yaml.find()) {
            return invalidYaml(yaml.group(1), yaml.group(2) == null ? 0 : Integer.parseInt(yaml.group(2)),
                    yaml.group(3).trim(), rendered.apply(yaml.group(1)));
        }
        Optional<Location> place = innermostPlace(message);
        if (place.isPresent()) {
            return new RenderException(place.get(), prefix() + message);
        }
        Matcher values = VALUES_FILE.matcher(message);
        if (values.find() && request.valuesFiles().stream().anyMatch(v -> v.toString().equals(values.group(1)))) {
            return new RenderException(new Location(values.group(1), Integer.parseInt(values.group(2)), 0),
                    prefix() + message);
        }
        if (message.contains("Chart.yaml")) {
            return new RenderException(Location.ofFile(chartYaml()), prefix() + message);
        }
        return new RenderException(Location.ofFile(request.chartDirectory().toString()), prefix() + message);
    }

    /**
     * The last template place the message names: Helm names the include site first and the helper that failed last
     * ({@code template: x/templates/a.yaml:6:8: ... error calling include: template: x/templates/_helpers.tpl:14:31:
     * ...}), and the helper's line is the one to edit.
     */
    private Optional<Location> innermostPlace(final String message) {
        Matcher place = TEMPLATE_PLACE.matcher(message);
        Location last = null;
        while (place.find()) {
            last = new Location(workspace.origin(place.group(1)), Integer.parseInt(place.group(2)),
                    place.group(3) == null ? 0 : Integer.parseInt(place.group(3)));
        }
        return Optional.ofNullable(last);
    }

    /** The exception for dependencies of Chart.yaml that are not in {@code charts/}. */
    RenderException missingDependencies(final List<String> names) {
        List<ChartFile.Dependency> declared = names.stream().map(n -> chartFile.dependency(n)
                .orElse(new ChartFile.Dependency(n, "", "", "", 0))).toList();
        String listed = declared.stream().map(HelmErrors::describe).collect(Collectors.joining(", "));
        boolean one = declared.size() == 1;
        return new RenderException(new Location(chartYaml(), declared.get(0).line(), 0),
                prefix() + "the chart " + (one ? "dependency " : "dependencies ") + listed + (one ? " is" : " are")
                + " declared in Chart.yaml but not vendored in charts/. Run `helm dependency build "
                + request.chartDirectory() + "` to fetch " + (one ? "it" : "them") + " into charts/ (and commit "
                + "charts/ or run that step before the gate): charts are rendered offline and dependencies are never "
                + "downloaded.");
    }

    private RenderException invalidYaml(final String template, final int renderedLine, final String detail,
            final Optional<String> output) {
        int templateLine = 0;
        if (renderedLine > 0 && output.isPresent()) {
            List<String> documents = HelmOutput.documents(output.get());
            Optional<String> broken = documents.size() == 1 ? Optional.of(documents.get(0))
                    : documents.stream().filter(d -> !HelmOutput.wellFormed(d)).findFirst();
            Optional<String> text = workspace.text(template);
            if (broken.isPresent() && text.isPresent()) {
                int[] lines = TemplateLineMapper.of(text.get()).map(broken.get().lines().toList());
                templateLine = renderedLine <= lines.length ? lines[renderedLine - 1] : 0;
            }
        }
        String where = renderedLine == 0 ? "" : " at rendered line " + renderedLine
                + (templateLine == 0 ? "" : " (template line " + templateLine + ")");
        return new RenderException(new Location(workspace.origin(template), templateLine, 0),
                prefix() + template + " renders invalid YAML" + where + ": " + detail);
    }

    private static String describe(final ChartFile.Dependency dependency) {
        StringBuilder text = new StringBuilder("'").append(dependency.name()).append('\'');
        if (!dependency.alias().isEmpty()) {
            text.append(" (alias ").append(dependency.alias()).append(')');
        }
        if (!dependency.version().isEmpty() || !dependency.repository().isEmpty()) {
            text.append(" (");
            if (!dependency.version().isEmpty()) {
                text.append("version ").append(dependency.version());
            }
            if (!dependency.repository().isEmpty()) {
                text.append(dependency.version().isEmpty() ? "" : " ").append("from ").append(dependency.repository());
            }
            text.append(')');
        }
        return text.toString();
    }

    private String prefix() {
        return "Cannot render Helm chart " + request.chartDirectory() + ": ";
    }

    private String chartYaml() {
        return request.chartDirectory().resolve("Chart.yaml").toString();
    }

    /** Helm's message without the rendered output of debug mode and without advice for Helm's own command line. */
    private static String clean(final String message) {
        String text = message;
        int dump = text.indexOf("\n---\n");
        if (dump >= 0) {
            text = text.substring(0, dump);
        }
        text = text.replace(DEBUG_HINT, "");
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }
}
