package io.k8sgate.core.input;

import io.k8sgate.core.concurrent.EngineExecutor;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests from files, directories and globs below a root directory.
 *
 * <p>Every problem becomes a {@link Diagnostic} with file and line, and loading goes on with the rest: one broken
 * document does not hide the others. Whether a diagnostic fails the gate is the policy's decision.
 */
public final class ManifestLoader {
    private static final Set<String> EXTENSIONS = Set.of(".yaml", ".yml", ".json");
    /** Our own configuration files, which sit next to manifests and are skipped when a directory is walked. */
    private static final Set<String> OWN_FILES = Set.of("k8s-security.yaml", "k8s-security.yml",
            ".trivyignore.yaml", ".trivyignore.yml");
    private static final Pattern HELM_EXPRESSION = Pattern.compile(
            "\\{\\{-?\\s*(?:\\.Values|\\.Release|\\.Chart|\\.Capabilities|\\.Files|\\.Template|include\\s|template\\s"
                    + "|toYaml|tpl\\s|define\\s|\\$\\.|-?\\s*if\\s|-?\\s*range\\s|-?\\s*with\\s|-?\\s*end\\s*-?\\}\\})");
    private static final Pattern ANY_TEMPLATE = Pattern.compile("\\{\\{.*\\}\\}");

    private final LoaderLimits limits;
    private final YamlParser parser;

    /** A loader with the default limits. */
    public ManifestLoader() {
        this(LoaderLimits.DEFAULT);
    }

    /** A loader with the given limits. */
    public ManifestLoader(final LoaderLimits limits) {
        this.limits = limits;
        this.parser = new YamlParser(limits);
    }

    /**
     * Loads every input below {@code root}.
     *
     * @param root   the directory inputs must stay inside (the workspace)
     * @param inputs files, directories (read recursively) and globs, relative to {@code root} or absolute
     * @return the objects and the diagnostics
     */
    public LoadResult load(final Path root, final List<String> inputs) {
        Path base = realRoot(root);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        for (String input : inputs) {
            resolve(base, input, files, diagnostics);
        }
        List<K8sObject> objects = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // Files are independent: parse them on the engine's threads; results keep input order, so runs are alike.
        List<FileResult> results = EngineExecutor.shared().map(new ArrayList<>(files), file -> {
            String name = display(base, file);
            List<Diagnostic> problems = new ArrayList<>();
            try {
                return new FileResult(name, parse(name, read(file, name), problems::add), problems);
            } catch (InputException e) {
                problems.add(Diagnostic.error("input-unreadable", Location.ofFile(name), e.getMessage()));
                return new FileResult(name, List.of(), problems);
            }
        });
        for (FileResult r : results) {
            names.add(r.name());
            objects.addAll(r.objects());
            diagnostics.addAll(r.problems());
        }
        objects = RepeatedObjects.readOnce(objects, diagnostics::add);
        if (objects.isEmpty()) {
            diagnostics.add(Diagnostic.error(LoadResult.NO_OBJECTS, Location.ofFile(inputs.isEmpty() ? "."
                    : String.join(", ", inputs)), "No Kubernetes objects were found in the inputs ("
                    + files.size() + " file(s) read): there is nothing to check"));
        }
        return new LoadResult(objects, diagnostics, names);
    }

    /** What one file yielded. */
    private record FileResult(String name, List<K8sObject> objects, List<Diagnostic> problems) {
    }

    /** Parses the text of one file into Kubernetes objects, reporting problems to {@code problems}. */
    public List<K8sObject> parse(final String file, final String text,
            final java.util.function.Consumer<Diagnostic> problems) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Diagnostic> local = new ArrayList<>();
        List<YamlDocument> documents = parser.parse(file, content, local::add);
        boolean helm = false;
        for (Diagnostic d : local) {
            int helmLine = helmLine(content);
            if (d.code().startsWith("yaml-") && helmLine > 0) {
                problems.accept(helmDiagnostic(file, helmLine));
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
            int templateLine = mayHoldTemplates ? firstHelmExpression(root) : -1;
            if (templateLine > 0) {
                if (!helm) {
                    problems.accept(helmDiagnostic(file, templateLine));
                }
                continue;
            }
            toObjects(file, document, root, objects, problems);
        }
        return objects;
    }

    private static Diagnostic helmDiagnostic(final String file, final int line) {
        return Diagnostic.error("helm-template", new Location(file, line, 1), "Unrendered Helm template: "
                + "the file contains template expressions ({{ ... }}); render the chart with `helm template` and "
                + "check the rendered output");
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

    private void resolve(final Path base, final String input, final Set<Path> files,
            final List<Diagnostic> diagnostics) {
        if (input.isBlank()) {
            return;
        }
        if (isGlob(input)) {
            glob(base, input, files, diagnostics);
            return;
        }
        Path candidate = base.resolve(input).normalize();
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !Files.exists(candidate)) {
            diagnostics.add(Diagnostic.error("input-missing", Location.ofFile(input),
                    "The input path does not exist"));
            return;
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("input-unreadable", Location.ofFile(input), "Cannot open: " + e));
            return;
        }
        if (!real.startsWith(base)) {
            diagnostics.add(Diagnostic.error("path-outside-root", Location.ofFile(input),
                    "The path is outside the root directory " + base + " and was refused"));
            return;
        }
        if (Files.isDirectory(real)) {
            walk(base, real, files, diagnostics);
        } else {
            files.add(real);
        }
    }

    private static boolean isGlob(final String input) {
        return input.indexOf('*') >= 0 || input.indexOf('?') >= 0 || input.indexOf('[') >= 0
                || input.indexOf('{') >= 0;
    }

    private void glob(final Path base, final String pattern, final Set<Path> files,
            final List<Diagnostic> diagnostics) {
        String normalized = pattern.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.contains("../") || normalized.startsWith("..")) {
            diagnostics.add(Diagnostic.error("path-outside-root", Location.ofFile(pattern),
                    "Glob patterns must be relative to the root directory and stay inside it"));
            return;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        int before = files.size();
        try (Stream<Path> stream = Files.walk(base)) {
            stream.filter(Files::isRegularFile).filter(p -> !isHidden(base, p))
                    .filter(p -> matcher.matches(base.relativize(p))).sorted().forEach(p -> {
                        try {
                            Path real = p.toRealPath();
                            if (real.startsWith(base)) {
                                files.add(real);
                            } else {
                                diagnostics.add(Diagnostic.error("path-outside-root",
                                        Location.ofFile(display(base, p)),
                                        "The file links outside the root directory and was refused"));
                            }
                        } catch (IOException e) {
                            diagnostics.add(Diagnostic.error("input-unreadable", Location.ofFile(display(base, p)),
                                    "Cannot open: " + e));
                        }
                    });
        } catch (IOException e) {
            throw new InputException(pattern, "cannot expand the glob: " + e, e);
        }
        if (files.size() == before) {
            diagnostics.add(Diagnostic.warning("input-missing", Location.ofFile(pattern),
                    "The glob matched no file"));
        }
    }

    private void walk(final Path base, final Path dir, final Set<Path> files, final List<Diagnostic> diagnostics) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> stream = Files.walk(dir)) {
            stream.filter(Files::isRegularFile).filter(p -> !isHidden(dir, p)).sorted().forEach(found::add);
        } catch (IOException e) {
            throw new InputException(display(base, dir), "cannot list the directory: " + e, e);
        }
        Set<Path> charts = new LinkedHashSet<>();
        for (Path p : found) {
            if (p.getFileName().toString().equals("Chart.yaml")) {
                charts.add(p.getParent());
            }
        }
        for (Path chart : charts) {
            diagnostics.add(Diagnostic.error("helm-template", Location.ofFile(display(base, chart.resolve(
                    "Chart.yaml"))), "An unrendered Helm chart: render it with `helm template` and check the "
                    + "rendered output; the chart's files were not read"));
        }
        for (Path p : found) {
            if (charts.stream().anyMatch(p::startsWith) || !hasManifestExtension(p)
                    || OWN_FILES.contains(p.getFileName().toString())) {
                continue;
            }
            try {
                Path real = p.toRealPath();
                if (real.startsWith(base)) {
                    files.add(real);
                } else {
                    diagnostics.add(Diagnostic.error("path-outside-root", Location.ofFile(display(base, p)),
                            "The file links outside the root directory and was refused"));
                }
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error("input-unreadable", Location.ofFile(display(base, p)),
                        "Cannot open: " + e));
            }
        }
    }

    private static boolean hasManifestExtension(final Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static boolean isHidden(final Path dir, final Path p) {
        for (Path part : dir.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String display(final Path base, final Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(base)) {
            String rel = base.relativize(abs).toString().replace('\\', '/');
            return rel.isEmpty() ? "." : rel;
        }
        return abs.toString();
    }
}
