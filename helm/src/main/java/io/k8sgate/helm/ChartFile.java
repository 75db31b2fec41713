package io.k8sgate.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * What the renderer needs from a chart's {@code Chart.yaml}: name, version, the Kubernetes versions it accepts and
 * its dependencies, each with the line it is declared on (for error messages). Helm itself validates the file; this
 * reading is lenient and never the reason a chart is refused.
 *
 * @param name              {@code name}, empty when absent
 * @param version           {@code version}, empty when absent
 * @param kubeVersion       {@code kubeVersion}, empty when absent
 * @param kubeVersionLine   the line of {@code kubeVersion}, 0 when absent
 * @param dependencies      {@code dependencies}, in order
 */
record ChartFile(String name, String version, String kubeVersion, int kubeVersionLine,
        List<Dependency> dependencies) {
    ChartFile {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * One entry of {@code dependencies}.
     *
     * @param name       the chart name
     * @param alias      the alias, empty when none
     * @param version    the version constraint, empty when none
     * @param repository the repository, empty when none
     * @param line       the line the entry starts on
     */
    record Dependency(String name, String alias, String version, String repository, int line) {
        /** The name Helm gives the subchart in the parent: the alias when set. */
        String effectiveName() {
            return alias.isEmpty() ? name : alias;
        }
    }

    /** Reads {@code Chart.yaml} text; a file Helm would refuse gives whatever could be read. */
    static ChartFile parse(final String text) {
        LoadSettings settings = LoadSettings.builder().setLabel("Chart.yaml").setMaxAliasesForCollections(10)
                .setAllowRecursiveKeys(false).setCodePointLimit(1 << 20).build();
        Optional<Node> root;
        try {
            root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text))).getSingleNode();
        } catch (YamlEngineException e) {
            root = Optional.empty();
        }
        if (root.isEmpty() || !(root.get() instanceof MappingNode map)) {
            return new ChartFile("", "", "", 0, List.of());
        }
        List<Dependency> dependencies = new ArrayList<>();
        if (value(map, "dependencies").orElse(null) instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                if (item instanceof MappingNode entry) {
                    dependencies.add(new Dependency(scalar(entry, "name"), scalar(entry, "alias"),
                            scalar(entry, "version"), scalar(entry, "repository"), line(item)));
                }
            }
        }
        return new ChartFile(scalar(map, "name"), scalar(map, "version"), scalar(map, "kubeVersion"),
                value(map, "kubeVersion").map(ChartFile::line).orElse(0), dependencies);
    }

    /** The dependency Helm names {@code name} in the parent (alias first, then chart name). */
    Optional<Dependency> dependency(final String effectiveName) {
        return dependencies.stream().filter(d -> d.effectiveName().equals(effectiveName)).findFirst()
                .or(() -> dependencies.stream().filter(d -> d.name().equals(effectiveName)).findFirst());
    }

    private static Optional<Node> value(final MappingNode map, final String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    private static String scalar(final MappingNode map, final String key) {
        return value(map, key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue()).orElse("");
    }

    private static int line(final Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
