package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityGateTrivyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private static final String MANIFEST = """
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
                    - name: app
                      image: registry.example.com/shop/web:1.4.2
                    - name: cache
                      image: redis:7.2
            """;

    @TempDir
    Path root;

    private final SecurityGate gate = new SecurityGate();

    @BeforeEach
    void copyInputs() throws IOException {
        Files.writeString(root.resolve("deploy.yaml"), MANIFEST);
        Files.createDirectories(root.resolve("scans"));
        for (String f : List.of("trivy_schema2_image.json", "trivy_schema2_eosl.json", "invalid/truncated.json",
                "trivy_k8s_0.48_metadata_object.json", "vex/openvex.json", "ignore/trivyignore.yaml")) {
            Files.copy(Fixtures.path("trivy/" + f), root.resolve("scans").resolve(Path.of(f).getFileName()));
        }
    }

    private GateOutcome run(final Policy policy, final List<String> reports, final List<String> ignores,
            final List<String> vex) {
        return gate.run(GateRequest.of(root, List.of("deploy.yaml")).withPolicy(policy).withClock(CLOCK)
                .withTrivy(reports, ignores, vex));
    }

    @Test
    void shouldGateOnImageVulnerabilitiesAndNoteUnusedReportsAndMissingOnes() {
        GateOutcome outcome = run(Policy.DEFAULT, List.of("scans/trivy_schema2_image.json",
                "scans/trivy_schema2_eosl.json"), List.of(), List.of());
        assertThat(outcome.status()).isEqualTo(GateStatus.FAIL);
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-IMG-001")).hasSize(6)
                .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-IMG-002")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("docker.io/library/redis:7.2"));
        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals("trivy-report-unused")).singleElement()
                .satisfies(d -> {
                    assertThat(d.level()).isEqualTo(Diagnostic.Level.INFO);
                    assertThat(d.message()).contains("alpine:3.10");
                });
        assertThat(outcome.hasInputErrors()).isFalse();
    }

    @Test
    void shouldFailClosedOnABrokenReportNamingFileLineAndColumn() {
        GateOutcome outcome = run(Policy.DEFAULT.withThresholds(java.util.Optional.empty(),
                java.util.Optional.empty()), List.of("scans/truncated.json", "../outside.json", "scans/missing.json"),
                List.of(), List.of());
        assertThat(outcome.diagnostics()).filteredOn(Diagnostic::isError).extracting(d -> d.location().file(),
                d -> d.location().line()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("scans/truncated.json", 8),
                        org.assertj.core.groups.Tuple.tuple("../outside.json", 0),
                        org.assertj.core.groups.Tuple.tuple("scans/missing.json", 0));
        assertThat(outcome.diagnostics()).filteredOn(Diagnostic::isError).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("outside the workspace"));
        assertThat(outcome.status()).isEqualTo(GateStatus.FAIL);
    }

    @Test
    void shouldWarnAboutImagesAClusterScanCouldNotScan() {
        GateOutcome outcome = run(Policy.DEFAULT, List.of("scans/trivy_k8s_0.48_metadata_object.json"), List.of(),
                List.of());
        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals("trivy-scan-error")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("Deployment/shop/broken", "UNAUTHORIZED"));
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-IMG-001")).hasSize(2);
    }

    @Test
    void shouldApplyImagePolicyIgnoreFilesVexAndPolicyExceptionsTogether() {
        Policy policy = new PolicyLoader(gate.checkIds()).parse("k8s-security.yaml", """
                failOn: HIGH
                images:
                  severitySource: nvd
                  ignoreUnfixed: true
                  missingReportSeverity: LOW
                  requireDigest: true
                exceptions:
                  - check: K8S-IMG-001
                    kind: Image
                    name: "registry.example.com/shop/web:*"
                    owner: platform-team
                    reason: rebuilt weekly on the patched base
                    expires: 2026-12-31
                """);
        GateOutcome outcome = run(policy, List.of("scans/trivy_schema2_image.json"),
                List.of("scans/trivyignore.yaml"), List.of("scans/openvex.json"));
        List<Finding> vulns = outcome.findings().stream().filter(f -> f.checkId().equals("K8S-IMG-001")).toList();
        assertThat(vulns).as("unfixed ones dropped").hasSize(4).allSatisfy(f -> assertThat(f.isSuppressed())
                .isTrue());
        assertThat(vulns).extracting(f -> f.suppression().orElseThrow().source()).contains("exception");
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-IMG-002")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-IMG-004")).hasSize(2);
        assertThat(outcome.status()).isEqualTo(GateStatus.WARN);
    }
}
