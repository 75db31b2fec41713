package io.k8sgate.maven;

import io.k8sgate.core.GateOptions;
import io.k8sgate.core.ProjectManifests;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate settings every goal shares, as the user configured them.
 *
 * @param manifests        the configured manifest inputs; empty means "look in the default places"
 * @param trivyReports     Trivy-compatible scan reports of the deployed images
 * @param trivyIgnoreFiles {@code .trivyignore} / {@code .trivyignore.yaml} files
 * @param vexFiles         OpenVEX documents
 * @param policy           the configured policy file
 * @param failOn           overrides the policy's failOn
 * @param warnOn           overrides the policy's warnOn
 * @param failOnInputError overrides the policy's failOnInputError
 * @param enableAll        turns every check on
 */
record GateParameters(List<String> manifests, List<String> trivyReports, List<String> trivyIgnoreFiles,
        List<String> vexFiles, Optional<File> policy, Optional<String> failOn, Optional<String> warnOn,
        Optional<Boolean> failOnInputError, boolean enableAll) {
    GateParameters {
        manifests = trimmed(manifests);
        trivyReports = trimmed(trivyReports);
        trivyIgnoreFiles = trimmed(trivyIgnoreFiles);
        vexFiles = trimmed(vexFiles);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(warnOn, "warnOn");
        Objects.requireNonNull(failOnInputError, "failOnInputError");
    }

    /** Reads the mojo fields, which Maven leaves null when the user did not set them. */
    static GateParameters of(final List<String> manifests, final List<String> trivyReports,
            final List<String> trivyIgnoreFiles, final List<String> vexFiles, final File policy, final String failOn,
            final String warnOn, final Boolean failOnInputError, final boolean enableAll) {
        return new GateParameters(orEmpty(manifests), orEmpty(trivyReports), orEmpty(trivyIgnoreFiles),
                orEmpty(vexFiles), Optional.ofNullable(policy),
                Optional.ofNullable(failOn).filter(s -> !s.isBlank()),
                Optional.ofNullable(warnOn).filter(s -> !s.isBlank()), Optional.ofNullable(failOnInputError),
                enableAll);
    }

    /**
     * The manifest inputs of one project: the configured ones, or those found in the default places.
     *
     * @param basedir          the project directory; configured inputs are relative to it
     * @param classesDirectory the build's class output folder, where JKube writes its manifests
     * @return the inputs, empty when there is nothing to check
     */
    List<String> inputs(final Path basedir, final Path classesDirectory) {
        if (!manifests.isEmpty()) {
            return inputsIfAnyExists(basedir, manifests);
        }
        return ProjectManifests.of(basedir, classesDirectory).stream().map(Path::toString).toList();
    }

    /**
     * The options for a run over {@code inputs} below {@code root}.
     *
     * @param root   the workspace root: inputs stay inside it, reports name files relative to it
     * @param inputs the manifest inputs
     */
    GateOptions options(final Path root, final List<String> inputs) {
        return new GateOptions(root, inputs, trivyReports, trivyIgnoreFiles, vexFiles, policy.map(File::toPath),
                failOn, warnOn, failOnInputError, enableAll);
    }

    /**
     * The configured inputs when at least one of them can match something: a module that has none of the
     * configured folders has nothing to check, while a typo next to a real folder still fails the gate closed.
     */
    static List<String> inputsIfAnyExists(final Path basedir, final List<String> configured) {
        boolean any = configured.stream().anyMatch(m -> isGlob(m) || Files.exists(basedir.resolve(m)));
        return any ? configured : List.of();
    }

    private static List<String> orEmpty(final List<String> values) {
        return values == null ? List.of() : values;
    }

    private static List<String> trimmed(final List<String> values) {
        return values.stream().filter(Objects::nonNull).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static boolean isGlob(final String input) {
        return input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
