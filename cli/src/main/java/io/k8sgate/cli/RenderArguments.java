package io.k8sgate.cli;

import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.input.render.ChartSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options about charts and kustomizations, the same for every command that reads manifests. */
final class RenderArguments {
    @Option(names = "--chart", paramLabel = "DIR", description = "A Helm chart to render and check (the directory "
            + "holding Chart.yaml); repeatable. A chart among the PATHs is rendered as well")
    List<String> charts = new ArrayList<>();

    @Option(names = "--values", paramLabel = "FILE", description = "A values file for the charts, as `helm template "
            + "-f`; repeatable, applied in order (default: the policy's for the chart)")
    List<String> values = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A value for the charts, as `helm template "
            + "--set`; repeatable, applied in order after the values files. Reports name the keys, never the values")
    List<String> set = new ArrayList<>();

    @Option(names = "--release", paramLabel = "NAME", description = "The release name the charts are rendered with "
            + "(default: the policy's, or " + ChartSettings.DEFAULT_RELEASE + ")")
    String release;

    @Option(names = "--kustomize-command", paramLabel = "COMMAND", description = "The command that renders a "
            + "kustomization directory, such as 'kubectl kustomize' or 'kustomize build --enable-helm' (default: the "
            + "policy's, or the first of kustomize and kubectl on the PATH)")
    String kustomizeCommand;

    /** The options with these set. */
    GateOptions.Builder applyTo(final GateOptions.Builder options) {
        return options.charts(charts).valuesFiles(values).setValues(set).release(release)
                .kustomizeCommand(kustomizeCommand);
    }
}
