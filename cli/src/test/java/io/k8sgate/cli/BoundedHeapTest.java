package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.policy.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 8: the command line in a JVM with a small heap, as a CI agent runs it. A scan report larger than the
 * heap can hold is an input error (exit 3) that names the file and how to raise the limit, never an
 * {@link OutOfMemoryError}; a report that fits is checked and every report format is written, streamed or capped,
 * with no temporary file left behind.
 */
class BoundedHeapTest {
    private static final String HEAP = "-Xmx96m";
    private static final String IMAGE = "registry.example.com/shop/web:1.4.2";
    private static final long CHILD_LIMIT_MINUTES = 5;

    @TempDir
    Path root;

    private record Run(int code, String output) {
    }

    private Run check(final String report) throws IOException, InterruptedException {
        Files.writeString(root.resolve("deploy.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  containers:
                    - name: app
                      image: %s
                """.formatted(IMAGE));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Path log = root.resolve("run.log");
        Process child = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "check", "--root", root.toString(), "deploy.yaml", "--trivy", report,
                "--format", "json,sarif,junit,html,md", "--output-dir", root.resolve("out").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the gate did not finish within " + CHILD_LIMIT_MINUTES + " minutes");
        }
        return new Run(child.exitValue(), Files.readString(log));
    }

    /** A schema-2 image report of {@code count} vulnerabilities of the deployed image, written as it is made. */
    private Path report(final String name, final int count) throws IOException {
        Path file = root.resolve(name);
        String[] severities = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"SchemaVersion\":2,\"ArtifactName\":\"" + IMAGE + "\",\"ArtifactType\":\"container_image\","
                    + "\"Results\":[{\"Target\":\"" + IMAGE + " (debian 12.5)\",\"Class\":\"os-pkgs\","
                    + "\"Type\":\"debian\",\"Vulnerabilities\":[");
            for (int i = 0; i < count; i++) {
                w.write(String.format(Locale.ROOT, "%s{\"VulnerabilityID\":\"CVE-2024-%d\",\"PkgName\":\"lib%d\","
                        + "\"InstalledVersion\":\"1.%d.0\",\"FixedVersion\":\"1.%d.1\",\"Severity\":\"%s\","
                        + "\"Title\":\"lib%d: buffer overflow in the parser of record %d\"}", i == 0 ? "" : ",",
                        100_000 + i, i % 5_000, i % 97, i % 97, severities[i % severities.length], i % 5_000, i));
            }
            w.write("]}]}");
        }
        return file;
    }

    private List<String> leftInOutput() throws IOException {
        Path out = root.resolve("out");
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldRefuseAReportLargerThanTheHeapCanHoldWithAnInputErrorNamingItIssue16() throws Exception {
        report("huge.json", 60_000);

        Run run = check("huge.json");

        assertThat(run.code()).as(run.output()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(run.output()).contains("huge.json", "holds more than this run can keep in memory",
                "-Xmx").doesNotContain("OutOfMemoryError", "\tat ");
        assertThat(leftInOutput()).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void shouldCheckAReportThatFitsAndWriteEveryFormatWithNoTemporaryFileLeftIssue16() throws Exception {
        report("large.json", 6_000);

        Run run = check("large.json");

        assertThat(run.code()).as(run.output()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(run.output()).contains("K8S-IMG-001").doesNotContain("OutOfMemoryError", "\tat ");
        assertThat(leftInOutput()).contains("k8s-security-report.json", "k8s-security-report.sarif",
                "k8s-security-junit.xml", "k8s-security-report.html", "k8s-security-summary.md")
                .noneMatch(name -> name.endsWith(".tmp"));
        assertThat(Files.readString(root.resolve("out/k8s-security-report.html")))
                .contains("most severe of the", "has them all");
        assertThat(Pattern.compile("CVE-2024-1\\d{5}").matcher(Files.readString(root.resolve(
                "out/k8s-security-report.json"))).results().map(MatchResult::group).distinct().count())
                .as("vulnerabilities in the JSON report").isEqualTo(6_000);
    }
}
