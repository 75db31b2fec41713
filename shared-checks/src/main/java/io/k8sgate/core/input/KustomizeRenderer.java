package io.k8sgate.core.input;

import io.k8sgate.core.input.render.RenderException;
import io.k8sgate.core.model.Location;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Renders a kustomization directory with the Kustomize its users already have: {@code kustomize build} or
 * {@code kubectl kustomize}, or the command the policy or a front end names.
 *
 * <p>To learn which file each object came from, it builds a temporary kustomization (outside the user's tree, which
 * is never written to) that names the user's directory as its only resource and asks for origin annotations
 * ({@code buildMetadata: [originAnnotations]}). The annotations are then removed again, so the text that is checked
 * and stored is, line for line, what the user's own {@code kustomize build} prints. When the wrapper cannot be built
 * where the directory itself can (an unusual load restriction), the plain output is used without origins.
 */
public final class KustomizeRenderer {
    /** The annotation Kustomize writes with {@code originAnnotations}. */
    static final String ORIGIN = "config.kubernetes.io/origin";
    private static final long TIMEOUT_MINUTES = 5;
    private static final int MESSAGE_LINES = 12;

    private final List<String> command;
    private final LoaderLimits limits;

    private KustomizeRenderer(final List<String> command, final LoaderLimits limits) {
        this.command = List.copyOf(command);
        this.limits = limits;
    }

    /**
     * The renderer for the configured command, or for the first of {@code kustomize} and {@code kubectl} on the PATH.
     *
     * @param configured the configured command with its options ({@code kubectl kustomize --enable-helm}); empty to
     *                   look on the PATH
     * @param limits     the most output read
     * @return the renderer, or the reason there is none and what to do
     */
    public static Found find(final Optional<String> configured, final LoaderLimits limits) {
        return find(configured, limits, Optional.ofNullable(System.getenv("PATH")).orElse(""));
    }

    /** {@link #find(Optional, LoaderLimits)} on a given search path. */
    static Found find(final Optional<String> configured, final LoaderLimits limits, final String path) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            List<String> words = Arrays.asList(configured.get().trim().split("\\s+"));
            if (executable(words.get(0), path).isEmpty()) {
                return new Found(Optional.empty(), "The Kustomize command '" + configured.get().trim()
                        + "' cannot be run: '" + words.get(0) + "' is not on the PATH. Install it, or set another "
                        + "command (inputs.kustomizeCommand in the policy, --kustomize-command)");
            }
            return new Found(Optional.of(new KustomizeRenderer(words, limits)), "");
        }
        if (executable("kustomize", path).isPresent()) {
            return new Found(Optional.of(new KustomizeRenderer(List.of("kustomize", "build"), limits)), "");
        }
        if (executable("kubectl", path).isPresent()) {
            return new Found(Optional.of(new KustomizeRenderer(List.of("kubectl", "kustomize"), limits)), "");
        }
        return new Found(Optional.empty(), "A kustomization needs Kustomize to be rendered, and neither "
                + "'kustomize' nor 'kubectl' is on the PATH. Install one of them (kubectl includes Kustomize), or "
                + "name the command in the policy (inputs.kustomizeCommand) or with --kustomize-command");
    }

    /**
     * The outcome of {@link #find}.
     *
     * @param renderer the renderer, when a command was found
     * @param problem  why there is none, and how to fix it
     */
    public record Found(Optional<KustomizeRenderer> renderer, String problem) {
    }

    private static Optional<Path> executable(final String name, final String path) {
        if (name.contains("/") || name.contains(File.separator)) {
            Path p = Paths.get(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        for (String dir : path.split(File.pathSeparator, -1)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String candidate : windows ? List.of(name + ".exe", name + ".cmd", name) : List.of(name)) {
                Path p = Paths.get(dir, candidate);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The command, as a person would type it for {@code dir}. */
    public String commandFor(final String dir) {
        return String.join(" ", command) + " " + dir;
    }

    /**
     * The output of one kustomization directory, with each document's origin.
     *
     * @param text    the rendered YAML, as {@code kustomize build} prints it
     * @param origins for each document of {@code text}, in order, where Kustomize says it came from; empty when the
     *                origins could not be asked for
     */
    record Output(String text, List<KustomizeOrigins.Origin> origins) {
    }

    /**
     * Renders a directory.
     *
     * @param dir     the kustomization directory (a real path)
     * @param display its name in reports
     * @param file    its kustomization file's name in reports, where render errors are placed
     * @throws RenderException when Kustomize fails; the message is Kustomize's own, with the directory named
     */
    Output render(final Path dir, final String display, final String file) {
        Path wrapper = null;
        try {
            wrapper = Files.createTempDirectory("k8s-security-kustomize").toRealPath();
            Optional<String> relative = relative(wrapper, dir);
            if (relative.isPresent()) {
                Files.writeString(wrapper.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                        + "kind: Kustomization\nresources:\n- " + quoted(relative.get()) + "\n"
                        + "buildMetadata: [originAnnotations]\n", StandardCharsets.UTF_8);
                Result wrapped = run(wrapper, wrapper);
                if (wrapped.exit() == 0) {
                    return withOrigins(wrapped.out(), wrapper, file);
                }
            }
            Result plain = run(dir, wrapper);
            if (plain.exit() != 0) {
                throw new RenderException(Location.ofFile(file), "`" + commandFor(display) + "` failed: "
                        + message(plain.err(), dir, display));
            }
            return new Output(plain.out(), List.of());
        } catch (IOException e) {
            throw new RenderException(Location.ofFile(file), "`" + commandFor(display) + "` could not be run: " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException(Location.ofFile(file), "Rendering was interrupted", e);
        } finally {
            delete(wrapper);
        }
    }

    private Output withOrigins(final String annotated, final Path wrapper, final String file) {
        YamlParser parser = new YamlParser(limits);
        List<YamlDocument> documents = parser.parse(file, annotated, d -> { });
        List<KustomizeOrigins.Origin> origins = new ArrayList<>();
        Set<Integer> annotationLines = new TreeSet<>();
        Set<Integer> emptiedMaps = new TreeSet<>();
        for (YamlDocument d : documents) {
            YamlNode root = d.root().orElse(null);
            if (root == null) {
                continue;
            }
            YamlNode annotations = root.path("metadata", "annotations");
            YamlNode origin = annotations.get(ORIGIN);
            origins.add(origin(origin.text(""), wrapper, parser));
            if (origin.isPresent()) {
                annotationLines.add(origin.location().line());
                if (annotations.size() == 1) {
                    emptiedMaps.add(origin.location().line() - 1);
                }
            }
        }
        return new Output(strip(annotated, annotationLines, emptiedMaps), origins);
    }

    /**
     * The text without the origin annotations: each annotation is a key line and its more deeply indented block;
     * an {@code annotations:} key left empty goes too.
     */
    static String strip(final String text, final Set<Integer> annotationLines, final Set<Integer> emptiedMaps) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < lines.length) {
            int lineNo = i + 1;
            if (emptiedMaps.contains(lineNo) && annotationLines.contains(lineNo + 1)) {
                i++;
                continue;
            }
            if (annotationLines.contains(lineNo)) {
                int indent = indent(lines[i]);
                i++;
                while (i < lines.length && indent(nextContent(lines, i)) > indent) {
                    i++;
                }
                continue;
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
            i++;
        }
        return out.toString();
    }

    /** The line itself, or for a blank line the next line that is not blank (a block scalar may hold blank lines). */
    private static String nextContent(final String[] lines, final int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return lines[i];
            }
        }
        return "";
    }

    private static int indent(final String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static KustomizeOrigins.Origin origin(final String annotation, final Path wrapper,
            final YamlParser parser) {
        if (annotation.isBlank()) {
            return KustomizeOrigins.Origin.UNKNOWN;
        }
        YamlNode map = parser.parse(ORIGIN, annotation, d -> { }).stream().flatMap(d -> d.root().stream())
                .findFirst().orElse(null);
        if (map == null || !map.isMap()) {
            return KustomizeOrigins.Origin.UNKNOWN;
        }
        String repo = map.get("repo").text("");
        Optional<Path> path = repo.isEmpty() ? map.get("path").text().map(p -> wrapper.resolve(p).normalize())
                : Optional.empty();
        Optional<Path> configuredIn = map.get("configuredIn").text().map(p -> wrapper.resolve(p).normalize());
        return new KustomizeOrigins.Origin(path, configuredIn, map.path("configuredBy", "kind").text(""), repo);
    }

    private static Optional<String> relative(final Path from, final Path to) {
        try {
            if (from.getRoot() == null || !from.getRoot().equals(to.getRoot())) {
                return Optional.empty();
            }
            return Optional.of(from.relativize(to).toString().replace('\\', '/'));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String quoted(final String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** What a run printed. */
    private record Result(int exit, String out, String err) {
    }

    private Result run(final Path dir, final Path scratch) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(command);
        argv.add(dir.toString());
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        Process process = new ProcessBuilder(argv).directory(scratch.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice()))).start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxFileBytes() + 1));
        }
        if (out.length > limits.maxFileBytes()) {
            process.destroyForcibly();
            throw new IOException("the output is larger than " + limits.maxFileBytes() + " bytes");
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("it did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), errors);
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "NUL"
                : "/dev/null";
    }

    /** Kustomize's error, with absolute paths of the directory shown as the user named it, and kept short. */
    private static String message(final String err, final Path dir, final String display) {
        String text = err.replace(dir.toString(), display).strip();
        String[] lines = text.split("\n");
        String kept = String.join("\n", Arrays.copyOf(lines, Math.min(lines.length, MESSAGE_LINES)));
        if (lines.length > MESSAGE_LINES) {
            kept += "\n...";
        }
        return kept.isEmpty() ? "it printed no error message" : kept;
    }

    private static void delete(final @Nullable Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is the operating system's to clean: nothing of the user's is in it
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
