package io.k8sgate.maven;

import io.k8sgate.core.GateOptions;
import io.k8sgate.core.ProjectManifests;
import io.k8sgate.core.input.SourceOptions;
import io.k8sgate.core.input.render.ChartSettings;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.policy.ConfigurationException;
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
 * @param charts           Helm charts to render and check besides the manifests
 * @param chartSettings    release, namespace, values files and {@code --set} values for the charts
 * @param kustomizeCommand the command that renders kustomizations
 */
record GateParameters(List<String> manifests, List<String> trivyReports, List<String> trivyIgnoreFiles,
        List<String> vexFiles, Optional<File> policy, Optional<String> failOn, Optional<String> warnOn,
        Optional<Boolean> failOnInputError, boolean enableAll, List<String> charts, ChartSettings chartSettings,
        Optional<String> kustomizeCommand) {
    GateParameters {
        manifests = trimmed(manifests);
        trivyReports = trimmed(trivyReports);
        trivyIgnoreFiles = trimmed(trivyIgnoreFiles);
        vexFiles = trimmed(vexFiles);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(warnOn, "warnOn");
        Objects.requireNonNull(failOnInputError, "failOnInputError");
        charts = trimmed(charts);
        Objects.requireNonNull(chartSettings, "chartSettings");
        Objects.requireNonNull(kustomizeCommand, "kustomizeCommand");
    }

    /** Reads the mojo fields, which Maven leaves null when the user did not set them. */
    static GateParameters of(final List<String> manifests, final List<String> trivyReports,
            final List<String> trivyIgnoreFiles, final List<String> vexFiles, final File policy, final String failOn,
            final String warnOn, final Boolean failOnInputError, final boolean enableAll) {
        return of(manifests, trivyReports, trivyIgnoreFiles, vexFiles, policy, failOn, warnOn, failOnInputError,
                enableAll, new Charts(null, null, null, null, null, null));
    }

    /** Reads the mojo fields, chart and Kustomize settings included. */
    static GateParameters of(final List<String> manifests, final List<String> trivyReports,
            final List<String> trivyIgnoreFiles, final List<String> vexFiles, final File policy, final String failOn,
            final String warnOn, final Boolean failOnInputError, final boolean enableAll, final Charts charts) {
        return new GateParameters(orEmpty(manifests), orEmpty(trivyReports), orEmpty(trivyIgnoreFiles),
                orEmpty(vexFiles), Optional.ofNullable(policy),
                Optional.ofNullable(failOn).filter(s -> !s.isBlank()),
                Optional.ofNullable(warnOn).filter(s -> !s.isBlank()), Optional.ofNullable(failOnInputError),
                enableAll, orEmpty(charts.charts()), new ChartSettings(text(charts.release()),
                        text(charts.namespace()), trimmed(orEmpty(charts.valuesFiles())),
                        trimmed(orEmpty(charts.setValues()))), text(charts.kustomizeCommand()));
    }

    /**
     * The chart and Kustomize parameters of a mojo, as Maven leaves them (null when not set).
     *
     * @param charts           chart directories
     * @param valuesFiles      values files, in order
     * @param setValues        {@code key=value} assignments, in order
     * @param release          the release name
     * @param namespace        the release namespace
     * @param kustomizeCommand the command that renders kustomizations
     */
    record Charts(List<String> charts, List<String> valuesFiles, List<String> setValues, String release,
            String namespace, String kustomizeCommand) {
    }

    private static Optional<String> text(final String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
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
        return options(root, inputs, List.of());
    }

    /**
     * The options for a run below {@code root}: the POM's paths are honoured wherever they are, as the command line
     * honours its arguments.
     *
     * @param root     the project directory: inputs are relative to it, reports name files relative to it
     * @param inputs   the manifests the POM names
     * @param defaults what is read when neither the POM nor the policy names any input (the default folders)
     */
    GateOptions options(final Path root, final List<String> inputs, final List<String> defaults) {
        for (String assignment : chartSettings.setValues()) {
            if (assignment.indexOf('=') <= 0) {
                throw new ConfigurationException(Location.ofFile("setValues"), "A set value is written key=value, "
                        + "such as image.tag=1.2.3 (got '" + assignment + "')");
            }
        }
        return new GateOptions(root, inputs, trivyReports, trivyIgnoreFiles, vexFiles, policy.map(File::toPath),
                failOn, warnOn, failOnInputError, enableAll, new SourceOptions(charts, chartSettings,
                        kustomizeCommand, false, defaults));
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
