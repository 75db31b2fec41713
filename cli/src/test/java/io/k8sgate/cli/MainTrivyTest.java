package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTrivyTest {
    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyInputs() throws IOException {
        Files.writeString(root.resolve("deploy.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  containers:
                    - name: app
                      image: registry.example.com/shop/web:1.4.2
                """);
        Files.copy(Fixtures.path("trivy/trivy_schema2_image.json"), root.resolve("web.json"));
        Files.copy(Fixtures.path("trivy/invalid/truncated.json"), root.resolve("broken.json"));
        Files.copy(Fixtures.path("trivy/ignore/.trivyignore"), root.resolve(".trivyignore"));
        Files.copy(Fixtures.path("trivy/vex/openvex.json"), root.resolve("openvex.json"));
    }

    private int run(final String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldFailTheGateOnAVulnerableDeployedImage() {
        int code = run("check", "--root", root.toString(), "deploy.yaml", "--trivy", "web.json", "--format", "md",
                "--output-dir", root.resolve("out").toString());
        assertThat(code).as(out + "\n" + err).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(out.toString()).contains("K8S-IMG-001");
        assertThat(root.resolve("out")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".md"));
    }

    @Test
    void shouldPassWhenIgnoreFileAndVexCoverWhatWouldFail() throws IOException {
        Files.writeString(root.resolve(".trivyignore"), "# accepted: TLS terminates at the ingress\nCVE-2024-0001\n");
        int code = run("check", "--root", root.toString(), "deploy.yaml", "--trivy", "web.json", "--trivy-ignore",
                ".trivyignore", "--vex", "openvex.json", "--fail-on", "CRITICAL", "--warn-on", "NONE");
        assertThat(code).as(out + "\n" + err).isEqualTo(Verdict.EXIT_PASS);
        assertThat(out.toString()).contains("PASS");
    }

    @Test
    void shouldExitWithTheInputCodeOnABrokenReport() {
        int code = run("check", "--root", root.toString(), "deploy.yaml", "--trivy", "broken.json", "--fail-on",
                "NONE");
        assertThat(code).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(out.toString()).contains("broken.json");
    }

    /** Issue 16, item 5: a report whose shape or severities would hide findings fails closed, naming the path. */
    @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "wrapped-in-list.json | [0].SchemaVersion belongs to a whole report",
        "vulnerabilities-object.json | Results[0].Vulnerabilities is an object where Trivy writes a list",
        "vulnerabilities-none.json | Results[0].Vulnerabilities is a string",
        "severity-number.json | Results[0].Vulnerabilities[0].Severity is a number (4)",
        "severity-typo.json | Results[0].Vulnerabilities[0].Severity is \"HGIH\", which is not a Trivy severity"})
    void shouldExitWithTheInputCodeOnAReportWhoseShapeWouldHideFindingsIssue16(final String fixture,
            final String message) throws IOException {
        Files.copy(Fixtures.path("trivy/invalid/" + fixture), root.resolve(fixture));
        int code = run("check", "--root", root.toString(), "deploy.yaml", "--trivy", fixture, "--fail-on", "NONE",
                "--warn-on", "NONE");
        assertThat(code).as(out.toString()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(out.toString()).contains("ERROR " + fixture + ":", message, "[trivy-report]");
    }

    @Test
    void shouldDocumentTheImageOptions() {
        run("check", "--help");
        assertThat(out.toString()).contains("--trivy=REPORT", "--trivy-ignore=FILE", "--vex=FILE");
    }
}
