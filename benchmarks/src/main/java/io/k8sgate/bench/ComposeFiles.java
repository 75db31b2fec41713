package io.k8sgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The baseline of the cold runs: a whole process that only composes the YAML files below a directory with SnakeYAML
 * Engine (the library the gate reads YAML with) into node trees with their positions, keeps them, and prints how many
 * documents it read. It runs from a jar that holds this class and SnakeYAML Engine alone ({@link ColdBenchmark}
 * writes it), so that it pays for nothing the gate's jar carries.
 *
 * <p>Usage: {@code java -jar compose.jar DIR}.
 */
public final class ComposeFiles {
    private ComposeFiles() {
    }

    /** Composes every {@code *.yaml} file below the directory, in name order, and prints the document count. */
    public static void main(final String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Paths.get(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        LoadSettings settings = LoadSettings.builder().build();
        List<Node> kept = new ArrayList<>();
        for (Path file : files) {
            for (Node document : new Compose(settings).composeAllFromString(Files.readString(file))) {
                kept.add(document);
            }
        }
        System.out.println(kept.size() + " documents in " + files.size() + " files");
    }
}
