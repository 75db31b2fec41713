package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class AllowPrivilegeEscalationCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new AllowPrivilegeEscalationCheck();
    }

    @Test
    void shouldPointAtTheMissingFieldOfAContainer() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.allowPrivilegeEscalation");
                    assertThat(f.location().line()).isEqualTo(6);
                    assertThat(f.message()).isEqualTo("Container 'app' does not set allowPrivilegeEscalation: false");
                });
    }

    @Test
    void shouldSayWhenFalseIsAQuotedString() {
        assertThat(findings("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                 "spec": {"containers": [
                   {"name": "app", "image": "app:1",
                    "securityContext": {"allowPrivilegeEscalation": "false"}}]}}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.location().line()).isEqualTo(4);
                    assertThat(f.message()).isEqualTo(
                            "Container 'app' sets allowPrivilegeEscalation to 'false' (a string, not a boolean)");
                });
    }

    @Test
    void shouldExemptWindowsPodsFromVersion125Only() {
        String windows = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  os: {name: windows}
                  containers: [{name: iis, image: "iis:ltsc2022"}]
                """;
        assertThat(findings("t.yaml", windows, Targets.v1(25))).isEmpty();
        assertThat(findings("t.yaml", windows, Targets.v1(24))).hasSize(1);
    }
}
