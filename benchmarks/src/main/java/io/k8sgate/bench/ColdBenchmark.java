package io.k8sgate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Cold runs, as CI sees the gate: every figure is a whole process started afresh, the way a pipeline runs the CLI
 * once per build. For each size it generates the input once (applications of a Deployment, a Service, a
 * ServiceAccount, a Role and a RoleBinding, in 500 files), then runs in turns, best of several:
 * <ul>
 *   <li><b>parse</b>: a process that only composes the same files with SnakeYAML Engine and keeps the trees
 *       ({@link ComposeFiles}, from a jar of its own holding nothing else);</li>
 *   <li><b>gate</b>: {@code java -jar cli/target/k8s-security.jar check} on the same directory;</li>
 *   <li><b>launcher</b>: {@code cli/bin/k8s-security check}, the same jar started with the runtime's start-up archive
 *       (recorded by an unmeasured first run into a cache of the benchmark's own) and the JIT compiler's first tier
 *       only, as the launcher starts it;</li>
 *   <li><b>launcher C2</b>: the same with both tiers of the JIT compiler, as {@code java -jar} has them.</li>
 * </ul>
 * Then the largest size once more under {@code -Xmx1g} with every report format. Every process is started with the
 * same Java runtime (this one's, or {@code --java}); the operating system's file cache is warmed by an unmeasured
 * run of each before the measured turns.
 *
 * <p>Usage, from the project root after {@code ./mvnw -DskipTests package}: {@code java -cp
 * benchmarks/target/benchmarks.jar io.k8sgate.bench.ColdBenchmark [--runs N] [--java PATH] [--compare JAR]
 * [SIZE...]} (default 5000 25000 50000, best of 3). {@code --compare} times another build's CLI jar (a copy of
 * {@code k8s-security.jar} made before a change) as one more variant in the same turns, so a change is measured
 * against what it replaces under the same load.
 */
public final class ColdBenchmark {
    /** The files the input is spread over, as in a platform repository of many teams. */
    static final int FILES = 500;
    private static final String ALL_FORMATS = "html,json,sarif,junit,md";
    private static final String SMALL_HEAP = "-Xmx1g";
    /**
     * Both tiers of the JIT compiler, as {@code java -jar} runs: the launcher's default is the first tier only, which
     * compiles less on the cores the run needs and runs slower code once hot.
     */
    private static final String BOTH_TIERS = "-XX:TieredStopAtLevel=4";

    private final String java;
    private final Path cliJar;
    private final Path launcher;
    private final Path work;
    private final Path composeJar;
    private final Map<String, String> launcherEnvironment;
    /** Another build's CLI jar to time beside this one in the same turns ({@code --compare}), or null. */
    private final @Nullable Path compareJar;

    private ColdBenchmark(final String java, final Path cliJar, final Path launcher, final Path work,
            final @Nullable Path compareJar) throws IOException, URISyntaxException {
        this.java = java;
        this.compareJar = compareJar;
        this.cliJar = cliJar;
        this.launcher = launcher;
        this.work = work;
        this.composeJar = composeJar(work.resolve("compose.jar"));
        Path home = javaHome(java);
        this.launcherEnvironment = Map.of("JAVA_HOME", home.toString(), "K8S_SECURITY_JAR",
                cliJar.toAbsolutePath().toString(), "K8S_SECURITY_CACHE", work.resolve("cache").toString());
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(final String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int runs = Integer.parseInt(Measure.option(rest, "--runs", "3"));
        String java = Measure.option(rest, "--java",
                Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        String compare = Measure.option(rest, "--compare", "");
        List<Integer> sizes = Measure.sizes(rest.toArray(String[]::new), 5_000, 25_000, 50_000);
        Path cliJar = Paths.get("cli/target/k8s-security.jar");
        Path launcher = Paths.get("cli/bin/k8s-security");
        if (!Files.isRegularFile(cliJar) || !Files.isRegularFile(launcher)) {
            System.out.println("cli/target/k8s-security.jar or cli/bin/k8s-security not found: run from the project "
                    + "root after ./mvnw -DskipTests package");
            return;
        }
        Path work = Files.createTempDirectory("k8sgate-cold");
        try {
            new ColdBenchmark(java, cliJar, launcher, work, compare.isEmpty() ? null : Paths.get(compare))
                    .run(sizes, runs);
        } finally {
            delete(work);
        }
    }

    /** A way of running the gate (or the baseline) on an input directory. */
    private record Variant(String name, List<String> command, Map<String, String> environment) {
        List<String> on(final Path input) {
            List<String> all = new ArrayList<>(command);
            all.add(input.toString());
            return all;
        }
    }

    /** The baseline first, then the gate as a user may start it. */
    private List<Variant> variants() {
        Map<String, String> c2 = new HashMap<>(launcherEnvironment);
        c2.put("JAVA_OPTS", BOTH_TIERS);
        List<Variant> all = new ArrayList<>();
        all.add(new Variant("parse", List.of(java, "-jar", composeJar.toString()), Map.of()));
        all.add(new Variant("gate", List.of(java, "-jar", cliJar.toString(), "check", "--root"), Map.of()));
        if (compareJar != null) {
            all.add(new Variant("compared", List.of(java, "-jar", compareJar.toString(), "check", "--root"),
                    Map.of()));
        }
        all.add(new Variant("launcher", List.of(launcher.toString(), "check", "--root"), launcherEnvironment));
        all.add(new Variant("launcher C2", List.of(launcher.toString(), "check", "--root"), Map.copyOf(c2)));
        return List.copyOf(all);
    }

    private void run(final List<Integer> sizes, final int runs) throws IOException, InterruptedException {
        List<Variant> variants = variants();
        System.out.printf(Locale.ROOT, "Whole processes, best of %d, Java %s (%s), %d cores%n", runs,
                runtimeVersion(), java, Runtime.getRuntime().availableProcessors());
        System.out.println("  parse:       java -jar compose.jar DIR (SnakeYAML Engine composes every file, nothing "
                + "else)");
        System.out.println("  gate:        java -jar cli/target/k8s-security.jar check --root DIR");
        System.out.println("  launcher:    cli/bin/k8s-security check --root DIR (start-up archive recorded by a first,"
                + " unmeasured run; the JIT compiler's first tier only)");
        if (compareJar != null) {
            System.out.println("  compared:    java -jar " + compareJar + " check --root DIR (another build, in the "
                    + "same turns)");
        }
        System.out.println("  launcher C2: the same with both tiers of the JIT compiler, JAVA_OPTS=" + BOTH_TIERS);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%10s %6s %6s", "resources", "files", "MB"));
        for (Variant v : variants) {
            head.append(String.format(Locale.ROOT, " | %14s %6s %6s", v.name() + " ms", "RSS MB", "ratio"));
        }
        System.out.println(head);
        Map<Integer, List<WholeProcess.Run>> results = new LinkedHashMap<>();
        Path largest = null;
        for (int size : sizes) {
            Path input = work.resolve("input-" + size);
            int written = generate(input, size);
            List<WholeProcess.Run> best = measure(variants, input, runs);
            results.put(written, best);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%10d %6d %6.1f", written,
                    ScaleBenchmark.files(input).size(), sizeOf(input) / 1e6));
            for (WholeProcess.Run run : best) {
                line.append(String.format(Locale.ROOT, " | %14.0f %6.0f %5.2fx", run.millis(), run.peakRssMb(),
                        run.millis() / best.get(0).millis()));
            }
            System.out.println(line);
            if (largest != null) {
                delete(largest);
            }
            largest = input;
        }
        scaling(variants, results);
        if (largest != null) {
            smallHeap(largest, sizes.get(sizes.size() - 1));
        }
    }

    /**
     * The best run of each variant, in turns: one unmeasured run of each first (the file cache is warmed for all,
     * and the launcher records its archive), then {@code runs} turns.
     */
    private List<WholeProcess.Run> measure(final List<Variant> variants, final Path input, final int runs)
            throws IOException, InterruptedException {
        List<WholeProcess.Run> best = new ArrayList<>();
        for (Variant v : variants) {
            best.add(once(v.on(input), v.environment()));
        }
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < variants.size(); j++) {
                Variant v = variants.get(j);
                WholeProcess.Run run = once(v.on(input), v.environment());
                if (i == 0 || run.millis() < best.get(j).millis()) {
                    best.set(j, run);
                }
            }
        }
        return best;
    }

    /** One run that must end as the command does when it works: 0, or 1 for a gate that fails its input. */
    private WholeProcess.Run once(final List<String> command, final Map<String, String> environment)
            throws IOException, InterruptedException {
        Path output = work.resolve("output.txt");
        WholeProcess.Run run = WholeProcess.run(command, environment, output, Paths.get(""));
        if (run.exitCode() != 0 && run.exitCode() != 1) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + run.exitCode() + ":\n"
                    + WholeProcess.tail(output, 20));
        }
        return run;
    }

    private static void scaling(final List<Variant> variants, final Map<Integer, List<WholeProcess.Run>> results) {
        List<Integer> sizes = new ArrayList<>(results.keySet());
        if (sizes.size() < 2) {
            return;
        }
        int large = sizes.get(sizes.size() - 1);
        int smaller = sizes.get(sizes.size() - 2);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%nGrowth from %,d to %,d resources "
                + "(%.2fx the input):", smaller, large, (double) large / smaller));
        for (int j = 0; j < variants.size(); j++) {
            line.append(String.format(Locale.ROOT, " %s %.2fx%s", variants.get(j).name(),
                    Objects.requireNonNull(results.get(large)).get(j).millis()
                            / Objects.requireNonNull(results.get(smaller)).get(j).millis(),
                    j + 1 < variants.size() ? "," : ""));
        }
        System.out.println(line);
    }

    /** The largest input under a 1 GB heap, every report format written. */
    private void smallHeap(final Path input, final int size) throws IOException, InterruptedException {
        Path reports = work.resolve("reports");
        List<String> command = List.of(java, SMALL_HEAP, "-jar", cliJar.toString(), "check", "--root",
                input.toString(), "--format", ALL_FORMATS, "--output-dir", reports.toString());
        WholeProcess.Run run = once(command, Map.of());
        System.out.printf(Locale.ROOT, "%n%,d resources under %s, every report format (%s): %.0f ms, exit code %d "
                        + "(%s), peak RSS %.0f MB%n", size, SMALL_HEAP, ALL_FORMATS, run.millis(), run.exitCode(),
                run.exitCode() == 0 ? "pass or warn" : "the gate's FAIL", run.peakRssMb());
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.sorted().toList()) {
                System.out.printf(Locale.ROOT, "  %-32s %8.1f MB%n", report.getFileName(), Files.size(report) / 1e6);
            }
        }
    }

    /**
     * Writes a jar that holds {@link ComposeFiles} and SnakeYAML Engine alone, taken from where this JVM loads them
     * (the benchmark jar, or class directories and the library's jar in a build).
     */
    private static Path composeJar(final Path target) throws IOException, URISyntaxException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ComposeFiles.class.getName());
        Map<String, Path> sources = new HashMap<>();
        sources.put(ComposeFiles.class.getName().replace('.', '/'), codeSource(ComposeFiles.class));
        sources.put("org/snakeyaml/engine/", codeSource(org.snakeyaml.engine.v2.api.Load.class));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            for (Map.Entry<String, Path> source : sources.entrySet()) {
                copyEntries(source.getValue(), source.getKey(), out);
            }
        }
        return target;
    }

    private static Path codeSource(final Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Copies the class files whose names start with {@code prefix} from a jar or a class directory. */
    private static void copyEntries(final Path from, final String prefix, final JarOutputStream out)
            throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = from.relativize(file).toString().replace('\\', '/');
                    if (name.startsWith(prefix) && name.endsWith(".class")) {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(from.toFile())) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(prefix)
                    && e.getName().endsWith(".class")).toList()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** The input of {@code resources} objects, as applications spread over {@value #FILES} files. */
    static int generate(final Path dir, final int resources) throws IOException {
        return ManifestGenerator.applications(dir, resources, FILES, 42);
    }

    private String runtimeVersion() throws IOException {
        Path release = javaHome(java).resolve("release");
        if (Files.isRegularFile(release)) {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                    return line.substring(line.indexOf('=') + 1).replace("\"", "");
                }
            }
        }
        return "unknown version";
    }

    /** The runtime's home: the directory above the real {@code bin/java}. */
    private static Path javaHome(final String java) throws IOException {
        return Objects.requireNonNull(Objects.requireNonNull(Paths.get(java).toRealPath().getParent()).getParent(),
                java);
    }

    private static long sizeOf(final Path dir) throws IOException {
        long total = 0;
        for (Path p : ScaleBenchmark.files(dir)) {
            total += Files.size(p);
        }
        return total;
    }

    static void delete(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
