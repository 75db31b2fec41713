package io.k8sgate.core.input;

import io.k8sgate.core.concurrent.EngineExecutor;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.input.render.RenderOptions;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.DuplicateObject;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.SkippedInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads Kubernetes manifests from files, directories and globs: plain manifests are parsed, Helm charts and
 * Kustomize directories are rendered first (see {@link Renderings}), and what a walked directory holds that is not a
 * Kubernetes object (CI files, {@code package.json}, documentation YAML) is skipped and listed.
 *
 * <p>Every problem becomes a {@link Diagnostic} with file and line, and loading goes on with the rest: one broken
 * document does not hide the others. Whether a diagnostic fails the gate is the policy's decision.
 */
public final class ManifestLoader {
    private static final Pattern HELM_EXPRESSION = Pattern.compile(
            "\\{\\{-?\\s*(?:\\.Values|\\.Release|\\.Chart|\\.Capabilities|\\.Files|\\.Template|include\\s|template\\s"
                    + "|toYaml|tpl\\s|define\\s|\\$\\.|-?\\s*if\\s|-?\\s*range\\s|-?\\s*with\\s"
                    + "|-?\\s*end\\s*-?\\}\\})");
    private static final Pattern ANY_TEMPLATE = Pattern.compile("\\{\\{.*\\}\\}");
    /** A key that only Kubernetes objects have at their top, as YAML or JSON writes it. */
    private static final Pattern OBJECT_KEY = Pattern.compile("(?m)(?:^|[{,\\s])[\"']?(?:apiVersion|kind)[\"']?\\s*:");
    /**
     * API groups of configuration files that tools read and no API server serves: Kustomize, Skaffold, kpt, kind,
     * kubeadm, component configuration. Such a document in a walked directory is not a cluster object.
     */
    private static final Set<String> TOOL_GROUPS = Set.of("kustomize.config.k8s.io", "config.kubernetes.io",
            "skaffold", "kpt.dev", "fn.kpt.dev", "kind.x-k8s.io", "kubeadm.k8s.io", "kubelet.config.k8s.io",
            "kubeproxy.config.k8s.io", "apiserver.config.k8s.io", "audit.k8s.io", "client.authentication.k8s.io",
            "ctlptl.dev");

    /**
     * Heap one byte of manifest takes while the run holds it: its text, the position-keeping tree and the findings
     * (measured by the benchmark: about 7 bytes of tree and 3 of findings per byte, and the text).
     */
    static final int BYTES_PER_MANIFEST_BYTE = 12;

    private final LoaderLimits limits;
    private final YamlParser parser;
    private final Supplier<Optional<HelmRenderer>> helm;

    /** A loader with the default limits. */
    public ManifestLoader() {
        this(LoaderLimits.DEFAULT);
    }

    /** A loader with the given limits, rendering charts with the Helm renderer installed beside the engine. */
    public ManifestLoader(final LoaderLimits limits) {
        this(limits, HelmRenderer::installed);
    }

    /**
     * A loader with the given limits and Helm renderer.
     *
     * @param limits the limits hostile input is refused by
     * @param helm   the renderer charts are rendered with, looked up when the first chart is met; empty when none
     */
    public ManifestLoader(final LoaderLimits limits, final Supplier<Optional<HelmRenderer>> helm) {
        this.limits = limits;
        this.parser = new YamlParser(limits);
        this.helm = helm;
    }

    /**
     * Loads every input below {@code root}, with the default options (confined to the root).
     *
     * @param root   the directory inputs must stay inside (the workspace)
     * @param inputs files, directories (read recursively) and globs, relative to {@code root} or absolute
     * @return the objects and the diagnostics
     */
    public LoadResult load(final Path root, final List<String> inputs) {
        return load(root, inputs, InputOptions.DEFAULT);
    }

    /**
     * Loads every input within a share of this JVM's heap.
     *
     * @param root    the directory names in reports are relative to (and, when the options confine inputs, the
     *                directory they must stay inside)
     * @param inputs  files, directories (read recursively), globs, chart and kustomization directories, relative to
     *                {@code root} or absolute
     * @param options how inputs are found, rendered and judged
     * @return the objects, the diagnostics, and what was rendered, skipped or defined twice
     */
    public LoadResult load(final Path root, final List<String> inputs, final InputOptions options) {
        return load(root, inputs, options, MemoryBudget.ofHeap());
    }

    /**
     * Loads every input. Each plain file is paid for from {@code budget} before it is read, at about
     * {@link #BYTES_PER_MANIFEST_BYTE} per byte; a file that does not fit is an input error naming it and the limit
     * (the others are still read), not an {@link OutOfMemoryError} part way through.
     *
     * @param root    the directory names in reports are relative to (and, when the options confine inputs, the
     *                directory they must stay inside)
     * @param inputs  files, directories (read recursively), globs, chart and kustomization directories, relative to
     *                {@code root} or absolute
     * @param options how inputs are found, rendered and judged
     * @param budget  the memory the run's inputs may take
     * @return the objects, the diagnostics, and what was rendered, skipped or defined twice
     */
    public LoadResult load(final Path root, final List<String> inputs, final InputOptions options,
            final MemoryBudget budget) {
        Path base = realRoot(root);
        List<Diagnostic> diagnostics = new ArrayList<>();
        InputWalker walker = new InputWalker(base, options.confineToRoot(), diagnostics::add);
        InputWalker.InputSet set = walker.collect(inputs);
        KustomizationGraph graph = KustomizationGraph.of(set.kustomizations.keySet(), parser, walker::display,
                diagnostics::add);
        Renderings renderings = new Renderings(this, parser, limits, base, options.render(), graph, helm);
        List<SkippedInput> skipped = new ArrayList<>(set.skipped);
        Map<Integer, Supplier<Renderings.Yield>> work = new TreeMap<>();
        for (InputWalker.Entry k : set.kustomizations.values()) {
            Optional<Kustomization> read = graph.get(k.path());
            if (!k.named() && graph.isReferenced(k.path())) {
                continue; // a base or component of another kustomization among the inputs: rendered through it
            }
            if (!k.named() && read.map(Kustomization::isComponent).orElse(false)) {
                skipped.add(new SkippedInput(Location.ofFile(read.get().display()), "A Kustomize Component: it is "
                        + "rendered as part of a kustomization that lists it under components, and none among the "
                        + "inputs does"));
                continue;
            }
            if (admissible(k, graph, base, options.confineToRoot(), diagnostics)) {
                work.put(k.order(), () -> renderings.kustomization(k));
            }
        }
        for (InputWalker.Entry c : set.charts.values()) {
            if (!c.named() && graph.usesAnythingIn(c.path())) {
                skipped.add(new SkippedInput(Location.ofFile(walker.display(c.path().resolve(InputWalker.CHART_FILE))),
                        "A Helm chart whose files a kustomization among the inputs uses: checked through that "
                                + "kustomization's output"));
                continue;
            }
            work.put(c.order(), () -> renderings.chart(c));
        }
        boolean skipping = !options.skippedAreErrors();
        for (InputWalker.Entry f : set.files.values()) {
            if (!f.named() && graph.isUsed(f.path())) {
                continue; // a resource, patch or generator input of a kustomization: read through its build
            }
            Path owner = set.owners.get(f.path());
            if (!f.named() && owner != null) {
                skipped.add(new SkippedInput(Location.ofFile(f.display()), "In the folder of the kustomization "
                        + walker.display(owner) + ", which does not use it"));
                continue;
            }
            if (fits(f, budget, diagnostics)) {
                work.put(f.order(), () -> plain(f, skipping && !f.named()));
            }
        }
        // Inputs are independent: read and render them on the engine's threads; results keep input order (the apply
        // order), so runs are alike
        List<Renderings.Yield> results = EngineExecutor.shared().map(new ArrayList<>(work.values()), Supplier::get);
        List<K8sObject> objects = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<RenderedSource> rendered = new ArrayList<>();
        Map<String, SourceMap.Unit> units = new LinkedHashMap<>();
        IdentityHashMap<K8sObject, String> sources = new IdentityHashMap<>();
        Function<List<K8sObject>, List<K8sObject>> deployed = deployedInto(options.render(), results);
        for (Renderings.Yield y : results) {
            List<K8sObject> own = deployed.apply(y.objects());
            names.addAll(y.files());
            objects.addAll(own);
            diagnostics.addAll(y.problems());
            skipped.addAll(y.skipped());
            y.source().ifPresent(rendered::add);
            units.putAll(y.units());
            String source = y.source().map(s -> s.renderer() + " " + s.path()).orElse("");
            own.forEach(o -> sources.put(o, source));
        }
        objects = RepeatedObjects.readOnce(objects, diagnostics::add);
        SourceMap sourceMap = new SourceMap(units);
        List<DuplicateObject> duplicates = RepeatedObjects.duplicates(objects, sources::get,
                at -> sourceMap.place(at, "").map(SourceMap.Placed::source).orElse(at), diagnostics::add);
        if (objects.isEmpty()) {
            diagnostics.add(Diagnostic.error(LoadResult.NO_OBJECTS, Location.ofFile(inputs.isEmpty() ? "."
                    : String.join(", ", inputs)), "No Kubernetes objects were found in the inputs ("
                    + set.seen + " file(s) looked at" + (skipped.isEmpty() ? "" : ", " + skipped.size()
                    + " left out as not Kubernetes objects") + "): there is nothing to check"));
        }
        return new LoadResult(objects, diagnostics, names.stream().distinct().toList(),
                new InputSummary(rendered, skipped, duplicates), sourceMap);
    }

    /**
     * True when a kustomization may be rendered: confined to the root, every local path its build reads must stay
     * inside the root. Remote bases are noted, since Kustomize fetches them.
     */
    private static boolean admissible(final InputWalker.Entry entry, final KustomizationGraph graph, final Path base,
            final boolean confined, final List<Diagnostic> diagnostics) {
        boolean ok = true;
        for (Kustomization k : graph.closure(entry.path())) {
            for (String remote : k.remote()) {
                diagnostics.add(Diagnostic.info("kustomize-remote", Location.ofFile(k.display()), "The kustomization "
                        + "uses the remote resource " + remote + ", which Kustomize fetches while rendering"));
            }
            if (!confined) {
                continue;
            }
            for (Kustomization.Reference r : k.references()) {
                if (!r.path().startsWith(base)) {
                    diagnostics.add(Diagnostic.error("path-outside-root", r.location(), "The kustomization uses "
                            + r.path() + ", outside the root directory " + base + ": " + entry.display()
                            + " was not rendered"));
                    ok = false;
                }
            }
        }
        return ok;
    }

    /**
     * The objects as they are deployed with the namespace given to the run ({@code --namespace}, the Maven and
     * Jenkins parameters): each namespaced object that names none goes to it, whatever input it comes from, as
     * {@code kubectl apply -n} and {@code helm install -n} put it there. Charts that the policy gives a namespace of
     * their own have it already. Without a namespace, objects are left as they are.
     */
    private static Function<List<K8sObject>, List<K8sObject>> deployedInto(final RenderOptions render,
            final List<Renderings.Yield> results) {
        Optional<String> namespace = render.chartOverrides().namespace().filter(n -> !n.isBlank());
        if (namespace.isEmpty()) {
            return objects -> objects;
        }
        ClusterScopedKinds scopes = ClusterScopedKinds.of(results.stream().flatMap(y -> y.objects().stream())
                .toList());
        return objects -> scopes.deployedInto(objects, namespace.get());
    }

    /** Reads one plain file; a walked file's documents that are not Kubernetes objects are skipped and listed. */
    private Renderings.Yield plain(final InputWalker.Entry file, final boolean skipping) {
        List<Diagnostic> problems = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        List<K8sObject> objects;
        try {
            objects = parse(file.display(), read(file.path(), file.display()), problems::add,
                    skipping ? skipped::add : null);
        } catch (InputException e) {
            problems.add(Diagnostic.error("input-unreadable", Location.ofFile(file.display()), e.getMessage()));
            return new Renderings.Yield(List.of(file.display()), List.of(), problems, List.of(), Optional.empty(),
                    Map.of());
        }
        if (file.named() && objects.isEmpty() && problems.stream().noneMatch(Diagnostic::isError)) {
            problems.add(Diagnostic.error("not-kubernetes", Location.ofFile(file.display()),
                    "The file holds no Kubernetes object"));
        }
        return new Renderings.Yield(List.of(file.display()), objects, problems, skipped, Optional.empty(), Map.of());
    }

    /** True when the file's checking fits in the budget (and it is then paid for); an input error otherwise. */
    private static boolean fits(final InputWalker.Entry file, final MemoryBudget budget,
            final List<Diagnostic> diagnostics) {
        long size;
        try {
            size = Files.size(file.path());
        } catch (IOException e) {
            return true; // reading it reports the problem
        }
        long cost = size * BYTES_PER_MANIFEST_BYTE;
        if (budget.tryReserve(cost)) {
            return true;
        }
        diagnostics.add(Diagnostic.error("input-too-large", Location.ofFile(file.display()), String.format(
                Locale.ROOT, "The file has %,d bytes of manifests, which need about %s of memory to check "
                        + "(about %d bytes per byte of YAML), more than is left of the %s the inputs may use; %s",
                size, MemoryBudget.bytes(cost), BYTES_PER_MANIFEST_BYTE, budget.describe(), MemoryBudget.advice())));
        return false;
    }

    /** Parses the text of one file into Kubernetes objects, reporting problems to {@code problems}. */
    public List<K8sObject> parse(final String file, final String text, final Consumer<Diagnostic> problems) {
        return parse(file, text, problems, null);
    }

    /**
     * Parses the text of one file into Kubernetes objects.
     *
     * @param file     the file's name in reports
     * @param text     its content
     * @param problems receives what cannot be used
     * @param skipped  receives the documents that are not Kubernetes objects at all (no apiVersion and kind, a tool's
     *                 configuration, YAML that does not parse and names neither) when they are to be skipped, as in a
     *                 walked directory; null makes each of them an error, as in a file the user named
     */
    List<K8sObject> parse(final String file, final String text, final Consumer<Diagnostic> problems,
            final @Nullable Consumer<SkippedInput> skipped) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Diagnostic> local = new ArrayList<>();
        List<YamlDocument> documents = parser.parse(file, content, local::add);
        Optional<Diagnostic> malformed = local.stream().filter(d -> d.code().startsWith("yaml-")).findFirst();
        if (skipped != null && malformed.isPresent() && !OBJECT_KEY.matcher(content).find()) {
            skipped.accept(new SkippedInput(malformed.get().location(), "Not YAML a cluster reads ("
                    + malformed.get().message() + "), and it names no apiVersion or kind"));
            local.removeIf(d -> d.code().startsWith("yaml-"));
        }
        boolean helm = false;
        for (Diagnostic d : local) {
            int helmLine = helmLine(content);
            if (d.code().startsWith("yaml-") && helmLine > 0) {
                problems.accept(templateDiagnostic(file, helmLine, HELM_EXPRESSION.matcher(content).find()));
                helm = true;
            } else {
                problems.accept(d);
            }
        }
        List<K8sObject> objects = new ArrayList<>();
        boolean mayHoldTemplates = content.contains("{{");
        for (YamlDocument document : documents) {
            if (document.root().isEmpty()) {
                continue;
            }
            YamlNode root = document.root().get();
            Optional<String> reason = notAnObject(document.index(), root);
            if (reason.isPresent() && skipped != null) {
                skipped.accept(new SkippedInput(document.start(), reason.get()));
                continue;
            }
            if (reason.isPresent() && root.isMap() && root.get("kind").isPresent()
                    && root.get("apiVersion").isPresent()) {
                problems.accept(Diagnostic.error("not-kubernetes", root.location(), reason.get()));
                continue; // a tool's configuration: the other cases are reported below
            }
            int templateLine = mayHoldTemplates ? firstHelmExpression(root) : -1;
            int placeholderLine = mayHoldTemplates && templateLine < 0 ? firstIdentityPlaceholder(root) : -1;
            if (templateLine > 0 || placeholderLine > 0) {
                if (!helm) {
                    problems.accept(templateDiagnostic(file, Math.max(templateLine, placeholderLine),
                            templateLine > 0));
                }
                continue;
            }
            toObjects(file, document, root, objects, problems);
        }
        return objects;
    }

    /**
     * Why a document of a walked directory is not a Kubernetes object at all, or empty when it is one (or a broken
     * one: a document with only one of apiVersion and kind stays an error, as it may be a manifest with a typo).
     */
    private static Optional<String> notAnObject(final int index, final YamlNode root) {
        if (!root.isMap()) {
            return Optional.of("Document " + index + " is a " + root.type().name().toLowerCase(Locale.ROOT)
                    + ", not a Kubernetes object");
        }
        String apiVersion = root.get("apiVersion").text("");
        String kind = root.get("kind").text("");
        if (apiVersion.isEmpty() && kind.isEmpty()) {
            return Optional.of("Document " + index + " has no apiVersion and kind: not a Kubernetes object");
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : apiVersion;
        if (TOOL_GROUPS.contains(group) || "builtin".equals(apiVersion) || ("v1".equals(apiVersion)
                && "Config".equals(kind))) {
            return Optional.of("Document " + index + " configures a tool (" + apiVersion + " " + kind
                    + "): not an object a cluster receives");
        }
        return Optional.empty();
    }

    /**
     * The error for a document that is a template, not a manifest: a Helm template (its expressions name
     * {@code .Values}, {@code include} and the like) is to be rendered as a chart; any other placeholder
     * ({@code {{uid}}} of a shell or sed template) by whatever fills it in.
     */
    private static Diagnostic templateDiagnostic(final String file, final int line, final boolean helm) {
        if (helm) {
            return Diagnostic.error("helm-template", new Location(file, line, 1), "Unrendered Helm template: "
                    + "the document holds template expressions ({{ ... }}) and is not a manifest yet. Point the gate "
                    + "at the chart's directory (the one holding Chart.yaml) to have it rendered, or render the "
                    + "template (`helm template`) and check the output");
        }
        return Diagnostic.error("unrendered-template", new Location(file, line, 1), "Unrendered template: the "
                + "document holds placeholders ({{ ... }}) where the API server accepts no braces, so it is not a "
                + "manifest yet. Check the output of whatever fills the placeholders in instead");
    }

    /**
     * The line of the first {@code {{ ... }}} placeholder in a field the API server validates as a name or a label
     * ({@code metadata.name}, {@code generateName}, {@code namespace}, label keys and values): no object with braces
     * there is ever stored, so the document is a template whatever tool it is written for; -1 when there is none.
     */
    private static int firstIdentityPlaceholder(final YamlNode root) {
        YamlNode metadata = root.get("metadata");
        if (!metadata.isMap()) {
            return -1;
        }
        for (String field : List.of("name", "generateName", "namespace")) {
            YamlNode value = metadata.get(field);
            if (isPlaceholder(value.text(""))) {
                return value.location().line();
            }
        }
        for (var label : metadata.get("labels").entries().entrySet()) {
            if (isPlaceholder(label.getKey()) || isPlaceholder(label.getValue().text(""))) {
                return label.getValue().location().line();
            }
        }
        return -1;
    }

    private static boolean isPlaceholder(final String text) {
        return text.contains("{{") && ANY_TEMPLATE.matcher(text).find();
    }

    /**
     * The line of the first template expression in a file that does not parse, or -1: YAML that fails to parse
     * and holds {{ ... }} is almost always an unrendered template, and saying so helps more than the parser's error.
     */
    private static int helmLine(final String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (ANY_TEMPLATE.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The line of the first value that is a Helm expression, or -1. */
    private static int firstHelmExpression(final YamlNode node) {
        if (node.isScalar()) {
            String text = node.text("");
            if (text.contains("{{")) {
                Matcher m = HELM_EXPRESSION.matcher(text);
                if (m.find()) {
                    return node.location().line();
                }
            }
            return -1;
        }
        for (var entry : node.entries().entrySet()) {
            if (entry.getKey().contains("{{")) {
                return entry.getValue().location().line();
            }
        }
        for (YamlNode child : node.children()) {
            int line = firstHelmExpression(child);
            if (line > 0) {
                return line;
            }
        }
        return -1;
    }

    private void toObjects(final String file, final YamlDocument document, final YamlNode root,
            final List<K8sObject> objects, final java.util.function.Consumer<Diagnostic> problems) {
        if (!root.isMap()) {
            problems.accept(Diagnostic.error("not-kubernetes", document.start(), "Document " + document.index()
                    + " is a " + root.type().name().toLowerCase(Locale.ROOT)
                    + ", not a Kubernetes object (a mapping with apiVersion and kind)"));
            return;
        }
        String kind = root.get("kind").text("");
        String apiVersion = root.get("apiVersion").text("");
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            String missing = kind.isEmpty() && apiVersion.isEmpty() ? "apiVersion and kind"
                    : kind.isEmpty() ? "kind" : "apiVersion";
            problems.accept(Diagnostic.error("not-kubernetes", root.location(), "Document " + document.index()
                    + " is not a Kubernetes object: it has no " + missing));
            return;
        }
        if (kind.endsWith("List") && root.get("items").isSequence()) {
            for (YamlNode item : root.get("items").elements()) {
                item.markObjectRoot();
                toObjects(file, document, item, objects, problems);
            }
            return;
        }
        if (kind.endsWith("List") && root.get("items").isUnset()) {
            return;
        }
        objects.add(new K8sObject(root, file, document.index()));
    }

    private String read(final Path file, final String name) {
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new InputException(name, "the file has " + size + " bytes, over the limit of "
                        + limits.maxFileBytes());
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "the file is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(name, "cannot be read: " + e, e);
        }
    }

    private static Path realRoot(final Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new InputException(root.toString(), "the root directory cannot be opened", e);
        }
    }
}
