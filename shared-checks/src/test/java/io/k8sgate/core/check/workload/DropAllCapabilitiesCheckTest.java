package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class DropAllCapabilitiesCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new DropAllCapabilitiesCheck();
    }

    @Test
    void shouldExplainThatLowerCaseAllIsNotAll() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      securityContext: {capabilities: {drop: [NET_RAW, all]}}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.capabilities.drop");
                    assertThat(f.message()).isEqualTo("Container 'app' drops 'all', which is not the exact name ALL");
                });
    }

    @Test
    void shouldPointAtTheMissingDropList() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: app, image: "app:1"}]
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.capabilities.drop");
                    assertThat(f.message()).isEqualTo("Container 'app' does not drop ALL capabilities");
                });
    }

    @Test
    void shouldExemptWindowsFromVersion125AndNotApplyBefore122() {
        String windows = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  os: {name: windows}
                  containers: [{name: app, image: "app:1"}]
                """;
        assertThat(findings("t.yaml", windows, Targets.v1(25))).isEmpty();
        assertThat(findings("t.yaml", windows, Targets.v1(24))).hasSize(1);
        assertThat(findings("t.yaml", windows, Targets.v1(21))).isEmpty();
    }
}
