package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class ImagePullPolicyCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ImagePullPolicyCheck();
    }

    @Test
    void shouldExplainTheDefaultedPolicyWhenNoneIsWritten() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - {name: a, image: "app:1.0"}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("no imagePullPolicy (so IfNotPresent)");
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].imagePullPolicy");
                });
    }
}
