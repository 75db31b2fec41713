package io.k8sgate.core.input.render;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code helm template} takes besides the chart: the release name and namespace, values files and {@code --set}
 * assignments. An empty field means "not set here": {@link #over} lets the settings of a front end win over those of
 * the policy, field by field, and {@link #releaseOrDefault} and {@link #namespaceOrDefault} fill in Helm's own
 * defaults.
 *
 * @param release     the release name
 * @param namespace   the release namespace
 * @param valuesFiles values files, applied in order after the chart's own {@code values.yaml}; relative to the root
 * @param setValues   {@code --set} assignments ({@code a.b=c}), applied in order after the values files
 */
public record ChartSettings(Optional<String> release, Optional<String> namespace, List<String> valuesFiles,
        List<String> setValues) {
    /** Nothing set: every chart is rendered as {@code helm template} renders it by default. */
    public static final ChartSettings NONE = new ChartSettings(Optional.empty(), Optional.empty(), List.of(),
            List.of());
    /** The release name {@code helm template} uses when none is given. */
    public static final String DEFAULT_RELEASE = "release-name";
    /** The namespace {@code helm template} uses when none is given. */
    public static final String DEFAULT_NAMESPACE = "default";

    public ChartSettings {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(namespace, "namespace");
        valuesFiles = List.copyOf(valuesFiles);
        setValues = List.copyOf(setValues);
    }

    /** True when nothing is set. */
    public boolean isEmpty() {
        return release.isEmpty() && namespace.isEmpty() && valuesFiles.isEmpty() && setValues.isEmpty();
    }

    /**
     * These settings where they are set, {@code base}'s elsewhere: a front end's {@code --values} replace the values
     * files the policy lists for the chart, its {@code --release} replaces the policy's release, and so on.
     */
    public ChartSettings over(final ChartSettings base) {
        return new ChartSettings(release.or(base::release), namespace.or(base::namespace),
                valuesFiles.isEmpty() ? base.valuesFiles : valuesFiles, setValues.isEmpty() ? base.setValues
                        : setValues);
    }

    /** The release name, Helm's default when none is set. */
    public String releaseOrDefault() {
        return release.filter(r -> !r.isBlank()).orElse(DEFAULT_RELEASE);
    }

    /** The namespace, Helm's default when none is set. */
    public String namespaceOrDefault() {
        return namespace.filter(n -> !n.isBlank()).orElse(DEFAULT_NAMESPACE);
    }

    /** The key of a {@code --set} assignment ({@code image.tag} of {@code image.tag=1.2}). */
    public static String key(final String assignment) {
        int eq = assignment.indexOf('=');
        return eq < 0 ? assignment : assignment.substring(0, eq);
    }
}
