package io.k8sgate.core;

import io.k8sgate.core.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a build project keeps its Kubernetes manifests when the user names none: the conventional source folders and
 * the output of Eclipse JKube. Used by the build-tool front ends, so that they look in the same places.
 */
public final class ProjectManifests {
    /** Source folders, relative to the project directory, in the order they are read. */
    public static final List<String> SOURCE_FOLDERS = List.of("src/main/k8s", "src/main/kubernetes");
    /** JKube's resource fragments, relative to the project directory. */
    public static final String JKUBE_FRAGMENTS = "src/main/jkube";
    /** Where JKube writes the generated manifests, relative to the build's class output folder. */
    public static final String JKUBE_OUTPUT = "META-INF/jkube";

    private static final List<String> PLATFORMS = List.of("kubernetes", "openshift");
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

    private ProjectManifests() {
    }

    /**
     * The manifest inputs of a project that exist, as absolute paths.
     *
     * <p>JKube writes every object twice: once into {@code kubernetes.yml} and once into a file of its own under
     * {@code kubernetes/}. Only one of the two is read, the per-object files when there are any (their file names
     * tell the reader which object a finding is about), the aggregate file otherwise; the same holds for
     * {@code openshift}. JKube merges the fragments of {@code src/main/jkube} into its output, so the fragments are
     * read only while there is no generated output.
     *
     * @param projectDirectory the project's base directory
     * @param classesDirectory the build's class output folder ({@code target/classes})
     */
    public static List<Path> of(final Path projectDirectory, final Path classesDirectory) {
        List<Path> inputs = new ArrayList<>();
        for (String folder : SOURCE_FOLDERS) {
            Path dir = projectDirectory.resolve(folder);
            if (Files.isDirectory(dir)) {
                inputs.add(dir.toAbsolutePath().normalize());
            }
        }
        List<Path> generated = jkubeOutput(classesDirectory.resolve(JKUBE_OUTPUT));
        Path fragments = projectDirectory.resolve(JKUBE_FRAGMENTS);
        if (generated.isEmpty() && Files.isDirectory(fragments)) {
            inputs.add(fragments.toAbsolutePath().normalize());
        }
        inputs.addAll(generated);
        return List.copyOf(inputs);
    }

    private static List<Path> jkubeOutput(final Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (String platform : PLATFORMS) {
            Path perObject = dir.resolve(platform);
            if (Files.isDirectory(perObject) && hasManifest(perObject)) {
                out.add(perObject.toAbsolutePath().normalize());
                continue;
            }
            EXTENSIONS.stream().map(ext -> dir.resolve(platform + ext)).filter(Files::isRegularFile).findFirst()
                    .ifPresent(f -> out.add(f.toAbsolutePath().normalize()));
        }
        return out;
    }

    private static boolean hasManifest(final Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))
                    .anyMatch(name -> EXTENSIONS.stream().anyMatch(name::endsWith));
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot list the directory: " + e, e);
        }
    }
}
