package io.k8sgate.core.input;

import io.k8sgate.core.input.render.ChartSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front end sets about where inputs may be and how charts and kustomizations are rendered. The policy's
 * {@code inputs:} section says the same for every front end; these settings win over it.
 *
 * @param charts           chart directories to check (a directory holding {@code Chart.yaml}), besides the manifests
 * @param chartSettings    release, namespace, values files and {@code --set} values for the charts of the run
 * @param kustomizeCommand the command that renders kustomizations ({@code kubectl kustomize}); empty: the policy's,
 *                         or the first of {@code kustomize} and {@code kubectl} on the PATH
 * @param confineToRoot    every input must stay inside the root (a CI workspace); false honours each named path
 *                         wherever it is, and only what a walked directory links to must stay inside it
 * @param defaultInputs    what is read when neither the front end nor the policy names any input
 */
public record SourceOptions(List<String> charts, ChartSettings chartSettings, Optional<String> kustomizeCommand,
        boolean confineToRoot, List<String> defaultInputs) {
    /** No charts named, Helm's defaults, inputs confined to the root, nothing read by default. */
    public static final SourceOptions DEFAULT = new SourceOptions(List.of(), ChartSettings.NONE, Optional.empty(),
            true, List.of());

    public SourceOptions {
        charts = List.copyOf(charts);
        Objects.requireNonNull(chartSettings, "chartSettings");
        Objects.requireNonNull(kustomizeCommand, "kustomizeCommand");
        defaultInputs = List.copyOf(defaultInputs);
    }
}
