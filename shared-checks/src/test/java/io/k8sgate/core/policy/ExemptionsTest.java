package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExemptionsTest {
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private static final String PODS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: legacy-agent
              namespace: payments
            spec:
              template:
                metadata:
                  annotations:
                    k8sgate.io/exempt.K8S-WL-001: "Needs raw devices until the 2027 rewrite"
                spec:
                  containers:
                    - name: agent
                      image: agent:1
                      securityContext: {privileged: true}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: other
              namespace: payments
              annotations:
                k8sgate.io/exempt: "K8S-WL-001, K8S-WL-002"
            spec:
              containers:
                - name: app
                  image: app:1
                  securityContext: {privileged: true}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: third
              namespace: payments
            spec:
              containers:
                - name: app
                  image: app:1
                  securityContext: {privileged: true}
            """;

    private GateOutcome run(final Path dir, final String policy) throws IOException {
        Files.writeString(dir.resolve("pods.yaml"), PODS);
        SecurityGate gate = new SecurityGate();
        Policy p = new PolicyLoader(gate.checkIds()).parse("k8s-security.yaml", policy);
        return gate.run(GateRequest.of(dir, List.of("pods.yaml")).withPolicy(p).withClock(TODAY));
    }

    private static Finding of(final GateOutcome o, final String name) {
        return o.findings().stream().filter(f -> f.resource().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldSuppressByPodTemplateAnnotationAndKeepTheFindingVisible(@TempDir final Path dir) throws IOException {
        GateOutcome o = run(dir, "failOn: HIGH\n");
        Finding legacy = of(o, "legacy-agent");
        assertThat(legacy.suppression()).hasValueSatisfying(s -> {
            assertThat(s.source()).isEqualTo("annotation");
            assertThat(s.reason()).contains("2027 rewrite");
            assertThat(s.origin().line()).isEqualTo(10);
        });
        assertThat(o.findings()).filteredOn(f -> "K8S-WL-001".equals(f.checkId())).hasSize(3);
    }

    @Test
    void shouldIgnoreAListAnnotationWithoutReasonAndSayWhy(@TempDir final Path dir) throws IOException {
        GateOutcome o = run(dir, "failOn: HIGH\n");
        assertThat(of(o, "other").isSuppressed()).isFalse();
        assertThat(o.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("exemption-without-reason");
            assertThat(d.location().line()).isEqualTo(23);
        });
        assertThat(o.status()).isEqualTo(GateStatus.FAIL);
    }

    @Test
    void shouldApplyCentralExceptionsUntilTheyExpire(@TempDir final Path dir) throws IOException {
        String policy = """
                exceptions:
                  - checks: [K8S-WL-001]
                    namespace: payments
                    name: th*
                    owner: alice
                    reason: accepted risk
                    expires: 2026-12-31
                  - check: K8S-WL-001
                    name: other
                    owner: bob
                    reason: old decision
                    expires: 2026-11-26
                """;
        GateOutcome o = run(dir, policy);
        assertThat(of(o, "third").suppression()).hasValueSatisfying(s -> {
            assertThat(s.owner()).isEqualTo("alice");
            assertThat(s.expires()).isPresent();
        });
        assertThat(of(o, "other").isSuppressed()).isFalse();
        assertThat(o.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("exception-expired");
            assertThat(d.message()).contains("bob").contains("2026-11-26").contains("count again");
            assertThat(d.location().line()).isEqualTo(8);
        });
    }

    @Test
    void shouldIgnoreAnnotationsWhenThePolicyForbidsThem(@TempDir final Path dir) throws IOException {
        GateOutcome o = run(dir, "allowInManifestExemptions: false\n");
        assertThat(o.findings()).noneMatch(Finding::isSuppressed);
        assertThat(o.diagnostics()).filteredOn(d -> d.code().equals("exemption-forbidden")).hasSize(2);
    }

    @Test
    void shouldNotSuppressAnotherChecksFindings(@TempDir final Path dir) throws IOException {
        GateOutcome o = run(dir,
                "exceptions:\n  - check: K8S-WL-001\n    name: nomatch\n    owner: a\n    reason: b\n");
        assertThat(of(o, "third").isSuppressed()).isFalse();
        assertThat(Set.of(o.status())).containsExactly(GateStatus.FAIL);
    }
}
