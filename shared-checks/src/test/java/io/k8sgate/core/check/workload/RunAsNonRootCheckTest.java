package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import org.junit.jupiter.api.Test;

class RunAsNonRootCheckTest extends AbstractCheckTest {
    private static final String USERNS = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostUsers: false
              containers: [{name: app, image: "app:1"}]
            """;

    @Override
    protected Check check() {
        return new RunAsNonRootCheck();
    }

    @Override
    protected CheckSettings settings() {
        return Targets.v1(35);
    }

    @Test
    void shouldPointAtTheFieldAContainerLacks() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      securityContext: {readOnlyRootFilesystem: true}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.runAsNonRoot");
                    assertThat(f.location().line()).isEqualTo(8);
                    assertThat(f.message())
                            .isEqualTo("Container 'app' does not set runAsNonRoot: true, and the pod does not either");
                });
    }

    @Test
    void shouldExemptUserNamespacesFromVersion135Only() {
        assertThat(findings("t.yaml", USERNS, Targets.v1(35))).isEmpty();
        assertThat(findings("t.yaml", USERNS, Targets.v1(34))).hasSize(1);
    }

    @Test
    void shouldReportAPodLevelFalseWithoutAContainer() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {runAsNonRoot: false}
                  containers: [{name: app, image: "app:1"}]
                """)).singleElement().satisfies(f -> {
                    assertThat(f.container()).isEmpty();
                    assertThat(f.fieldPath()).isEqualTo("spec.securityContext.runAsNonRoot");
                    assertThat(f.message()).isEqualTo("Pod securityContext: runAsNonRoot is 'false'");
                });
    }
}
