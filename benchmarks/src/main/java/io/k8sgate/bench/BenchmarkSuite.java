package io.k8sgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark command: every figure of BENCHMARKS.md in one run. Each part runs in its own JVM so that one part's
 * heap and JIT state do not colour another's, and the Trivy part runs under a 256 MB heap to show that memory follows
 * findings, not input bytes.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [--quick]} from the project root (the CLI start-up part
 * needs {@code cli/target/k8s-security.jar}). JMH microbenchmarks run separately:
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main}.
 */
public final class BenchmarkSuite {
    private static final int CLI_RUNS = 7;

    private BenchmarkSuite() {
    }

    /** Runs every part. */
    public static void main(final String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        System.out.printf(Locale.ROOT, "K8s Security Gate benchmarks: Java %s, %d cores%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("== Manifests: whole gate vs parsing the same YAML with the same parser");
        child(List.of(), ScaleBenchmark.class, quick ? List.of("100", "1000") : List.of("100", "1000", "10000",
                "50000"));
        System.out.println("\n== Trivy reports under a 256 MB heap: ingestion speed vs Jackson's raw token stream");
        child(List.of("-Xmx256m"), TrivyScaleBenchmark.class, quick ? List.of("1", "10", "limit", "kinds") : List.of(
                "1", "10", "100", "limit", "kinds"));
        System.out.println("\n== Custom checks in CEL: the gate with 10 custom checks vs the built-in gate "
                + "(target < 1.3x)");
        child(List.of(), CelBenchmark.class, quick ? List.of("1000") : List.of("10000", "50000"));
        System.out.println("\n== RBAC: time per object as inputs grow, three shapes (flat = linear)");
        child(List.of(), RbacBenchmark.class, quick ? List.of("bindings:2500,5000", "apps:5100", "exec:500,1000")
                : List.of("bindings:2500,5000,10000,20000", "apps:12750,25500,51000", "exec:1000,2000,4000,8000"));
        System.out.println("\n== Long values: one value of N MB vs N MB of ordinary manifests (flat ms/MB = linear)");
        child(List.of(), LongScalarBenchmark.class, quick ? List.of("1", "4") : List.of("1", "4", "8", "15"));
        System.out.println("\n== Rendering: kustomizations per second; the gate on a rendered kustomization and chart "
                + "vs rendering alone");
        child(List.of(), RenderBenchmark.class, quick ? List.of("8") : List.of("24"));
        System.out.println("\n== Helm charts rendered in-process: charts per second vs parsing the output;"
                + " cold vs warm");
        child(List.of(), HelmRenderBenchmark.class, quick ? List.of("--quick") : List.of());
        System.out.println("\n== CLI end to end on a 20-manifest repository vs `java -version`");
        cliStartup();
        System.out.println("\n== Cold runs: the CLI as a whole process vs a whole process that only parses the files");
        child(List.of(), ColdBenchmark.class, quick ? List.of("--runs", "2", "2500", "5000") : List.of());
        System.out.println("\n== The Maven goal on a 20-manifest project vs `mvn validate` of the same project");
        child(List.of(), MavenGoalBenchmark.class, quick ? List.of("--runs", "2") : List.of());
    }

    private static void child(final List<String> jvmArgs, final Class<?> main, final List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IllegalStateException(main.getSimpleName() + " exited with " + code);
        }
    }

    private static void cliStartup() throws IOException, InterruptedException {
        Path jar = Paths.get("cli/target/k8s-security.jar");
        Path launcher = Paths.get("cli/bin/k8s-security");
        if (!Files.isRegularFile(jar)) {
            System.out.println("cli/target/k8s-security.jar not found: run from the project root after "
                    + "./mvnw -DskipTests package");
            return;
        }
        Path work = Files.createTempDirectory("k8sgate-cli-bench");
        try {
            Path repo = work.resolve("repo");
            ManifestGenerator.generate(repo, 20, 3);
            String javaHome = System.getProperty("java.home");
            String javaBin = Paths.get(javaHome, "bin", "java").toString();
            Map<String, String> launched = Map.of("JAVA_HOME", javaHome, "K8S_SECURITY_JAR",
                    jar.toAbsolutePath().toString(), "K8S_SECURITY_CACHE", work.resolve("cache").toString());
            double version = median(List.of(javaBin, "-version"), Map.of(), work);
            double cli = median(List.of(javaBin, "-jar", jar.toString(), "check", "--root", repo.toString()),
                    Map.of(), work);
            double archived = median(List.of(launcher.toString(), "check", "--root", repo.toString()), launched,
                    work);
            double c1 = median(List.of(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                    jar.toString(), "check", "--root", repo.toString()), Map.of(), work);
            Path policy = work.resolve("cel-policy.yaml"); // inside the root, as every input must be
            Files.writeString(policy, CelBenchmark.POLICY);
            double cel = median(List.of(javaBin, "-jar", jar.toString(), "check", "repo", "--root", work.toString(),
                    "--policy", policy.toString()), Map.of(), work);
            System.out.printf(Locale.ROOT, "%-52s %8.0f ms%n", "java -version", version);
            System.out.printf(Locale.ROOT, "%-52s %8.0f ms  (+%.0f ms)%n", "java -jar k8s-security.jar check", cli,
                    cli - version);
            System.out.printf(Locale.ROOT, "%-52s %8.0f ms  (+%.0f ms)%n", "cli/bin/k8s-security check (start-up "
                    + "archive)", archived, archived - version);
            System.out.printf(Locale.ROOT, "%-52s %8.0f ms  (+%.0f ms)%n", "java -jar, C1 only + serial GC", c1,
                    c1 - version);
            System.out.printf(Locale.ROOT, "%-52s %8.0f ms  (+%.0f ms)%n", "java -jar check + 10 custom checks (CEL)",
                    cel, cel - version);
        } finally {
            ColdBenchmark.delete(work);
        }
    }

    /**
     * The median wall time of {@link #CLI_RUNS} runs of a command, after one unmeasured run (which also records the
     * launcher's archive).
     */
    private static double median(final List<String> command, final Map<String, String> environment,
            final Path work) throws IOException, InterruptedException {
        double[] times = new double[CLI_RUNS];
        for (int i = -1; i < CLI_RUNS; i++) {
            WholeProcess.Run run = WholeProcess.run(command, environment, work.resolve("output.txt"),
                    Paths.get(""));
            if (i >= 0) {
                times[i] = run.millis();
            }
        }
        Arrays.sort(times);
        return times[CLI_RUNS / 2];
    }
}
