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
    /**
     * How parse and gate are warmed up, in turns, before each size is measured: the gate runs far more code than the
     * parser, and on the smallest input its time keeps falling for about 3,000 runs while the JIT compiler works
     * through it. So: at least {@value #WARMUP_RUNS} turns and {@value #WARMUP_MILLIS} ms, at most
     * {@value #MAX_WARMUP_MILLIS} ms (larger inputs run more of each check per run and settle in fewer).
     */
    private static final int WARMUP_RUNS = 3_000;
    private static final long WARMUP_MILLIS = 10_000;
    private static final long MAX_WARMUP_MILLIS = 40_000;

    private ScaleBenchmark() {
    }

    /** Runs the benchmark and prints a table. */
    public static void main(final String[] args) throws Exception {
        List<Integer> sizes = Measure.sizes(args, 100, 1_000, 10_000, 50_000);
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%10s %8s %10s %10s %8s %14s %8s %12s %13s%n", "resources", "MB",
                "parse ms", "gate ms", "ratio", "parse-drop ms", "ratio", "resources/s", "peak heap MB");
        List<String> phases = new ArrayList<>();
        for (int size : sizes) {
            Path dir = Files.createTempDirectory("k8sgate-bench");
            try {
                int written = ManifestGenerator.generate(dir, size, 42);
                long bytes = sizeOf(dir);
                int repeats = size <= 1_000 ? 41 : size <= 10_000 ? 15 : 5; // small inputs vary more per run
                Measure.Comparison compared = Measure.compare(WARMUP_RUNS, WARMUP_MILLIS, MAX_WARMUP_MILLIS, repeats,
                        () -> parse(dir, true), () -> gate(dir));
                Measure.Result parse = compared.baseline();
                Measure.Result gate = compared.candidate();
                // the second baseline in turns with the gate as well (everything is warm by now: a short warm-up)
                Measure.Comparison dropping = Measure.compare(3, 2_000, repeats, () -> parse(dir, false),
                        () -> gate(dir));
                Measure.Result parseDropping = dropping.baseline();
                Measure.Result load = Measure.run(1, repeats, () -> new io.k8sgate.core.input.ManifestLoader()
                        .load(dir, List.of(".")));
                io.k8sgate.core.input.LoadResult loaded = new io.k8sgate.core.input.ManifestLoader()
                        .load(dir, List.of("."));
                List<io.k8sgate.core.check.Check> all = io.k8sgate.core.registry.CheckRegistry.defaultRegistry().all();
                Measure.Result checks = Measure.run(1, repeats, () -> new io.k8sgate.core.engine.CheckEngine().run(
                        io.k8sgate.core.check.CheckContext.of(loaded.objects(),
                                io.k8sgate.core.check.CheckSettings.DEFAULT), all));
                phases.add(String.format(Locale.ROOT, "%10d %12.1f %12.1f %12.1f", written, load.medianMillis(),
                        checks.medianMillis(), gate.medianMillis() - load.medianMillis() - checks.medianMillis()));
                System.out.printf(Locale.ROOT, "%10d %8.1f %10.1f %10.1f %7.2fx %14.1f %7.2fx %12.0f %13d%n",
                        written, bytes / 1e6, parse.medianMillis(), gate.medianMillis(), compared.medianRatio(),
                        parseDropping.medianMillis(), dropping.medianRatio(),
                        written / (gate.medianMillis() / 1000), gate.peakHeapBytes() >> 20);
            } finally {
                delete(dir);
            }
        }
        System.out.printf(Locale.ROOT, "%nWhere the gate's time goes (median ms)%n%10s %12s %12s %12s%n", "resources",
                "load", "checks", "rest");
        phases.forEach(System.out::println);
    }

    /**
     * The baseline: the same YAML parsed by snakeyaml-engine into plain Java values, nothing else. With {@code keep}
     * the parsed documents are returned, as any program that parses its input holds it (and the gate holds its
     * tree); without, each document is dropped once built, so the collector has almost nothing to keep.
     */
    static Object parse(final Path dir, final boolean keep) throws IOException {
        LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(50).build();
        List<Object> documents = new ArrayList<>();
        int count = 0;
        for (Path file : files(dir)) {
            for (Object o : new Load(settings).loadAllFromString(Files.readString(file))) {
                if (o != null) {
                    count++;
                    if (keep) {
                        documents.add(o);
                    }
                }
            }
        }
        return keep ? documents : count;
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
