package io.k8sgate.core.input;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.ChartSettings;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.input.render.RenderException;
import io.k8sgate.core.input.render.RenderOptions;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.core.input.render.RenderedTemplate;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.RenderedObject;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.SkippedInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Renders the charts and kustomizations among the inputs and reads their output as manifests, noting for every
 * object what produced it and where a person edits it.
 */
final class Renderings {
    /** The annotation that makes an object a Helm hook. */
    static final String HELM_HOOK = "helm.sh/hook";
    /**
     * The release namespace a chart rendered without one is rendered for a second time, to tell the objects that
     * take their namespace from the release from those that write {@code default} themselves; no chart writes it.
     */
    static final String PROBE_NAMESPACE = "k8s-gate-release-namespace-probe";

    /**
     * What one input (a plain file, a kustomization, a chart) yielded.
     *
     * @param files    the files read, by their names in reports
     * @param objects  the objects, in order
     * @param problems what could not be used
     * @param skipped  what was left out
     * @param source   the rendered source, for a chart or kustomization
     * @param units    the rendered texts, by the names their objects' locations carry
     */
    record Yield(List<String> files, List<K8sObject> objects, List<Diagnostic> problems, List<SkippedInput> skipped,
            Optional<RenderedSource> source, Map<String, SourceMap.Unit> units) {
        static Yield failed(final List<String> files, final List<Diagnostic> problems) {
            return new Yield(files, List.of(), problems, List.of(), Optional.empty(), Map.of());
        }
    }

    private final ManifestLoader loader;
    private final YamlParser parser;
    private final LoaderLimits limits;
    private final Path base;
    private final Function<Path, String> names;
    private final RenderOptions options;
    private final KustomizationGraph graph;
    private final Object helmLock = new Object();
    private final Supplier<Optional<HelmRenderer>> helmLookup;
    /** Looked up on first use. */
    private KustomizeRenderer.@Nullable Found kustomize;
    /** Looked up on first use. */
    private Optional<HelmRenderer> helm = Optional.empty();
    private boolean helmLookedUp;

    Renderings(final ManifestLoader loader, final YamlParser parser, final LoaderLimits limits, final Path base,
            final RenderOptions options, final KustomizationGraph graph,
            final Supplier<Optional<HelmRenderer>> helmLookup) {
        this.loader = loader;
        this.parser = parser;
        this.limits = limits;
        this.base = base;
        this.names = p -> InputWalker.display(base, p);
        this.options = options;
        this.graph = graph;
        this.helmLookup = helmLookup;
    }

    private synchronized KustomizeRenderer.Found kustomize() {
        if (kustomize == null) {
            kustomize = KustomizeRenderer.find(options.kustomizeCommand(), limits);
        }
        return kustomize;
    }

    private Optional<HelmRenderer> helm() {
        synchronized (helmLock) {
            if (!helmLookedUp) {
                helm = helmLookup.get();
                helmLookedUp = true;
            }
            return helm;
        }
    }

    /** Renders a kustomization directory and reads its output. */
    Yield kustomization(final InputWalker.Entry entry) {
        Path dir = entry.path();
        String file = names.apply(KustomizationGraph.fileOf(dir).orElse(dir.resolve("kustomization.yaml")));
        List<String> files = graph.filesOf(dir).stream().map(names).toList();
        List<Diagnostic> problems = new ArrayList<>();
        KustomizeRenderer.Found found = kustomize();
        if (found.renderer().isEmpty()) {
            problems.add(Diagnostic.error("kustomize-missing", Location.ofFile(file), found.problem()));
            return Yield.failed(files, problems);
        }
        KustomizeRenderer renderer = found.renderer().get();
        KustomizeRenderer.Output output;
        try {
            output = renderer.render(dir, entry.display(), file);
        } catch (RenderException e) {
            problems.add(Diagnostic.error("kustomize-render", e.location(), e.getMessage()));
            return Yield.failed(files, problems);
        }
        if (output.origins().isEmpty()) {
            problems.add(Diagnostic.info("kustomize-origins", Location.ofFile(file), "Kustomize could not report "
                    + "which file each object came from; findings name the kustomization file"));
        }
        String name = entry.display() + " (kustomize build)";
        List<K8sObject> objects = loader.parse(name, output.text(), problems::add);
        KustomizeOrigins origins = new KustomizeOrigins(graph, dir, parser, names, Location.ofFile(file));
        String command = renderer.commandFor(entry.display());
        List<KustomizeOrigins.Origin> perObject = new ArrayList<>();
        List<RenderedObject> produced = new ArrayList<>();
        for (K8sObject o : objects) {
            int index = o.document() - 1;
            KustomizeOrigins.Origin origin = index < output.origins().size() ? output.origins().get(index)
                    : KustomizeOrigins.Origin.UNKNOWN;
            perObject.add(origin);
            produced.add(new RenderedObject(o.ref(), origins.locate(o, origin), o.location(), ""));
        }
        RenderedSource source = new RenderedSource(RenderedSource.Renderer.KUSTOMIZE, entry.display(),
                dir.getFileName() == null ? entry.display() : dir.getFileName().toString(), "", "", "", List.of(),
                List.of(), command, produced);
        SourceMap.Unit unit = new KustomizeUnit(objects, perObject, origins, command, source.describe());
        return new Yield(files, objects, problems, List.of(), Optional.of(source), Map.of(name, unit));
    }

    /** Renders a chart and reads its output, hooks included. */
    Yield chart(final InputWalker.Entry entry) {
        Path dir = entry.path();
        String chartFile = names.apply(dir.resolve(InputWalker.CHART_FILE));
        List<String> files = new ArrayList<>(List.of(chartFile));
        List<Diagnostic> problems = new ArrayList<>();
        Optional<HelmRenderer> renderer = helm();
        if (renderer.isEmpty()) {
            problems.add(Diagnostic.error("helm-renderer-missing", Location.ofFile(chartFile), "A Helm chart, but no "
                    + "Helm renderer is installed beside the engine (the module k8s-security-helm, which the command "
                    + "line, the Maven plugin and the Jenkins step ship): add it, or render the chart with "
                    + "`helm template` and check the output"));
            return Yield.failed(files, problems);
        }
        ChartSettings settings = options.settingsFor(entry.display());
        List<Path> values = new ArrayList<>();
        for (String v : settings.valuesFiles()) {
            Path p = base.resolve(v).normalize();
            if (!Files.isRegularFile(p)) {
                problems.add(Diagnostic.error("input-missing", Location.ofFile(v), "The values file for the chart "
                        + entry.display() + " does not exist"));
            }
            values.add(p);
            files.add(names.apply(p));
        }
        if (!problems.isEmpty()) {
            return Yield.failed(files, problems);
        }
        String release = settings.releaseOrDefault();
        String namespace = settings.namespaceOrDefault();
        ChartRequest request = new ChartRequest(dir, release, namespace, values, settings.setValues(),
                options.kubeVersion());
        RenderedChart chart;
        try {
            synchronized (helmLock) { // the renderer runs Helm's own library, which is not known to be thread-safe
                chart = renderer.get().render(request);
            }
        } catch (RenderException e) {
            problems.add(Diagnostic.error("helm-render", relocate(e.location(), entry.display()), e.getMessage()));
            return Yield.failed(files, problems);
        }
        List<String> valuesShown = values.stream().map(names).toList();
        List<String> setKeys = settings.setValues().stream().map(ChartSettings::key).toList();
        String command = helmCommand(entry.display(), release, namespace, valuesShown, setKeys);
        RenderedSource provisional = new RenderedSource(RenderedSource.Renderer.HELM, entry.display(), chart.name(),
                chart.version(), release, namespace, valuesShown, setKeys, command, List.of());
        Map<TemplateOutput, List<K8sObject>> byTemplate = new LinkedHashMap<>();
        for (TemplateOutput template : TemplateOutput.of(chart)) {
            byTemplate.put(template, loader.parse(templateFile(entry, template) + " (helm template)",
                    template.text(), problems::add));
        }
        // installed with a namespace, Helm puts every namespaced object that names none into it
        Optional<String> deployedInto = settings.namespace().filter(n -> !n.isBlank());
        if (deployedInto.isEmpty() && writesNamespace(byTemplate, namespace)) {
            byTemplate = unchosenNamespaces(renderer.get(), request, byTemplate, entry);
        }
        if (deployedInto.isPresent()) {
            ClusterScopedKinds scopes = ClusterScopedKinds.of(byTemplate.values().stream().flatMap(List::stream)
                    .toList());
            byTemplate.replaceAll((t, own) -> scopes.deployedInto(own, deployedInto.get()));
        }
        List<K8sObject> objects = new ArrayList<>();
        List<RenderedObject> produced = new ArrayList<>();
        Map<String, SourceMap.Unit> units = new LinkedHashMap<>();
        byTemplate.forEach((template, own) -> {
            String templateFile = templateFile(entry, template);
            files.add(templateFile);
            for (K8sObject o : own) {
                produced.add(new RenderedObject(o.ref(), new Location(templateFile,
                        template.templateLine(o.location().line()), 0), o.location(), hook(o)));
            }
            objects.addAll(own);
            units.put(templateFile + " (helm template)", new ChartUnit(template, templateFile, own, command
                    + " --show-only " + template.source(), provisional.describe()));
        });
        RenderedSource source = new RenderedSource(RenderedSource.Renderer.HELM, entry.display(), chart.name(),
                chart.version(), release, namespace, valuesShown, setKeys, command, produced);
        return new Yield(files.stream().distinct().toList(), objects, problems, List.of(), Optional.of(source),
                units);
    }

    /** True when an object of the chart writes {@code namespace} (the defaulted release namespace) itself. */
    private static boolean writesNamespace(final Map<TemplateOutput, List<K8sObject>> byTemplate,
            final String namespace) {
        return byTemplate.values().stream().flatMap(List::stream)
                .anyMatch(o -> namespace.equals(o.root().path("metadata", "namespace").text("")));
    }

    /**
     * The objects of a chart rendered without a namespace, those whose {@code metadata.namespace} is the release
     * namespace marked as naming none. Helm renders such a chart for the namespace {@code default}, and
     * {@code namespace: {{ .Release.Namespace }}} then reads exactly like a chart that writes
     * {@code namespace: default}; only the chart's output for another release namespace tells them apart. So the chart
     * is rendered a second time, for {@link #PROBE_NAMESPACE}: an object whose namespace follows the release namespace
     * (same template, same position, same kind) took it from the release, and the gate, not the chart, chose it.
     * The first rendering stays the one reported (it is what {@code helm template} prints). When the second one
     * fails, every written namespace is kept as the chart's choice.
     */
    private Map<TemplateOutput, List<K8sObject>> unchosenNamespaces(final HelmRenderer renderer,
            final ChartRequest request, final Map<TemplateOutput, List<K8sObject>> byTemplate,
            final InputWalker.Entry entry) {
        RenderedChart probe;
        try {
            synchronized (helmLock) {
                probe = renderer.render(new ChartRequest(request.chartDirectory(), request.releaseName(),
                        PROBE_NAMESPACE, request.valuesFiles(), request.setValues(), request.kubeVersion()));
            }
        } catch (RenderException e) {
            return byTemplate;
        }
        Map<String, List<K8sObject>> probed = new HashMap<>();
        for (TemplateOutput template : TemplateOutput.of(probe)) {
            probed.put(template.source(), loader.parse(templateFile(entry, template) + " (helm template)",
                    template.text(), d -> { }));
        }
        Map<TemplateOutput, List<K8sObject>> out = new LinkedHashMap<>();
        byTemplate.forEach((template, own) -> {
            List<K8sObject> other = probed.getOrDefault(template.source(), List.of());
            List<K8sObject> marked = new ArrayList<>(own.size());
            for (int i = 0; i < own.size(); i++) {
                K8sObject o = own.get(i);
                boolean followsRelease = i < other.size() && other.get(i).kind().equals(o.kind())
                        && PROBE_NAMESPACE.equals(other.get(i).root().path("metadata", "namespace").text(""))
                        && request.namespace().equals(o.root().path("metadata", "namespace").text(""));
                marked.add(followsRelease ? o.withUnchosenNamespace() : o);
            }
            out.put(template, marked);
        });
        return out;
    }

    /** The template's file as reports name it: relative to the root. */
    private static String templateFile(final InputWalker.Entry entry, final TemplateOutput template) {
        return ".".equals(entry.display()) ? template.source() : entry.display() + "/" + template.source();
    }

    private static String helmCommand(final String chart, final String release, final String namespace,
            final List<String> values, final List<String> setKeys) {
        StringBuilder sb = new StringBuilder("helm template ").append(release).append(' ').append(chart)
                .append(" --namespace ").append(namespace);
        values.forEach(v -> sb.append(" -f ").append(v));
        setKeys.forEach(k -> sb.append(" --set ").append(k).append("=..."));
        return sb.toString();
    }

    /** A renderer's location, named as reports name files: relative to the root, or below the chart directory. */
    private Location relocate(final Location at, final String chart) {
        String file = at.file();
        if (file.isEmpty()) {
            return new Location(chart, at.line(), at.column());
        }
        Path p = Paths.get(file);
        String shown = p.isAbsolute() ? names.apply(p) : file.startsWith(chart + "/") || ".".equals(chart) ? file
                : chart + "/" + file;
        return new Location(shown, at.line(), at.column());
    }

    /** The output of a kustomization: objects by their first line, each led back through its origin. */
    private static final class KustomizeUnit implements SourceMap.Unit {
        private final int[] starts;
        private final List<K8sObject> objects;
        private final List<KustomizeOrigins.Origin> origins;
        private final KustomizeOrigins locator;
        private final String command;
        private final String producedBy;

        KustomizeUnit(final List<K8sObject> objects, final List<KustomizeOrigins.Origin> origins,
                final KustomizeOrigins locator, final String command, final String producedBy) {
            this.objects = List.copyOf(objects);
            this.origins = List.copyOf(origins);
            this.starts = objects.stream().mapToInt(o -> o.location().line()).toArray();
            this.locator = locator;
            this.command = command;
            this.producedBy = producedBy;
        }

        @Override
        public SourceMap.Placed place(final int line, final String fieldPath) {
            int i = objectAt(starts, line);
            String rendered = "line " + line + " of `" + command + "`";
            if (i < 0) {
                return new SourceMap.Placed(locator.rootFile(), rendered, producedBy, "");
            }
            return new SourceMap.Placed(locator.locate(objects.get(i), origins.get(i), fieldPath), rendered,
                    producedBy, "");
        }
    }

    /** The {@code helm.sh/hook} annotation of a hook, empty for any other object. */
    private static String hook(final K8sObject o) {
        Map<String, String> annotations = o.annotations();
        return annotations.containsKey(HELM_HOOK) ? annotations.get(HELM_HOOK) : "";
    }

    /**
     * The output of one template file: its documents (the renderer hands them over one by one) joined as
     * {@code helm template --show-only <template>} prints them, each after {@code ---} and its {@code # Source:}
     * comment, so that a rendered line is the line of that command's output.
     *
     * @param source        the template's path in the chart
     * @param text          the joined output
     * @param templateLines the template line of each line of {@code text}, 0 for the lines Helm adds
     */
    @SuppressWarnings("ArrayRecordComponent") // carries the lines from a chart to its documents, never compared
    record TemplateOutput(String source, String text, int[] templateLines) {
        static List<TemplateOutput> of(final RenderedChart chart) {
            Map<String, List<RenderedTemplate>> bySource = new LinkedHashMap<>();
            chart.templates().stream().filter(t -> !t.text().isBlank())
                    .forEach(t -> bySource.computeIfAbsent(t.source(), k -> new ArrayList<>()).add(t));
            List<TemplateOutput> out = new ArrayList<>();
            bySource.forEach((source, parts) -> {
                StringBuilder text = new StringBuilder();
                List<Integer> lines = new ArrayList<>();
                for (RenderedTemplate part : parts) {
                    text.append("---\n# Source: ").append(chart.name()).append('/').append(source).append('\n');
                    lines.add(0);
                    lines.add(0);
                    String[] own = part.text().split("\n", -1);
                    int count = part.text().endsWith("\n") ? own.length - 1 : own.length;
                    for (int i = 0; i < count; i++) {
                        text.append(own[i]).append('\n');
                        lines.add(part.templateLine(i + 1));
                    }
                }
                out.add(new TemplateOutput(source, text.toString(),
                        lines.stream().mapToInt(Integer::intValue).toArray()));
            });
            return out;
        }

        /** The template line of a line of the output, 0 when unknown. */
        int templateLine(final int line) {
            return line >= 1 && line <= templateLines.length ? templateLines[line - 1] : 0;
        }
    }

    /** One template's output: each line led back through the template line Helm's renderer reported. */
    private static final class ChartUnit implements SourceMap.Unit {
        private final TemplateOutput template;
        private final String file;
        private final int[] starts;
        private final List<K8sObject> objects;
        private final String command;
        private final String producedBy;

        ChartUnit(final TemplateOutput template, final String file, final List<K8sObject> objects,
                final String command, final String producedBy) {
            this.template = template;
            this.file = file;
            this.objects = List.copyOf(objects);
            this.starts = objects.stream().mapToInt(o -> o.location().line()).toArray();
            this.command = command;
            this.producedBy = producedBy;
        }

        @Override
        public SourceMap.Placed place(final int line, final String fieldPath) {
            int i = objectAt(starts, line);
            String hook = i >= 0 ? hook(objects.get(i)) : "";
            return new SourceMap.Placed(new Location(file, template.templateLine(line), 0), "line " + line
                    + " of `" + command + "`", producedBy, hook);
        }
    }

    /** The index of the last object starting at or before {@code line}, -1 when there is none. */
    static int objectAt(final int[] starts, final int line) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= line) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
