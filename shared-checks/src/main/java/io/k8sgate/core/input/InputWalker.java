package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.SkippedInput;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds what lies behind the paths a user names: files, directories (walked recursively) and globs, and among them
 * the Helm charts and Kustomize directories, which are rendered rather than read.
 *
 * <p>Containment: with {@code confined}, every input must stay inside the root (a CI workspace). Otherwise each named
 * path is honoured wherever it is, and a walked directory is the boundary for what it links to. Either way, a file
 * or directory link inside a walked tree is followed only while it stays inside that boundary; one that leaves it is
 * refused with an error, and a directory that cannot be listed is an error naming it, never a silent gap.
 */
final class InputWalker {
    private static final List<String> KUSTOMIZATION_FILES = KustomizationGraph.FILE_NAMES;
    /** The file that makes a directory a Helm chart. */
    static final String CHART_FILE = "Chart.yaml";
    private static final Set<String> EXTENSIONS = Set.of(".yaml", ".yml", ".json");
    /**
     * Folders package managers fill with other projects' files (thousands of {@code package.json}, never a manifest
     * of this project): a walk does not enter them, and lists each as skipped. Name one to check it.
     */
    private static final Set<String> DEPENDENCY_FOLDERS = Set.of("node_modules", "bower_components");
    /** Our own configuration files, which sit next to manifests and are skipped when a directory is walked. */
    private static final Set<String> OWN_FILES = Set.of("k8s-security.yaml", "k8s-security.yml",
            ".trivyignore.yaml", ".trivyignore.yml");

    /**
     * A file or directory found, by its real path, with the name reports use.
     *
     * @param path    the real path
     * @param display the name in reports
     * @param named   whether the user named it (rather than a walk or a glob finding it)
     * @param order   when it was found among all inputs (apply order)
     */
    record Entry(Path path, String display, boolean named, int order) {
    }

    /** What the inputs hold, each by its real path, in the order found. */
    static final class InputSet {
        /** Plain manifest files. */
        final Map<Path, Entry> files = new LinkedHashMap<>();
        /** Chart directories. */
        final Map<Path, Entry> charts = new LinkedHashMap<>();
        /** Kustomization directories. */
        final Map<Path, Entry> kustomizations = new LinkedHashMap<>();
        /** For a walked file inside a kustomization's folder: that kustomization directory (the nearest). */
        final Map<Path, Path> owners = new LinkedHashMap<>();
        /** Folders left out of walks. */
        final List<SkippedInput> skipped = new ArrayList<>();
        /** The number of files looked at (for the "no objects" message). */
        int seen;
        /** The next entry's order. */
        int order;
    }

    /** Lists a directory; {@link Files#newDirectoryStream(Path)} outside tests. */
    @FunctionalInterface
    interface Lister {
        /** The entries of a directory. */
        List<Path> list(Path dir) throws IOException;
    }

    private final Path base;
    private final boolean confined;
    private final Consumer<Diagnostic> problems;
    private final Lister lister;
    private final InputSet set = new InputSet();

    /**
     * A walker.
     *
     * @param base     the real root: names in reports are relative to it, and with {@code confined} inputs stay in it
     * @param confined whether every input must stay inside {@code base}
     * @param problems receives what cannot be used
     */
    InputWalker(final Path base, final boolean confined, final Consumer<Diagnostic> problems) {
        this(base, confined, problems, InputWalker::list);
    }

    /** A walker that lists directories with {@code lister} (a test makes a directory unreadable with it). */
    InputWalker(final Path base, final boolean confined, final Consumer<Diagnostic> problems, final Lister lister) {
        this.base = base;
        this.confined = confined;
        this.problems = problems;
        this.lister = lister;
    }

    private static List<Path> list(final Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        return entries;
    }

    /** Collects every input. */
    InputSet collect(final List<String> inputs) {
        for (String input : inputs) {
            if (!input.isBlank()) {
                resolve(input.trim());
            }
        }
        return set;
    }

    private void resolve(final String input) {
        if (isGlob(input)) {
            glob(input);
            return;
        }
        Path candidate = base.resolve(input).normalize();
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            problems.accept(Diagnostic.error("input-missing", Location.ofFile(input), "The input path does not exist"));
            return;
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            problems.accept(Diagnostic.error("input-unreadable", Location.ofFile(input), "Cannot open: "
                    + reason(e)));
            return;
        }
        if (confined && !real.startsWith(base)) {
            problems.accept(Diagnostic.error("path-outside-root", Location.ofFile(input),
                    "The path is outside the root directory " + base + " and was refused"));
            return;
        }
        String display = display(candidate);
        if (Files.isDirectory(real)) {
            if (Files.isRegularFile(real.resolve(CHART_FILE)) || KustomizationGraph.fileOf(real).isPresent()) {
                set.seen++;
            }
            if (Files.isRegularFile(real.resolve(CHART_FILE))) {
                add(set.charts, real, display, true);
            } else if (KustomizationGraph.fileOf(real).isPresent()) {
                add(set.kustomizations, real, display, true);
            } else {
                walk(candidate, real, confined ? base : real, false).forEach(this::classify);
            }
            return;
        }
        set.seen++;
        String name = real.getFileName().toString();
        Path parent = Objects.requireNonNull(real.getParent(), "a file's folder");
        String parentDisplay = display(Objects.requireNonNull(candidate.getParent(), "a file's folder"));
        if (CHART_FILE.equals(name)) {
            add(set.charts, parent, parentDisplay, true);
        } else if (KUSTOMIZATION_FILES.contains(name)) {
            add(set.kustomizations, parent, parentDisplay, true);
        } else {
            add(set.files, real, display, true);
        }
    }

    /** Adds an entry unless the path is there already; true when it was added. */
    private boolean add(final Map<Path, Entry> entries, final Path path, final String display, final boolean named) {
        if (entries.containsKey(path)) {
            return false;
        }
        entries.put(path, new Entry(path, display, named, set.order++));
        return true;
    }

    /** A file found by walking or by a glob: a chart's, a kustomization's, or a plain one. */
    private void classify(final Found file) {
        set.seen++;
        Optional<Found> chart = file.chart();
        if (chart.isPresent()) {
            add(set.charts, chart.get().real(), display(chart.get().logical()), false);
            return;
        }
        String name = file.real().getFileName().toString();
        if (KUSTOMIZATION_FILES.contains(name)) {
            Path dir = Objects.requireNonNull(file.real().getParent(), "a file's folder");
            add(set.kustomizations, dir, display(Objects.requireNonNull(file.logical().getParent(), "a file's folder")),
                    false);
            return;
        }
        if (!hasManifestExtension(name) || OWN_FILES.contains(name)) {
            return;
        }
        if (add(set.files, file.real(), display(file.logical()), false)) {
            file.kustomization().ifPresent(k -> set.owners.put(file.real(), k));
        }
    }

    /** A file reached by a walk: where it was found, where it really is, and what encloses it. */
    private record Found(Path logical, Path real, Optional<Found> chart, Optional<Path> kustomization) {
    }

    /**
     * Every file below {@code dir}, sorted by name within each directory.
     *
     * @param logical  the directory as reached (display names follow it, links and all)
     * @param real     its real path
     * @param boundary what links may point to
     * @param intoCharts whether to descend into chart directories (a glob may match their files); a directory walk
     *                   stops at a chart and reports it as one input
     */
    private List<Found> walk(final Path logical, final Path real, final Path boundary, final boolean intoCharts) {
        List<Found> out = new ArrayList<>();
        walk(logical, real, boundary, intoCharts, Optional.empty(), Optional.empty(), new HashSet<>(), out);
        return out;
    }

    private void walk(final Path logical, final Path real, final Path boundary, final boolean intoCharts,
            final Optional<Found> chart, final Optional<Path> kustomization, final Set<Path> visited,
            final List<Found> out) {
        if (!visited.add(real)) {
            return; // a link back to a directory already walked
        }
        List<Path> entries;
        try {
            entries = new ArrayList<>(lister.list(logical));
        } catch (IOException e) {
            problems.accept(Diagnostic.error("input-unreadable", Location.ofFile(display(logical)),
                    "The directory cannot be read (" + reason(e) + "): the files in it were not checked"));
            return;
        }
        entries.sort(null);
        Optional<Found> here = chart;
        Optional<Path> owner = kustomization;
        if (here.isEmpty() && entries.stream().anyMatch(p -> CHART_FILE.equals(p.getFileName().toString())
                && Files.isRegularFile(p))) {
            Found marker = new Found(logical, real, Optional.empty(), Optional.empty());
            if (!intoCharts) {
                out.add(new Found(logical.resolve(CHART_FILE), real.resolve(CHART_FILE), Optional.of(marker),
                        Optional.empty()));
                return;
            }
            here = Optional.of(marker);
        }
        if (entries.stream().anyMatch(p -> KUSTOMIZATION_FILES.contains(p.getFileName().toString()))) {
            owner = Optional.of(real);
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            Path target;
            try {
                target = entry.toRealPath();
            } catch (NoSuchFileException e) {
                if (hasManifestExtension(name)) {
                    problems.accept(Diagnostic.error("input-unreadable", Location.ofFile(display(entry)),
                            "The file is a link to something that does not exist"));
                }
                continue;
            } catch (IOException e) {
                problems.accept(Diagnostic.error("input-unreadable", Location.ofFile(display(entry)),
                        "Cannot open: " + reason(e)));
                continue;
            }
            boolean directory = Files.isDirectory(target);
            if (!target.startsWith(boundary)) {
                problems.accept(Diagnostic.error("path-outside-root", Location.ofFile(display(entry)),
                        "The " + (directory ? "directory" : "file") + " links outside " + boundaryName(boundary)
                                + " and was refused"));
                continue;
            }
            if (directory && DEPENDENCY_FOLDERS.contains(name)) {
                set.skipped.add(new SkippedInput(Location.ofFile(display(entry)), "A folder of installed "
                        + "dependencies (" + name + "): not walked"));
            } else if (directory) {
                walk(entry, target, boundary, intoCharts, here, owner, visited, out);
            } else if (Files.isRegularFile(target)) {
                out.add(new Found(entry, target, here, owner));
            }
        }
    }

    private String boundaryName(final Path boundary) {
        return confined || boundary.equals(base) ? "the root directory " + base
                : "the walked directory " + display(boundary);
    }

    private void glob(final String pattern) {
        String normalized = pattern.replace('\\', '/');
        // the part before the first segment with a wildcard is a directory to walk; the rest is matched below it
        String[] segments = normalized.split("/", -1);
        int fixed = 0;
        while (fixed < segments.length - 1 && !isGlob(segments[fixed])) {
            fixed++;
        }
        String prefix = String.join("/", java.util.Arrays.copyOfRange(segments, 0, fixed));
        String rest = String.join("/", java.util.Arrays.copyOfRange(segments, fixed, segments.length));
        if (normalized.startsWith("/") && prefix.isEmpty()) {
            prefix = "/";
        }
        Path start = base.resolve(prefix.isEmpty() ? "." : prefix).normalize();
        Path real;
        try {
            real = start.toRealPath();
        } catch (IOException e) {
            problems.accept(Diagnostic.warning("input-missing", Location.ofFile(pattern), "The glob matched no file"));
            return;
        }
        if (confined && !real.startsWith(base)) {
            problems.accept(Diagnostic.error("path-outside-root", Location.ofFile(pattern),
                    "Glob patterns must stay inside the root directory " + base));
            return;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int before = set.seen;
        for (Found f : walk(start, real, confined ? base : real, true)) {
            if (matcher.matches(start.relativize(f.logical()))) {
                classify(f);
            }
        }
        if (set.seen == before) {
            problems.accept(Diagnostic.warning("input-missing", Location.ofFile(pattern), "The glob matched no file"));
        }
    }

    static boolean isGlob(final String input) {
        return input.indexOf('*') >= 0 || input.indexOf('?') >= 0 || input.indexOf('[') >= 0
                || input.indexOf('{') >= 0;
    }

    private static boolean hasManifestExtension(final String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static String reason(final IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The name reports use: relative to the root where the path is inside it, absolute otherwise. */
    String display(final Path path) {
        return display(base, path);
    }

    static String display(final Path base, final Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (abs.startsWith(base)) {
            String rel = base.relativize(abs).toString().replace('\\', '/');
            return rel.isEmpty() ? "." : rel;
        }
        return abs.toString().replace('\\', '/');
    }
}
