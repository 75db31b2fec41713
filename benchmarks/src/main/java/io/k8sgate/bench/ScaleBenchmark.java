package io.k8sgate.bench;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.report.JsonReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The scale benchmark: prints resources per second, peak heap, and the ratio of the whole gate (load, every check,
 * decision, JSON report) to parsing the same YAML with the same parser alone, for several input sizes.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [sizes...]} (default 100 1000 10000 50000).
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    /** Runs the benchmark and prints a table. */
    public static void main(final String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(100, 1_000, 10_000, 50_000));
        }
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%10s %10s %12s %12s %10s %14s %14s%n", "resources", "MB", "parse ms",
                "gate ms", "ratio", "resources/s", "peak heap MB");
        for (int size : sizes) {
            Path dir = Files.createTempDirectory("k8sgate-bench");
            try {
                int written = ManifestGenerator.generate(dir, size, 42);
                long bytes = sizeOf(dir);
                int repeats = size >= 10_000 ? 3 : 7;
                Measure.Result parse = Measure.run(2, repeats, () -> parseOnly(dir));
                Measure.Result gate = Measure.run(2, repeats, () -> gate(dir));
                System.out.printf(Locale.ROOT, "%10d %10.1f %12.1f %12.1f %9.2fx %14.0f %14d%n", written,
                        bytes / 1e6, parse.medianMillis(), gate.medianMillis(),
                        gate.medianMillis() / parse.medianMillis(), written / (gate.medianMillis() / 1000),
                        gate.peakHeapBytes() >> 20);
            } finally {
                delete(dir);
            }
        }
    }

    /** The baseline: the same YAML parsed by snakeyaml-engine into plain Java values, nothing else. */
    static Object parseOnly(final Path dir) throws IOException {
        LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(50).build();
        int documents = 0;
        for (Path file : files(dir)) {
            for (Object o : new Load(settings).loadAllFromString(Files.readString(file))) {
                if (o != null) {
                    documents++;
                }
            }
        }
        return documents;
    }

    /** The whole gate: load, every check (optional ones too), decision and the JSON report. */
    static Object gate(final Path dir) throws IOException {
        GateOutcome outcome = new SecurityGate().run(GateRequest.of(dir, List.of("."))
                .withPolicy(Policy.DEFAULT.withEnableAll(true)));
        new JsonReportWriter().write(outcome, OutputStream.nullOutputStream());
        return outcome;
    }

    static List<Path> files(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static long sizeOf(final Path dir) throws IOException {
        long total = 0;
        for (Path p : files(dir)) {
            total += Files.size(p);
        }
        return total;
    }

    private static void delete(final Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
