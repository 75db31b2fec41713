package io.k8sgate.helm;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.input.render.RenderException;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.core.input.render.RenderedTemplate;
import io.k8sgate.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders Helm charts in this process with Helm's own Go library (helm-java), as {@code helm template} does, with
 * the differences a gate needs:
 * <ul>
 *   <li>hooks ({@code helm.sh/hook} Jobs, Pods, RBAC...) are rendered with the other objects and flagged;</li>
 *   <li>nothing reaches the network or a cluster: dependencies must be vendored in {@code charts/} (as folders or
 *   {@code .tgz} archives), {@code lookup} finds nothing, the user's Helm repositories and kubeconfig are not
 *   used;</li>
 *   <li>the chart's {@code Capabilities.KubeVersion} is the request's (the policy's target version, {@code 1.33}
 *   read as {@code v1.33.0}), never the library's default ({@code v1.20});</li>
 *   <li>every rendered line is traced to the template line that wrote it ({@link TemplateLineMapper});</li>
 *   <li>errors name the template file and line Helm reports, and how to fix them.</li>
 * </ul>
 * The chart is rendered from a private copy ({@link ChartWorkspace}); the user's files are only read.
 */
public final class InProcessHelmRenderer implements HelmRenderer {
    /** The namespace Helm uses when none is given (never the one of the user's kubeconfig context). */
    private static final String DEFAULT_NAMESPACE = "default";

    /** Made by the service loader. */
    public InProcessHelmRenderer() {
        // stateless: the library is loaded on first use
    }

    @Override
    public RenderedChart render(final ChartRequest request) {
        Path directory = request.chartDirectory();
        Path chartYaml = directory.resolve("Chart.yaml");
        if (!Files.isRegularFile(chartYaml)) {
            throw new RenderException(Location.ofFile(directory.toString()),
                    "Cannot render Helm chart " + directory + ": it has no Chart.yaml, so it is not a chart.");
        }
        if (request.kubeVersion().isBlank()) {
            // Helm would render for its default, v1.20, and refuse or misrender charts made for newer clusters
            throw new RenderException(Location.ofFile(directory.toString()), "Cannot render Helm chart " + directory
                    + ": no Kubernetes version to render for; set targetKubernetesVersion in the policy.");
        }
        ChartFile chartFile = ChartFile.parse(read(chartYaml));
        for (Path values : request.valuesFiles()) {
            if (!Files.isRegularFile(values)) {
                throw new RenderException(Location.ofFile(values.toString()), "Cannot render Helm chart " + directory
                        + ": the values file " + values + " does not exist.");
            }
        }
        SetValues set;
        try {
            set = SetValues.parse(request.setValues());
        } catch (IllegalArgumentException e) {
            throw new RenderException(Location.ofFile(directory.toString()),
                    "Cannot render Helm chart " + directory + ": " + e.getMessage(), e);
        }
        HelmLibrary library;
        try {
            library = HelmLibrary.get();
        } catch (HelmLibrary.UnavailableException e) {
            throw new RenderException(Location.ofFile(directory.toString()), e.getMessage(), e);
        }
        try (ChartWorkspace workspace = ChartWorkspace.create(directory, request.valuesFiles(), set.listValues())) {
            HelmErrors errors = new HelmErrors(request, chartFile, workspace);
            HelmLibrary.Output output = library.template(call(request, workspace, set, false));
            if (!output.err().isBlank()) {
                throw errors.translate(output.err(), template -> debugOutput(library, request, workspace, set,
                        template));
            }
            return new RenderedChart(chartFile.name(), chartFile.version(), request,
                    templates(workspace.restore(output.out()), workspace));
        } catch (ChartWorkspace.WorkspaceException e) {
            throw new RenderException(Location.ofFile(e.file()), "Cannot render Helm chart " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<RenderedTemplate> templates(final String output, final ChartWorkspace workspace) {
        Map<String, Optional<TemplateLineMapper>> mappers = new HashMap<>();
        List<RenderedTemplate> templates = new ArrayList<>();
        for (HelmOutput.Section section : HelmOutput.sections(output)) {
            Optional<TemplateLineMapper> mapper = mappers.computeIfAbsent(section.source(),
                    source -> workspace.text(source).map(TemplateLineMapper::of));
            List<String> lines = section.lines();
            int[] templateLines = mapper.map(m -> m.map(lines)).orElseGet(() -> new int[lines.size()]);
            templates.add(new RenderedTemplate(section.source(), section.text(), HelmOutput.isHook(section.text()),
                    templateLines));
        }
        return templates;
    }

    /** The raw output of one template, which Helm prints with {@code --debug} when the rendered YAML is invalid. */
    private static Optional<String> debugOutput(final HelmLibrary library, final ChartRequest request,
            final ChartWorkspace workspace, final SetValues set, final String template) {
        String err = library.template(call(request, workspace, set, true)).err();
        int dump = err.indexOf("\n---\n");
        if (dump < 0) {
            return Optional.empty();
        }
        return HelmOutput.sections(workspace.restore(err.substring(dump + 1))).stream()
                .filter(s -> s.source().equals(template)).map(HelmOutput.Section::text).findFirst();
    }

    private static HelmLibrary.TemplateCall call(final ChartRequest request, final ChartWorkspace workspace,
            final SetValues set, final boolean debug) {
        List<Path> values = workspace.valuesFiles();
        return new HelmLibrary.TemplateCall(request.releaseName(), workspace.chart().toString(),
                request.namespace().isBlank() ? DEFAULT_NAMESPACE : request.namespace(),
                fullKubeVersion(request.kubeVersion()),
                set.scalarQuery().orElse(null),
                values.isEmpty() ? null : values.stream().map(Path::toString).collect(Collectors.joining(",")),
                workspace.noRepositories().toString(), debug);
    }

    /**
     * {@code 1.33} as {@code 1.33.0}: Helm keeps the text it is given, and a cluster reports three numbers
     * ({@code .Capabilities.KubeVersion.Version} is {@code v1.33.0}, as charts that parse it expect).
     */
    static String fullKubeVersion(final String version) {
        String trimmed = version.strip();
        return trimmed.matches("v?\\d+\\.\\d+") ? trimmed + ".0" : trimmed;
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new RenderException(Location.ofFile(file.toString()), "Cannot read " + file + ": " + e.getMessage(),
                    e);
        }
    }
}
