package io.k8sgate.helm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A private copy of a chart, prepared so that Helm's library renders it as a gate needs, and deleted afterwards. The
 * user's files are never changed.
 *
 * <p>Three things differ from the user's chart, each undone in what Helm returns:
 * <ul>
 *   <li><b>Hooks.</b> Helm sets aside every object annotated {@code helm.sh/hook} (and helm-java's {@code template}
 *   never returns them), yet hook Jobs, Pods and their RBAC run in the cluster. The copy spells that annotation
 *   {@value #HOOK_STAND_IN} in every file (templates, helpers, values, files read with {@code .Files}), so Helm keeps
 *   hooks with the other objects; {@link #restore} spells it back in the output. Only Helm's sorting of the output
 *   looks at the annotation, so nothing else changes.</li>
 *   <li><b>{@code lookup}.</b> helm-java renders in a mode that lets {@code lookup} query the cluster of the user's
 *   kubeconfig. Every {@code lookup} call in the copy is {@value #LOOKUP_STAND_IN} instead, which returns the empty
 *   map {@code helm template} gives, without any connection. A {@code lookup} assembled at render time from pieces
 *   of strings is not seen.</li>
 *   <li><b>Packaged subcharts.</b> {@code charts/*.tgz} are unpacked in the copy (so that the two changes above
 *   reach them), which Helm reads as it reads the archive.</li>
 * </ul>
 * Values files are copied beside the chart under plain names, so that no path can break helm-java's comma-separated
 * list of values files, and the {@code --set} lists of {@link SetValues} are written there as one more values file.
 */
final class ChartWorkspace implements AutoCloseable {
    static final String HOOK_ANNOTATION = "helm.sh/hook";
    static final String HOOK_STAND_IN = "k8sgate.invalid/hook";
    static final String LOOKUP_STAND_IN = "pick (dict)";
    private static final byte[] HOOK_BYTES = HOOK_ANNOTATION.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOOKUP_BYTES = "lookup".getBytes(StandardCharsets.US_ASCII);

    private final Path root;
    private final Path chart;
    private final Path source;
    private final List<Path> valuesFiles = new ArrayList<>();
    /** Workspace paths as Helm may print them, to the paths the user knows; longest first. */
    private final Map<String, String> displayNames = new LinkedHashMap<>();
    /** Unpacked archives: workspace folder to the archive's path and its top folder. */
    private final Map<Path, String> unpacked = new HashMap<>();
    private final Map<Path, ChartFile> chartFiles = new HashMap<>();

    private ChartWorkspace(final Path root, final Path source) {
        this.root = root;
        this.chart = root.resolve("chart");
        this.source = source;
    }

    /**
     * Copies the chart and the values files.
     *
     * @param chartDirectory the user's chart
     * @param values         the user's values files, in order
     * @param setLists       a values document for {@code --set} lists, applied after the values files
     * @throws WorkspaceException when a file cannot be read or a packaged subchart cannot be unpacked
     */
    static ChartWorkspace create(final Path chartDirectory, final List<Path> values, final Optional<String> setLists) {
        Path root;
        try {
            root = Files.createTempDirectory("k8sgate-chart");
        } catch (IOException e) {
            throw new WorkspaceException(chartDirectory.toString(), "cannot create a temporary directory: "
                    + e.getMessage(), e);
        }
        ChartWorkspace workspace = new ChartWorkspace(root, chartDirectory);
        try {
            workspace.copyChart();
            workspace.unpackArchives();
            int index = 0;
            for (Path file : values) {
                Path copy = workspace.root.resolve("values").resolve(index++ + "-values.yaml");
                workspace.copyFile(file, copy, file.toString());
                workspace.valuesFiles.add(copy);
                workspace.display(copy, file.toString());
            }
            if (setLists.isPresent()) {
                Path lists = workspace.root.resolve("values").resolve("set-lists.yaml");
                Files.createDirectories(lists.getParent());
                Files.writeString(lists, rewrite(setLists.get()));
                workspace.valuesFiles.add(lists);
                workspace.display(lists, "--set");
            }
            workspace.display(workspace.chart, chartDirectory.toString());
            return workspace;
        } catch (IOException | RuntimeException e) {
            workspace.close();
            if (e instanceof WorkspaceException w) {
                throw w;
            }
            throw new WorkspaceException(chartDirectory.toString(), e.getMessage(), e);
        }
    }

    /** The copied chart. */
    Path chart() {
        return chart;
    }

    /** The copied values files, in order. */
    List<Path> valuesFiles() {
        return List.copyOf(valuesFiles);
    }

    /** A path for Helm's repository list that holds none, so the user's list is never read. */
    Path noRepositories() {
        return root.resolve("repositories.yaml");
    }

    /** Helm's text with the changes of the copy undone: the hook annotation back, workspace paths as the user's. */
    String restore(final String helmText) {
        String text = helmText.replace(HOOK_STAND_IN, HOOK_ANNOTATION);
        for (Map.Entry<String, String> name : displayNames.entrySet()) {
            text = text.replace(name.getKey(), name.getValue());
        }
        return text;
    }

    /**
     * The text of a chart file as the user wrote it, by Helm's name for it below the chart
     * ({@code templates/deployment.yaml}, {@code charts/redis/templates/master.yaml}).
     */
    Optional<String> text(final String helmPath) {
        Path file = resolve(helmPath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(restore(Files.readString(file)).replace("\r\n", "\n"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the user finds a chart file named as Helm names it: a path below the chart directory, or for a file of a
     * packaged subchart the archive followed by {@code !/} and the path inside it.
     */
    String origin(final String helmPath) {
        return originOfCopy(resolve(helmPath));
    }

    /** Deletes the copy. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary copy left behind costs disk space only; the render result does not depend on it
            root.toFile().deleteOnExit();
        }
    }

    /** The workspace file Helm names {@code helmPath} below the chart: subcharts found by name or alias. */
    private Path resolve(final String helmPath) {
        String[] parts = helmPath.split("/");
        Path dir = chart;
        int i = 0;
        while (i + 2 < parts.length && parts[i].equals("charts")) {
            Optional<Path> sub = subchart(dir, parts[i + 1]);
            if (sub.isEmpty()) {
                break;
            }
            dir = sub.get();
            i += 2;
        }
        return dir.resolve(String.join("/", List.of(parts).subList(i, parts.length)));
    }

    private Optional<Path> subchart(final Path parent, final String name) {
        Path charts = parent.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return Optional.empty();
        }
        String chartName = chartFile(parent).dependency(name).map(ChartFile.Dependency::name).orElse(name);
        try (Stream<Path> entries = Files.list(charts)) {
            List<Path> dirs = entries.filter(p -> Files.isRegularFile(p.resolve("Chart.yaml"))).sorted().toList();
            return dirs.stream().filter(d -> chartFile(d).name().equals(name)).findFirst()
                    .or(() -> dirs.stream().filter(d -> chartFile(d).name().equals(chartName)).findFirst());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ChartFile chartFile(final Path dir) {
        return chartFiles.computeIfAbsent(dir, d -> {
            try {
                return ChartFile.parse(Files.readString(d.resolve("Chart.yaml")));
            } catch (IOException e) {
                return ChartFile.parse("");
            }
        });
    }

    private void copyChart() throws IOException {
        Files.createDirectories(chart);
        try (Stream<Path> files = Files.walk(source, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = chart.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(file)) {
                    copyFile(file, target, file.toString());
                }
            }
        }
    }

    /** Unpacks every {@code charts/*.tgz} of the chart and of its subcharts, nested ones included. */
    private void unpackArchives() throws IOException {
        Deque<Path> charts = new ArrayDeque<>();
        charts.add(chart);
        while (!charts.isEmpty()) {
            Path dir = charts.poll().resolve("charts");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted().toList();
            }
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".tgz")) {
                    charts.add(unpack(entry));
                } else if (Files.isDirectory(entry)) {
                    charts.add(entry);
                }
            }
        }
    }

    private Path unpack(final Path archive) throws IOException {
        String name = archive.getFileName().toString();
        Path target = archive.resolveSibling(name.substring(0, name.length() - ".tgz".length()));
        for (int n = 2; Files.exists(target); n++) {
            target = archive.resolveSibling(name + "-" + n);
        }
        String display = originOfCopy(archive);
        String top;
        try {
            top = ChartArchive.unpack(archive, target);
        } catch (IOException e) {
            throw new WorkspaceException(display, "cannot unpack the packaged subchart: " + e.getMessage(), e);
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                rewriteInPlace(file);
            }
        }
        Files.delete(archive);
        unpacked.put(target, display + "!/" + top + "/");
        return target;
    }

    /** The user-facing name of a file of the copy (which may lie in an unpacked archive). */
    private String originOfCopy(final Path file) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(chart); dir = dir.getParent()) {
            String archive = unpacked.get(dir);
            if (archive != null) {
                return archive + dir.relativize(file).toString().replace('\\', '/');
            }
        }
        return source.resolve(chart.relativize(file).toString()).toString();
    }

    private void copyFile(final Path from, final Path to, final String display) throws IOException {
        Files.createDirectories(to.getParent());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(from);
        } catch (IOException e) {
            throw new WorkspaceException(display, "cannot be read: " + e.getMessage(), e);
        }
        Files.write(to, rewrite(bytes));
    }

    private void rewriteInPlace(final Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] rewritten = rewrite(bytes);
        if (rewritten != bytes) {
            Files.write(file, rewritten);
        }
    }

    /** The file's bytes with hooks and {@code lookup} rewritten; the same array when there is nothing to change. */
    private static byte[] rewrite(final byte[] bytes) {
        if (indexOf(bytes, HOOK_BYTES) < 0 && indexOf(bytes, LOOKUP_BYTES) < 0) {
            return bytes;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return bytes; // not text: Helm does not render it
        }
        return rewrite(text).getBytes(StandardCharsets.UTF_8);
    }

    private static String rewrite(final String text) {
        return TemplateActions.replaceFunction(text.replace(HOOK_ANNOTATION, HOOK_STAND_IN), "lookup",
                LOOKUP_STAND_IN);
    }

    private static int indexOf(final byte[] bytes, final byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void display(final Path workspacePath, final String userPath) {
        displayNames.put(workspacePath.toString(), userPath);
        List<Map.Entry<String, String>> sorted = new ArrayList<>(displayNames.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        displayNames.clear();
        sorted.forEach(e -> displayNames.put(e.getKey(), e.getValue()));
    }

    /** A file of the chart that cannot be copied; the message names it. */
    static final class WorkspaceException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String file;

        WorkspaceException(final String file, final @Nullable String message, final Throwable cause) {
            super(file + ": " + message, cause);
            this.file = file;
        }

        /** The file concerned. */
        String file() {
            return file;
        }
    }
}
