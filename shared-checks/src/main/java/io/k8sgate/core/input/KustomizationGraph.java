package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The kustomizations among the inputs and everything they build on (bases, components, through any depth, also
 * outside the walked directories): which directories are roots, which files a build reads, and which kustomizations
 * take part in building a root.
 */
public final class KustomizationGraph {
    /** The names Kustomize looks for in a directory, in its order. */
    public static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml",
            "Kustomization");

    private final Map<Path, Kustomization> nodes = new LinkedHashMap<>();
    private final Set<Path> referencedDirs = new HashSet<>();
    private final Set<Path> usedFiles = new HashSet<>();
    private final Map<Path, Set<Path>> subtrees = new java.util.concurrent.ConcurrentHashMap<>();

    private KustomizationGraph() {
    }

    /**
     * Reads the kustomizations of {@code dirs} and every kustomization they build on.
     *
     * @param dirs     kustomization directories (real paths)
     * @param parser   reads kustomization and patch files
     * @param names    the name in reports of a file
     * @param problems receives what cannot be read
     */
    public static KustomizationGraph of(final Collection<Path> dirs, final YamlParser parser,
            final Function<Path, String> names, final Consumer<Diagnostic> problems) {
        KustomizationGraph graph = new KustomizationGraph();
        Deque<Path> queue = new ArrayDeque<>(dirs);
        Set<Path> seen = new HashSet<>(dirs);
        while (!queue.isEmpty()) {
            Path dir = queue.poll();
            Optional<Path> file = fileOf(dir);
            if (file.isEmpty()) {
                continue;
            }
            graph.usedFiles.add(file.get());
            Optional<Kustomization> read = Kustomization.read(dir, file.get(), names.apply(file.get()), parser, names,
                    problems);
            if (read.isEmpty()) {
                continue;
            }
            Kustomization k = read.get();
            graph.nodes.put(dir, k);
            for (Kustomization.Reference r : k.references()) {
                Path real = real(r.path());
                if (r.directory()) {
                    if (r.use() == Kustomization.Use.RESOURCE || r.use() == Kustomization.Use.COMPONENT
                            || fileOf(real).isPresent()) {
                        graph.referencedDirs.add(real);
                    }
                    if (fileOf(real).isPresent() && seen.add(real)) {
                        queue.add(real);
                    } else if (fileOf(real).isEmpty()) {
                        graph.usedFiles.add(real); // a chart home or a directory of configurations
                    }
                } else {
                    graph.usedFiles.add(real);
                }
            }
        }
        return graph;
    }

    /** The kustomization file of a directory, if it has one. */
    public static Optional<Path> fileOf(final Path dir) {
        for (String name : FILE_NAMES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static Path real(final Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path;
        }
    }

    /** The kustomization of a directory, when it was read. */
    public Optional<Kustomization> get(final Path dir) {
        return Optional.ofNullable(nodes.get(dir));
    }

    /** True when another kustomization builds on the directory (as a resource, base or component). */
    public boolean isReferenced(final Path dir) {
        return referencedDirs.contains(dir);
    }

    /**
     * True when a build reads the file or directory (a kustomization file, a resource, a patch, a generator's
     * input, a configuration) or when it lies inside a directory a build reads as a whole.
     */
    public boolean isUsed(final Path path) {
        if (usedFiles.contains(path)) {
            return true;
        }
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (usedFiles.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** True when a build reads any file inside {@code dir}, or the directory as a whole (a chart home). */
    public boolean usesAnythingIn(final Path dir) {
        return isUsed(dir) || usedFiles.stream().anyMatch(p -> p.startsWith(dir));
    }

    /**
     * The kustomizations that take part in building {@code root}: the root first, then what it builds on, breadth
     * first (the outermost changes first, as they are applied last).
     */
    public List<Kustomization> closure(final Path root) {
        List<Kustomization> out = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> queue = new ArrayDeque<>(List.of(root));
        seen.add(root);
        while (!queue.isEmpty()) {
            Kustomization k = nodes.get(queue.poll());
            if (k == null) {
                continue;
            }
            out.add(k);
            for (Kustomization.Reference r : k.references()) {
                Path real = real(r.path());
                if (r.directory() && nodes.containsKey(real) && seen.add(real)) {
                    queue.add(real);
                }
            }
        }
        return out;
    }

    /**
     * The kustomizations of {@code root}'s build whose changes reach an object read from {@code file} (a base file,
     * or the kustomization file of the generator that made it): those whose resources include it, at any depth, and
     * the components they list. The outermost comes first, as its changes are applied last.
     */
    public List<Kustomization> chain(final Path root, final Path file) {
        List<Kustomization> out = new ArrayList<>();
        chain(root, file, out, new HashSet<>());
        return out;
    }

    private void chain(final Path dir, final Path file, final List<Kustomization> out, final Set<Path> seen) {
        Kustomization k = nodes.get(dir);
        if (k == null || !seen.add(dir) || !subtree(dir, new HashSet<>()).contains(file)) {
            return;
        }
        out.add(k);
        for (Kustomization.Reference r : k.references()) {
            Path real = real(r.path());
            if (r.use() == Kustomization.Use.COMPONENT && nodes.containsKey(real) && seen.add(real)) {
                out.add(nodes.get(real));
            }
        }
        for (Kustomization.Reference r : k.references()) {
            if (r.use() == Kustomization.Use.RESOURCE && r.directory()) {
                chain(real(r.path()), file, out, seen);
            }
        }
    }

    /** Every file the build of {@code dir} reads, kustomization files included. */
    private Set<Path> subtree(final Path dir, final Set<Path> visiting) {
        Set<Path> cached = subtrees.get(dir);
        if (cached != null) {
            return cached;
        }
        Set<Path> files = new HashSet<>();
        Kustomization k = nodes.get(dir);
        if (k != null && visiting.add(dir)) {
            files.add(k.file());
            for (Kustomization.Reference r : k.references()) {
                Path real = real(r.path());
                if (r.directory()) {
                    files.addAll(subtree(real, visiting));
                } else {
                    files.add(real);
                }
            }
            subtrees.put(dir, files);
        }
        return files;
    }

    /** Every file any build of {@code root} reads (for the report's list of files). */
    public List<Path> filesOf(final Path root) {
        List<Path> out = new ArrayList<>();
        for (Kustomization k : closure(root)) {
            out.add(k.file());
            for (Kustomization.Reference r : k.references()) {
                if (!r.directory()) {
                    out.add(real(r.path()));
                }
            }
        }
        return out.stream().distinct().toList();
    }
}
