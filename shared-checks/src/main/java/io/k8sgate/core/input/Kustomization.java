package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One kustomization file, read for what it uses (resources, components, patches, generator inputs, configuration
 * files) and for what it changes (patches, image rules, generators), each with the place it is written. The gate
 * never builds with this: Kustomize does. It tells which files a build reads, so that they are not read again as
 * plain manifests, and where a field of the output was decided, so that a finding names that place.
 */
public final class Kustomization {
    /** How a kustomization uses a path it names. */
    public enum Use {
        /** {@code resources} or {@code bases}: objects, or another kustomization when a directory. */
        RESOURCE,
        /** {@code components}: a Kustomize Component. */
        COMPONENT,
        /** A strategic-merge or JSON 6902 patch file: never a whole object. */
        PATCH,
        /** The input of a generator ({@code configMapGenerator}, {@code secretGenerator}). */
        GENERATOR_INPUT,
        /** Configuration Kustomize reads: {@code crds}, {@code configurations}, {@code replacements},
         * {@code openapi}, generator and transformer configurations, a Helm chart home. */
        CONFIGURATION
    }

    /**
     * A local path the kustomization names.
     *
     * @param path      the absolute, normalised path
     * @param use       how it is used
     * @param directory whether the path is a directory
     * @param location  where it is named
     */
    public record Reference(Path path, Use use, boolean directory, Location location) {
    }

    /**
     * Which objects a patch or rule applies to; empty fields match anything. Names and namespaces are regular
     * expressions, as in Kustomize.
     */
    public record Target(String group, String version, String kind, String name, String namespace,
            String labelSelector, String annotationSelector) {
        static final Target ANY = new Target("", "", "", "", "", "", "");
    }

    /**
     * One patch: its documents (a strategic-merge fragment per document, or the operations of a JSON 6902 patch),
     * where they are written, and what they apply to.
     *
     * @param json6902   true for a JSON 6902 patch (a list of operations)
     * @param target     the declared target; a strategic-merge patch without one targets the object it names
     * @param documents  the parsed patch documents
     * @param file       the file the documents' locations refer to (the patch file, or the kustomization for an
     *                   inline patch)
     * @param lineOffset added to the documents' lines (an inline patch starts below its key)
     * @param declared   where the patch is declared in the kustomization
     */
    public record Patch(boolean json6902, Target target, List<YamlNode> documents, String file, int lineOffset,
            Location declared) {
        /** The place of a node of this patch. */
        public Location locate(final YamlNode node) {
            return new Location(file, node.location().line() + lineOffset, node.location().column());
        }
    }

    /**
     * An {@code images} rule.
     *
     * @param name     the image name it matches
     * @param location where the rule is written
     */
    public record ImageRule(String name, Location location) {
    }

    /**
     * A generator entry ({@code configMapGenerator}, {@code secretGenerator}).
     *
     * @param kind     {@code ConfigMap} or {@code Secret}
     * @param name     the name it generates (before prefixes, suffixes and the content hash)
     * @param location where the entry is written
     */
    public record Generator(String kind, String name, Location location) {
    }

    private final Path dir;
    private final Path file;
    private final String display;
    private final boolean component;
    private final List<Reference> references = new ArrayList<>();
    private final List<String> remote = new ArrayList<>();
    private final List<Patch> patches = new ArrayList<>();
    private final List<ImageRule> images = new ArrayList<>();
    private final List<Generator> generators = new ArrayList<>();
    private final Location namespace;

    private Kustomization(final Path dir, final Path file, final String display, final YamlNode root,
            final Reader reader) {
        this.dir = dir;
        this.file = file;
        this.display = display;
        this.component = "Component".equals(root.get("kind").text(""));
        this.namespace = root.get("namespace").isPresent() ? at(root.get("namespace")) : Location.ofFile(display);
        for (String field : List.of("resources", "bases")) {
            for (YamlNode entry : root.get(field).elements()) {
                entry.text().ifPresent(path -> resource(path, entry, Use.RESOURCE));
            }
        }
        for (YamlNode entry : root.get("components").elements()) {
            entry.text().ifPresent(path -> resource(path, entry, Use.COMPONENT));
        }
        for (YamlNode entry : root.get("patchesStrategicMerge").elements()) {
            entry.text().ifPresent(text -> patch(false, Target.ANY, text, Optional.empty(), entry, reader));
        }
        for (String field : List.of("patchesJson6902", "patches")) {
            boolean json = "patchesJson6902".equals(field);
            for (YamlNode entry : root.get(field).elements()) {
                Target target = target(entry.get("target"));
                entry.get("path").text().ifPresent(p -> patch(json, target, p, Optional.of(true), entry, reader));
                YamlNode inline = entry.get("patch");
                inline.text().ifPresent(t -> patch(json, target, t, Optional.of(false), inline, reader));
            }
        }
        for (YamlNode entry : root.get("images").elements()) {
            // the rule's tag, name or digest is what a finding about the image is about; the entry when it has none
            YamlNode decisive = List.of("newTag", "digest", "newName").stream().map(entry::get)
                    .filter(YamlNode::isPresent).findFirst().orElse(entry);
            entry.get("name").text().ifPresent(n -> images.add(new ImageRule(n, at(decisive))));
        }
        generators(root, "configMapGenerator", "ConfigMap");
        generators(root, "secretGenerator", "Secret");
        for (String field : List.of("crds", "configurations")) {
            for (YamlNode entry : root.get(field).elements()) {
                entry.text().ifPresent(p -> reference(p, entry, Use.CONFIGURATION));
            }
        }
        for (String field : List.of("generators", "transformers", "validators")) {
            for (YamlNode entry : root.get(field).elements()) {
                entry.text().filter(t -> !t.contains("\n")).ifPresent(p -> reference(p, entry, Use.CONFIGURATION));
            }
        }
        for (YamlNode entry : root.get("replacements").elements()) {
            entry.get("path").text().ifPresent(p -> reference(p, entry.get("path"), Use.CONFIGURATION));
        }
        root.path("openapi", "path").text().ifPresent(p -> reference(p, root.path("openapi", "path"),
                Use.CONFIGURATION));
        if (root.get("helmCharts").isPresent()) {
            String home = root.path("helmGlobals", "chartHome").text("charts");
            reference(home, root.get("helmCharts"), Use.CONFIGURATION);
        }
    }

    /**
     * Reads the kustomization file of a directory.
     *
     * @param dir      the directory
     * @param file     its kustomization file
     * @param display  the file's name in reports
     * @param parser   reads the kustomization and its patches
     * @param names    the name in reports of any other file
     * @param problems receives what cannot be read
     * @return the kustomization, or empty when its file cannot be read (Kustomize will then say why too)
     */
    public static Optional<Kustomization> read(final Path dir, final Path file, final String display,
            final YamlParser parser, final Function<Path, String> names, final Consumer<Diagnostic> problems) {
        Optional<String> text = read(file, display, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<YamlDocument> documents = parser.parse(display, text.get(), problems);
        Optional<YamlNode> root = documents.stream().flatMap(d -> d.root().stream()).findFirst();
        if (root.isEmpty() || !root.get().isMap()) {
            problems.accept(Diagnostic.error("kustomize-render", Location.ofFile(display),
                    "The kustomization file is empty or not a mapping"));
            return Optional.empty();
        }
        return Optional.of(new Kustomization(dir, file, display, root.get(), new Reader(parser, names)));
    }

    private static Optional<String> read(final Path file, final String display, final Consumer<Diagnostic> problems) {
        try {
            return Optional.of(Files.readString(file));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            problems.accept(Diagnostic.error("input-unreadable", Location.ofFile(display), "Cannot read: " + e));
            return Optional.empty();
        }
    }

    private void resource(final String path, final YamlNode entry, final Use use) {
        if (isRemote(path)) {
            remote.add(path);
            return;
        }
        reference(path, entry, use);
    }

    private void reference(final String path, final YamlNode entry, final Use use) {
        Path target = dir.resolve(path).normalize();
        references.add(new Reference(target, use, Files.isDirectory(target), at(entry)));
    }

    private void generators(final YamlNode root, final String field, final String kind) {
        for (YamlNode entry : root.get(field).elements()) {
            generators.add(new Generator(kind, entry.get("name").text(""), at(entry)));
            for (YamlNode f : entry.get("files").elements()) {
                f.text().ifPresent(spec -> reference(spec.substring(spec.indexOf('=') + 1), f, Use.GENERATOR_INPUT));
            }
            for (YamlNode f : entry.get("envs").elements()) {
                f.text().ifPresent(p -> reference(p, f, Use.GENERATOR_INPUT));
            }
            entry.get("env").text().ifPresent(p -> reference(p, entry.get("env"), Use.GENERATOR_INPUT));
        }
    }

    private void patch(final boolean json, final Target target, final String value, final Optional<Boolean> isPath,
            final YamlNode node, final Reader reader) {
        boolean path = isPath.orElse(!value.contains("\n") && !value.trim().startsWith("{"));
        if (path) {
            Path patchFile = dir.resolve(value).normalize();
            references.add(new Reference(patchFile, Use.PATCH, false, at(node)));
            String name = reader.names.apply(patchFile);
            read(patchFile, name, d -> { }).ifPresent(text -> patches.add(patch(json, target,
                    reader.parser.parse(name, text, d -> { }), name, 0, at(node))));
        } else {
            // an inline block scalar starts on the line after its key: its line 1 is the key's line + 1
            patches.add(patch(json, target, reader.parser.parse(display, value, d -> { }), display,
                    node.location().line(), at(node)));
        }
    }

    private static Patch patch(final boolean json, final Target target, final List<YamlDocument> documents,
            final String file, final int offset, final Location declared) {
        List<YamlNode> roots = documents.stream().flatMap(d -> d.root().stream()).toList();
        boolean operations = json || (roots.size() == 1 && roots.get(0).isSequence());
        return new Patch(operations, target, roots, file, offset, declared);
    }

    private static Target target(final YamlNode node) {
        if (!node.isMap()) {
            return Target.ANY;
        }
        return new Target(node.get("group").text(""), node.get("version").text(""), node.get("kind").text(""),
                node.get("name").text(""), node.get("namespace").text(""), node.get("labelSelector").text(""),
                node.get("annotationSelector").text(""));
    }

    private Location at(final YamlNode node) {
        return new Location(display, node.location().line(), node.location().column());
    }

    /** A remote base, component or resource (a Git or HTTP URL), which Kustomize fetches itself. */
    static boolean isRemote(final String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.contains("://") || p.startsWith("git@") || p.startsWith("github.com/")
                || p.startsWith("gitlab.com/") || p.startsWith("bitbucket.org/") || p.contains("?ref=");
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** The kustomization file. */
    public Path file() {
        return file;
    }

    /** The kustomization file's name in reports. */
    public String display() {
        return display;
    }

    /** True for a Kustomize Component ({@code kind: Component}), which is built only as part of a kustomization. */
    public boolean isComponent() {
        return component;
    }

    /** Every local path it names. */
    public List<Reference> references() {
        return List.copyOf(references);
    }

    /** Remote resources it names, which Kustomize fetches. */
    public List<String> remote() {
        return List.copyOf(remote);
    }

    /** Its patches, in order. */
    public List<Patch> patches() {
        return List.copyOf(patches);
    }

    /** Its image rules. */
    public List<ImageRule> images() {
        return List.copyOf(images);
    }

    /** Its generator entries. */
    public List<Generator> generators() {
        return List.copyOf(generators);
    }

    /** Where it sets the namespace of every object, or the file when it does not. */
    public Location namespace() {
        return namespace;
    }

    /** What reading patches needs. */
    private record Reader(YamlParser parser, Function<Path, String> names) {
    }
}
