package io.k8sgate.bench;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.core.input.render.RenderedTemplate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Helm rendering benchmark: charts rendered per second by the in-process renderer (Helm's Go library), for a
 * small chart and a larger one, against parsing the rendered YAML alone with the gate's parser (in alternating
 * turns, so the ratio holds on a noisy machine); and the cost of the first render in a fresh JVM (unpacking and
 * loading Helm's library, starting Go's runtime) against a render once it is loaded.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.k8sgate.bench.HelmRenderBenchmark [--quick]};
 * {@code --first-render CHART} is the child process that measures one cold start.
 */
public final class HelmRenderBenchmark {
    private static final int COLD_STARTS = 5;

    private HelmRenderBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(final String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--first-render")) {
            firstRender(Paths.get(args[1]));
            return;
        }
        boolean quick = Arrays.asList(args).contains("--quick");
        HelmRenderer renderer = HelmRenderer.installed()
                .orElseThrow(() -> new IllegalStateException("no HelmRenderer on the class path"));
        Path root = Files.createTempDirectory("k8sgate-helm-bench");
        try {
            Path small = ChartGenerator.generate(root.resolve("small"), 1);
            Path large = ChartGenerator.generate(root.resolve("large"), 20);
            cold(small);
            System.out.printf(Locale.ROOT, "%n%-8s %8s %8s %10s %10s %12s %10s%n", "chart", "objects", "lines",
                    "parse ms", "render ms", "render/parse", "charts/s");
            for (Path chart : List.of(small, large)) {
                ChartRequest request = new ChartRequest(chart, "rel", "shop", List.of(), List.of(), "1.33");
                RenderedChart rendered = renderer.render(request);
                String output = String.join("---\n", rendered.templates().stream().map(RenderedTemplate::text)
                        .toList());
                Measure.Comparison c = Measure.compare(quick ? 20 : 200, quick ? 1_000 : 5_000, quick ? 11 : 21,
                        () -> parse(output), () -> renderer.render(request));
                System.out.printf(Locale.ROOT, "%-8s %8d %8d %10.2f %10.2f %11.1fx %10.0f%n",
                        chart.getFileName(), rendered.templates().size(), output.lines().count(),
                        c.baseline().medianMillis(), c.candidate().medianMillis(), c.medianRatio(),
                        1000 / c.candidate().medianMillis());
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Medians over fresh JVMs of the first render (library load included) and of the second one. */
    private static void cold(final Path chart) throws IOException, InterruptedException {
        double[] first = new double[COLD_STARTS];
        double[] second = new double[COLD_STARTS];
        for (int i = 0; i < COLD_STARTS; i++) {
            Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HelmRenderBenchmark.class.getName(),
                    "--first-render", chart.toString()).redirectErrorStream(true).start();
            String line;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                line = out.readLine();
            }
            if (child.waitFor() != 0 || line == null || !line.startsWith("first ")) {
                throw new IllegalStateException("the cold-start child failed: " + line);
            }
            String[] parts = line.split(" ", -1);
            first[i] = Double.parseDouble(parts[1]);
            second[i] = Double.parseDouble(parts[3]);
        }
        Arrays.sort(first);
        Arrays.sort(second);
        double cold = first[COLD_STARTS / 2];
        double warm = second[COLD_STARTS / 2];
        System.out.printf(Locale.ROOT, "%-52s %8.0f ms%n", "first render in a fresh JVM (library load included)",
                cold);
        System.out.printf(Locale.ROOT, "%-52s %8.1f ms  (first / second: %.0fx)%n", "second render, same JVM", warm,
                cold / warm);
    }

    private static void firstRender(final Path chart) {
        HelmRenderer renderer = HelmRenderer.installed().orElseThrow();
        ChartRequest request = new ChartRequest(chart, "rel", "shop", List.of(), List.of(), "1.33");
        long start = System.nanoTime();
        renderer.render(request);
        long middle = System.nanoTime();
        renderer.render(request);
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "first %.1f second %.1f%n", (middle - start) / 1e6, (end - middle) / 1e6);
    }

    private static List<Object> parse(final String yaml) {
        List<Object> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(documents::add);
        return documents;
    }
}
