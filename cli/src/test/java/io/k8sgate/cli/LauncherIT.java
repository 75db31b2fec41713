package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.policy.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/k8s-security} against the packaged jar: it gives exactly what {@code java -jar} gives
 * (output, exit code), records the runtime's start-up archive on the first {@code check}, runs from it afterwards, and
 * runs plainly wherever an archive cannot be kept.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the launcher is a POSIX shell script")
class LauncherIT {
    private static final Path JAR = Paths.get("target/k8s-security.jar").toAbsolutePath();
    private static final Path LAUNCHER = Paths.get("bin/k8s-security").toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    private Path root;
    @TempDir
    private Path cache;
    @TempDir
    private Path scratch;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void writeManifests() throws IOException {
        Files.writeString(root.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                        - name: web
                          image: registry.example.com/web:1.2.3
                          securityContext:
                            privileged: true
                """);
    }

    @Test
    void shouldGiveWhatJavaJarGivesAndRecordTheArchiveOnTheFirstCheck() throws Exception {
        Run plain = javaJar("check", "--root", root.toString());
        assertThat(plain.code()).as(plain.err()).isEqualTo(Verdict.EXIT_FAIL);

        Run first = launch(Map.of(), "check", "--root", root.toString());
        assertThat(first.code()).as(first.err()).isEqualTo(plain.code());
        assertThat(first.out()).isEqualTo(plain.out());
        assertThat(archives()).hasSize(1);
        assertThat(leftovers()).isEmpty();

        Path archive = archives().get(0);
        FileTime recorded = Files.getLastModifiedTime(archive);
        Run second = launch(Map.of(), "check", "--root", root.toString());
        assertThat(second.code()).isEqualTo(plain.code());
        assertThat(second.out()).isEqualTo(plain.out());
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(recorded);
    }

    @Test
    void shouldLoadTheGatesClassesFromTheArchiveOnceRecorded() throws Exception {
        Path classLog = cache.resolve("classes.log");
        Map<String, String> logging = Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        launch(logging, "check", "--root", root.toString()); // records

        Run second = launch(logging, "check", "--root", root.toString());
        assertThat(second.code()).as(second.err()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(loadedFrom(classLog, "io.k8sgate.core.SecurityGate ")).contains("shared objects file");
        assertThat(loadedFrom(classLog, "org.snakeyaml.engine.v2.parser.ParserImpl ")).contains("shared objects file");

        Map<String, String> off = new HashMap<>(logging);
        off.put("K8S_SECURITY_ARCHIVE", "off");
        launch(off, "check", "--root", root.toString());
        assertThat(loadedFrom(classLog, "io.k8sgate.core.SecurityGate ")).contains("k8s-security.jar")
                .doesNotContain("shared objects file");
    }

    @Test
    void shouldRunPlainlyWhenTheCacheCannotBeWritten() throws Exception {
        Path notADirectory = cache.resolve("file");
        Files.writeString(notADirectory, "");
        Run run = launch(Map.of("K8S_SECURITY_CACHE", notADirectory.resolve("cache").toString()), "check",
                "--root", root.toString());
        Run plain = javaJar("check", "--root", root.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(plain.code());
        assertThat(run.out()).isEqualTo(plain.out());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldKeepNoArchiveWhenTurnedOffOrForOtherCommands() throws Exception {
        Run off = launch(Map.of("K8S_SECURITY_ARCHIVE", "off"), "check", "--root", root.toString());
        assertThat(off.code()).isEqualTo(Verdict.EXIT_FAIL);
        Run version = launch(Map.of(), "--version");
        assertThat(version.code()).isEqualTo(Verdict.EXIT_PASS);
        assertThat(version.out()).isEqualTo(javaJar("--version").out());
        assertThat(archives()).isEmpty();
    }

    @Test
    void shouldPassArgumentsAndExitCodesThrough() throws Exception {
        Run usage = launch(Map.of(), "check", "--no-such-option");
        assertThat(usage.code()).isEqualTo(Verdict.EXIT_USAGE);
        assertThat(usage.err()).contains("--no-such-option");

        Files.writeString(root.resolve("with blank.yaml"), "kind: [unclosed\n");
        Run input = launch(Map.of(), "check", "--root", root.toString(), "with blank.yaml");
        assertThat(input.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(input.out() + input.err()).contains("with blank.yaml");
    }

    @Test
    void shouldSayWhereTheJarIsWhenItIsMissing() throws Exception {
        Run run = launch(Map.of("K8S_SECURITY_JAR", root.resolve("missing.jar").toString()), "check");
        assertThat(run.code()).isEqualTo(Verdict.EXIT_USAGE);
        assertThat(run.err()).contains("jar was not found", "K8S_SECURITY_JAR");
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.getFileName().toString().matches("k8s-security-\\d+\\.(jsa|aot)")).toList();
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.getFileName().toString().contains(".tmp")).toList();
        }
    }

    /** The class loading log's line for a class: where it was loaded from. */
    private static String loadedFrom(final Path log, final String className) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(" " + className)).findFirst()
                .orElseThrow(() -> new AssertionError(className + " was not loaded"));
    }

    private Run launch(final Map<String, String> environment, final String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", JAVA_HOME);
        env.put("K8S_SECURITY_JAR", JAR.toString());
        env.put("K8S_SECURITY_CACHE", cache.toString());
        env.putAll(environment);
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    private Run javaJar(final String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(JAVA_HOME, "bin", "java").toString(), "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    private Run run(final List<String> command, final Map<String, String> environment) throws Exception {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        int code = builder.start().waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
                StandardCharsets.UTF_8));
    }
}
