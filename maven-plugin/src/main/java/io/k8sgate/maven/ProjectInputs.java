package io.k8sgate.maven;

import io.k8sgate.core.ProjectManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Which manifests a Maven project has: the ones it configures, or those in the default places. */
final class ProjectInputs {
    private ProjectInputs() {
    }

    /**
     * What a project reads.
     *
     * @param named    the inputs the POM names (those that can match something); none: the policy's inputs
     * @param defaults what is read when neither the POM nor the policy names any input
     */
    record Inputs(List<String> named, List<String> defaults) {
        /** Nothing named, nothing by default: only what the policy lists. */
        static final Inputs NONE = new Inputs(List.of(), List.of());

        Inputs {
            named = List.copyOf(named);
            defaults = List.copyOf(defaults);
        }
    }

    /**
     * The manifest inputs of one project: the configured ones; or, when none are configured, the policy's inputs,
     * else those found in the default places.
     *
     * @param configured       the {@code manifests} parameter, null or blank entries ignored; empty means "the
     *                         policy's inputs, else the default places"
     * @param basedir          the project directory; configured inputs are relative to it
     * @param classesDirectory the build's class output folder, where JKube writes its manifests
     */
    static Inputs of(final List<String> configured, final Path basedir, final Path classesDirectory) {
        List<String> named = trimmed(configured);
        if (!named.isEmpty()) {
            return new Inputs(ifAnyExists(basedir, named), List.of());
        }
        return new Inputs(List.of(), ProjectManifests.of(basedir, classesDirectory).stream().map(Path::toString)
                .toList());
    }

    /**
     * The configured inputs when at least one of them can match something: a module that has none of the
     * configured folders has nothing to check, while a typo next to a real folder still fails the gate closed.
     */
    static List<String> ifAnyExists(final Path basedir, final List<String> configured) {
        boolean any = configured.stream().anyMatch(m -> isGlob(m) || Files.exists(basedir.resolve(m)));
        return any ? configured : List.of();
    }

    /** Where the default manifests are looked for, for the "nothing found" message. */
    static String searched(final List<String> configured) {
        List<String> named = trimmed(configured);
        return named.isEmpty() ? String.join(", ", ProjectManifests.SOURCE_FOLDERS) + ", "
                + ProjectManifests.JKUBE_FRAGMENTS + ", target/classes/" + ProjectManifests.JKUBE_OUTPUT
                : String.join(", ", named);
    }

    private static List<String> trimmed(final List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static boolean isGlob(final String input) {
        return input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
