package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import org.junit.jupiter.api.Test;

class RunAsRootUserCheckTest extends AbstractCheckTest {
    private static final String ROOT = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostUsers: false
              containers: [{name: app, image: "app:1", securityContext: {runAsUser: 0}}]
            """;

    @Override
    protected Check check() {
        return new RunAsRootUserCheck();
    }

    @Override
    protected CheckSettings settings() {
        return Targets.v1(35);
    }

    @Test
    void shouldExemptUserNamespacesFromVersion135Only() {
        assertThat(findings("t.yaml", ROOT, Targets.v1(35))).isEmpty();
        assertThat(findings("t.yaml", ROOT, Targets.v1(34))).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.runAsUser");
            assertThat(f.message()).isEqualTo("Container 'app': runAsUser is 0 (root)");
        });
    }

    @Test
    void shouldNotApplyBeforeVersion123() {
        assertThat(findings("t.yaml", ROOT, Targets.v1(22))).isEmpty();
    }
}
