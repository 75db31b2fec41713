package io.k8sgate.core.input;

import io.k8sgate.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Leads a field of a kustomization's output back to the file and line a person edits: the patch that set or removed
 * it, the image rule or generator that produced it, or the base manifest that defines it. Kustomize itself names only
 * the file each object came from (its origin annotation); the field is found here by following the field path
 * through the patches that target the object, then through the base document.
 */
final class KustomizeOrigins {
    /**
     * Where Kustomize says an object came from.
     *
     * @param path         the base file that defines it, for an object read from a file
     * @param configuredIn the kustomization whose generator made it, for a generated object
     * @param configuredBy the generator's kind ({@code ConfigMapGenerator}), for a generated object
     * @param remote       the repository, for an object fetched from a remote base
     */
    record Origin(Optional<Path> path, Optional<Path> configuredIn, String configuredBy, String remote) {
        static final Origin UNKNOWN = new Origin(Optional.empty(), Optional.empty(), "", "");
    }

    private static final String IMAGE = "image";
    private static final Pattern SET_TERM = Pattern.compile("\\s*([^\\s!=]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");

    private final KustomizationGraph graph;
    private final Path root;
    private final List<Kustomization> closure;
    private final YamlParser parser;
    private final Function<Path, String> names;
    private final Location rootFile;
    private final Map<Path, List<YamlNode>> bases = new ConcurrentHashMap<>();

    /**
     * Origins for the output of one root.
     *
     * @param graph    the kustomizations taking part in the build
     * @param root     the root kustomization directory
     * @param parser   reads base files
     * @param names    the name in reports of a file
     * @param rootFile the root's kustomization file, where a field that cannot be traced is placed
     */
    KustomizeOrigins(final KustomizationGraph graph, final Path root, final YamlParser parser,
            final Function<Path, String> names, final Location rootFile) {
        this.graph = graph;
        this.root = root;
        this.closure = graph.closure(root);
        this.parser = parser;
        this.names = names;
        this.rootFile = rootFile;
    }

    /** The root's kustomization file, where what cannot be traced is placed. */
    Location rootFile() {
        return rootFile;
    }

    /** Where the object as a whole is defined. */
    Location locate(final K8sObject object, final Origin origin) {
        return locate(object, origin, "");
    }

    /**
     * Where a field of an object is decided.
     *
     * @param object    the rendered object
     * @param origin    where Kustomize says it came from
     * @param fieldPath the field, as findings write it; empty for the object itself
     */
    Location locate(final K8sObject object, final Origin origin, final String fieldPath) {
        List<FieldPath.Segment> path = FieldPath.parse(fieldPath);
        Optional<YamlNode> base = base(object, origin);
        if (!path.isEmpty()) {
            List<Kustomization> chain = origin.path().or(origin::configuredIn).map(f -> graph.chain(root, f))
                    .filter(c -> !c.isEmpty()).orElse(closure);
            Optional<Location> patched = patched(chain, object, base, path);
            if (patched.isPresent()) {
                return patched.get();
            }
            Optional<Location> rule = rule(chain, object, base, path);
            if (rule.isPresent()) {
                return rule.get();
            }
        }
        Optional<Location> generated = generated(object, origin);
        if (generated.isPresent()) {
            return generated.get();
        }
        if (origin.path().isEmpty()) {
            return rootFile;
        }
        String file = names.apply(origin.path().get());
        if (base.isEmpty()) {
            return Location.ofFile(file);
        }
        YamlNode node = FieldPath.deepest(base.get(), object.root(), path).map(FieldPath.Match::node)
                .orElse(base.get());
        return new Location(file, node.location().line(), node.location().column());
    }

    /** The last patch that sets the field, or removes or replaces a part of the object that holds it. */
    private Optional<Location> patched(final List<Kustomization> chain, final K8sObject object,
            final Optional<YamlNode> base, final List<FieldPath.Segment> path) {
        for (Kustomization k : chain) {
            List<Kustomization.Patch> patches = k.patches();
            for (int i = patches.size() - 1; i >= 0; i--) {
                Kustomization.Patch patch = patches.get(i);
                Optional<Location> at = patch.json6902() ? operation(patch, object, base, path)
                        : fragment(patch, object, base, path);
                if (at.isPresent()) {
                    return at;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Location> operation(final Kustomization.Patch patch, final K8sObject object,
            final Optional<YamlNode> base, final List<FieldPath.Segment> path) {
        if (!targets(patch.target(), object, base)) {
            return Optional.empty();
        }
        for (YamlNode document : patch.documents()) {
            List<YamlNode> ops = document.elements();
            for (int i = ops.size() - 1; i >= 0; i--) {
                YamlNode op = ops.get(i);
                List<FieldPath.Segment> pointer = appended(FieldPath.pointer(op.get("path").text("")),
                        object.root());
                if (pointer.isEmpty() || !FieldPath.isPrefix(pointer, path)) {
                    continue;
                }
                YamlNode value = op.get("value");
                if (value.isPresent() && pointer.size() < path.size()) {
                    YamlNode rendered = object.root();
                    for (FieldPath.Segment s : pointer) {
                        rendered = s.isIndex() ? rendered.at(s.index()) : rendered.get(s.name());
                    }
                    Optional<FieldPath.Match> inValue = FieldPath.deepest(value, rendered,
                            path.subList(pointer.size(), path.size()));
                    if (inValue.isPresent()) {
                        return Optional.of(patch.locate(inValue.get().node()));
                    }
                }
                return Optional.of(patch.locate(op));
            }
        }
        return Optional.empty();
    }

    /**
     * A pointer with {@code -} (append) turned into the index the appended item has in the rendered object: the last
     * one (an operation applied later may have appended more, which is rare enough to accept).
     */
    private static List<FieldPath.Segment> appended(final List<FieldPath.Segment> pointer, final YamlNode rendered) {
        List<FieldPath.Segment> out = new ArrayList<>(pointer.size());
        YamlNode node = rendered;
        for (FieldPath.Segment s : pointer) {
            FieldPath.Segment resolved = s.isIndex() && s.index() < 0 && node.isSequence()
                    ? new FieldPath.Segment(null, node.size() - 1) : s;
            out.add(resolved);
            node = resolved.isIndex() ? node.at(resolved.index()) : node.get(resolved.name());
        }
        return out;
    }

    private Optional<Location> fragment(final Kustomization.Patch patch, final K8sObject object,
            final Optional<YamlNode> base, final List<FieldPath.Segment> path) {
        for (YamlNode document : patch.documents()) {
            if (!document.isMap()) {
                continue;
            }
            boolean applies = patch.target().equals(Kustomization.Target.ANY)
                    ? document.get("kind").text("").equals(object.kind())
                            && names(object, base).contains(document.path("metadata", "name").text(""))
                    : targets(patch.target(), object, base);
            if (!applies) {
                continue;
            }
            Optional<FieldPath.Match> match = FieldPath.deepest(document, object.root(), path);
            if (match.isPresent() && match.get().depth() == path.size()) {
                return Optional.of(patch.locate(match.get().node()));
            }
        }
        return Optional.empty();
    }

    /** An {@code images} rule for an image field, or the kustomization that sets the namespace. */
    private Optional<Location> rule(final List<Kustomization> chain, final K8sObject object,
            final Optional<YamlNode> base, final List<FieldPath.Segment> path) {
        FieldPath.Segment last = path.get(path.size() - 1);
        if (!last.isIndex() && IMAGE.equals(last.key())) {
            List<String> images = new ArrayList<>();
            images.add(repository(valueAt(object.root(), path)));
            base.ifPresent(b -> FieldPath.deepest(b, object.root(), path)
                    .filter(m -> m.depth() == path.size()).ifPresent(m -> images.add(repository(m.node().text("")))));
            for (Kustomization k : chain) {
                for (Kustomization.ImageRule rule : k.images()) {
                    if (images.contains(rule.name())) {
                        return Optional.of(rule.location());
                    }
                }
            }
        }
        if (path.size() == 2 && "metadata".equals(path.get(0).key()) && "namespace".equals(path.get(1).key())) {
            for (Kustomization k : chain) {
                if (k.namespace().line() > 0) {
                    return Optional.of(k.namespace());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Location> generated(final K8sObject object, final Origin origin) {
        if (origin.configuredIn().isEmpty() || !origin.configuredBy().endsWith("Generator")) {
            return Optional.empty();
        }
        Path file = origin.configuredIn().get();
        for (Kustomization k : closure) {
            if (k.file().equals(file) || k.dir().equals(file.getParent())) {
                for (Kustomization.Generator g : k.generators()) {
                    if (g.kind().equals(object.kind()) && !g.name().isEmpty() && object.name().contains(g.name())) {
                        return Optional.of(g.location());
                    }
                }
                return Optional.of(Location.ofFile(k.display()));
            }
        }
        return Optional.of(Location.ofFile(names.apply(file)));
    }

    private static String valueAt(final YamlNode root, final List<FieldPath.Segment> path) {
        YamlNode node = root;
        for (FieldPath.Segment s : path) {
            node = s.isIndex() ? node.at(s.index()) : node.get(s.name());
        }
        return node.text("");
    }

    /** An image reference without its tag or digest. */
    static String repository(final String image) {
        String name = image;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        return name;
    }

    /** True when a patch's target selects the object (by its rendered name or its name in the base). */
    private static boolean targets(final Kustomization.Target target, final K8sObject object,
            final Optional<YamlNode> base) {
        if (!target.kind().isEmpty() && !target.kind().equals(object.kind())) {
            return false;
        }
        String apiVersion = object.apiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if ((!target.group().isEmpty() && !target.group().equals(group))
                || (!target.version().isEmpty() && !target.version().equals(version))) {
            return false;
        }
        if (!target.name().isEmpty() && names(object, base).stream().noneMatch(n -> matches(target.name(), n))) {
            return false;
        }
        if (!target.namespace().isEmpty() && !matches(target.namespace(), object.namespace())
                && base.map(b -> !matches(target.namespace(), b.path("metadata", "namespace").text("")))
                        .orElse(true)) {
            return false;
        }
        return selects(target.labelSelector(), object.labels())
                && selects(target.annotationSelector(), object.annotations());
    }

    private static List<String> names(final K8sObject object, final Optional<YamlNode> base) {
        List<String> names = new ArrayList<>();
        names.add(object.name());
        base.ifPresent(b -> names.add(b.path("metadata", "name").text("")));
        return names;
    }

    private static boolean matches(final String regex, final String value) {
        try {
            return Pattern.matches(regex, value);
        } catch (PatternSyntaxException e) {
            return regex.equals(value);
        }
    }

    /**
     * A label selector as Kubernetes writes it: equalities ({@code a=b}, {@code a==b}), inequalities ({@code a!=b}),
     * set tests ({@code a in (b,c)}, {@code a notin (b)}) and existence tests ({@code a}, {@code !a}), all of which
     * must hold.
     */
    static boolean selects(final String selector, final Map<String, String> labels) {
        if (selector.isBlank()) {
            return true;
        }
        for (String term : terms(selector)) {
            if (!holds(term.trim(), labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(final String term, final Map<String, String> labels) {
        java.util.regex.Matcher set = SET_TERM.matcher(term);
        if (set.matches()) {
            List<String> values = java.util.Arrays.stream(set.group(3).split(",")).map(String::trim).toList();
            boolean in = values.contains(labels.get(set.group(1)));
            return "in".equals(set.group(2)) ? in : !in;
        }
        if (term.contains("!=")) {
            String[] kv = term.split("!=", 2);
            return !kv[1].trim().equals(labels.get(kv[0].trim()));
        }
        if (term.contains("=")) {
            String[] kv = term.split("==?", 2);
            return kv[1].trim().equals(labels.get(kv[0].trim()));
        }
        if (term.startsWith("!")) {
            return !labels.containsKey(term.substring(1).trim());
        }
        return labels.containsKey(term);
    }

    /** The terms of a selector: split at commas outside parentheses. */
    private static List<String> terms(final String selector) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(selector.substring(from, i));
                from = i + 1;
            }
        }
        out.add(selector.substring(from));
        return out;
    }

    /** The document of the origin file that defines the object: same kind, and the name the rendered one grew from. */
    private Optional<YamlNode> base(final K8sObject object, final Origin origin) {
        if (origin.path().isEmpty()) {
            return Optional.empty();
        }
        List<YamlNode> documents = bases.computeIfAbsent(origin.path().get(), this::read);
        YamlNode best = null;
        int bestLength = -1;
        for (YamlNode d : documents) {
            if (!d.isMap() || !d.get("kind").text("").equals(object.kind())) {
                continue;
            }
            String name = d.path("metadata", "name").text("");
            if (object.name().contains(name) && name.length() > bestLength) {
                best = d;
                bestLength = name.length();
            }
        }
        return Optional.ofNullable(best);
    }

    private List<YamlNode> read(final Path file) {
        try {
            String text = Files.readString(file);
            List<YamlNode> out = new ArrayList<>();
            for (YamlDocument d : parser.parse(names.apply(file), text, problem -> { })) {
                d.root().ifPresent(root -> {
                    if (root.isMap() && root.get("kind").text("").endsWith("List") && root.get("items").isSequence()) {
                        out.addAll(root.get("items").elements());
                    } else {
                        out.add(root);
                    }
                });
            }
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
