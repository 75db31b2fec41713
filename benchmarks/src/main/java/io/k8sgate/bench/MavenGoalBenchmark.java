package io.k8sgate.bench;

import io.k8sgate.core.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the Maven goal adds to a build: {@code mvn k8s-security:check} on a sample project of 20 manifests against
 * {@code mvn validate} of the same project, both whole Maven processes, in turns, best of several. The difference is
 * the goal's cost as a build sees it (resolving the plugin's class path, loading the engine, checking, writing the
 * reports).
 *
 * <p>The plugin and its dependencies are read, offline, from the local repository the plugin's integration tests
 * install them into ({@code maven-plugin/target/local-repo}, filled by {@code ./mvnw verify}), so the benchmark
 * never installs anything into the user's repository.
 *
 * <p>With {@code --compare DIR}, a second local repository holding another build of the same plugin version (a
 * copy of {@code maven-plugin/target/local-repo} taken before a change), the goal is measured from both repositories
 * in the same turns, so that a change is judged by its difference in one run. The machine's load average is printed
 * before and after, since the figures are whole processes' wall times.
 *
 * <p>Usage, from the project root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.k8sgate.bench.MavenGoalBenchmark [--runs N] [--mvn PATH] [--repo DIR] [--compare DIR]} (default best of 5,
 * {@code ./mvnw}, {@code maven-plugin/target/local-repo}, no comparison).
 */
public final class MavenGoalBenchmark {
    /** The manifests of the sample project. */
    static final int MANIFESTS = 20;

    private MavenGoalBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(final String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int runs = Integer.parseInt(Measure.option(rest, "--runs", "5"));
        Path mvn = Paths.get(Measure.option(rest, "--mvn", "mvnw")).toAbsolutePath();
        Path repo = Paths.get(Measure.option(rest, "--repo", "maven-plugin/target/local-repo"))
                .toAbsolutePath();
        String comparedOption = Measure.option(rest, "--compare", "");
        Optional<Path> compared = comparedOption.isEmpty() ? Optional.empty()
                : Optional.of(Paths.get(comparedOption).toAbsolutePath());
        String version = ToolInfo.version();
        List<Path> repositories = new ArrayList<>(List.of(repo));
        compared.ifPresent(repositories::add);
        for (Path candidate : repositories) {
            Path plugin = candidate.resolve("io/k8sgate/k8s-security-maven-plugin/" + version);
            if (!Files.isDirectory(plugin) || !Files.isExecutable(mvn)) {
                System.out.println("The plugin " + version + " is not in " + candidate + " (it is put there by the "
                        + "plugin's integration tests: ./mvnw verify), or " + mvn + " is missing: the Maven goal is "
                        + "not measured");
                return;
            }
        }
        Path project = Files.createTempDirectory("k8sgate-maven-bench");
        try {
            Files.writeString(project.resolve("pom.xml"), pom(version));
            Path settings = project.resolve("settings.xml");
            Files.writeString(settings, settings(userRepository()));
            int written = ManifestGenerator.generate(project.resolve("src/main/k8s"), MANIFESTS, 3);
            String goal = "io.k8sgate:k8s-security-maven-plugin:" + version + ":check";
            List<String> validate = command(mvn, settings, repo, "validate");
            List<String> check = command(mvn, settings, repo, goal);
            Optional<List<String>> comparedCheck = compared.map(r -> command(mvn, settings, r, goal));
            Path output = project.resolve("mvn-output.txt");
            String loadBefore = loadAverage();
            once(validate, project, output); // unmeasured: files cached, the wrapper's Maven found
            once(check, project, output);
            if (comparedCheck.isPresent()) {
                once(comparedCheck.get(), project, output);
            }
            double bestValidate = Double.MAX_VALUE;
            double bestCheck = Double.MAX_VALUE;
            double bestCompared = Double.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                bestValidate = Math.min(bestValidate, once(validate, project, output));
                bestCheck = Math.min(bestCheck, once(check, project, output));
                if (comparedCheck.isPresent()) {
                    bestCompared = Math.min(bestCompared, once(comparedCheck.get(), project, output));
                }
            }
            System.out.printf(Locale.ROOT, "Sample project: %d objects in %s, plugin %s, Maven via %s, best of %d%n",
                    written, "src/main/k8s", version, mvn.getFileName(), runs);
            System.out.printf(Locale.ROOT, "Load average before: %s; after: %s%n", loadBefore, loadAverage());
            System.out.printf(Locale.ROOT, "%-36s %8.0f ms%n", "mvn validate", bestValidate);
            System.out.printf(Locale.ROOT, "%-36s %8.0f ms%n", "mvn k8s-security:check", bestCheck);
            System.out.printf(Locale.ROOT, "%-36s %8.0f ms%n", "the goal's overhead", bestCheck - bestValidate);
            if (compared.isPresent()) {
                System.out.printf(Locale.ROOT, "%-36s %8.0f ms%n", "the same from " + compared.get().getFileName(),
                        bestCompared);
                System.out.printf(Locale.ROOT, "%-36s %8.0f ms%n", "its overhead", bestCompared - bestValidate);
            }
        } finally {
            ColdBenchmark.delete(project);
        }
    }

    /** The sample project: the plugin declared as a user declares it, every report format, a gate that passes. */
    static String pom(final String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.k8sgate.bench</groupId>
                  <artifactId>sample-app</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.k8sgate</groupId>
                        <artifactId>k8s-security-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <formats>html,json,sarif,junit,md</formats>
                          <failOn>NONE</failOn>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version);
    }

    /**
     * Settings under which the artifacts in the integration tests' repository count as present: the tests copy them
     * from the user's repository as from a remote one named {@code local.central}, and Maven serves an artifact only
     * for the repository it came from.
     */
    static String settings(final Path userRepository) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <settings>
                  <profiles>
                    <profile>
                      <id>it-repo</id>
                      <activation><activeByDefault>true</activeByDefault></activation>
                      <repositories>
                        <repository><id>local.central</id><url>%1$s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>local.central</id><url>%1$s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                </settings>
                """.formatted(userRepository.toUri());
    }

    /** The user's own local repository, which the integration tests' repository was filled from. */
    private static Path userRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Maven offline, quiet, on the sample project, with the plugin and its dependencies from {@code repository}. */
    private static List<String> command(final Path mvn, final Path settings, final Path repository,
            final String goal) {
        return List.of(mvn.toString(), "-B", "-q", "-o", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, goal);
    }

    /** The load averages over 1, 5 and 15 minutes (Linux), or "unknown". */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ", -1);
            return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double once(final List<String> command, final Path project, final Path output)
            throws IOException, InterruptedException {
        WholeProcess.Run run = WholeProcess.run(command, Map.of(), output, project);
        if (run.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + run.exitCode() + ":\n"
                    + WholeProcess.tail(output, 30));
        }
        return run.millis();
    }
}
