package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class LivenessProbeCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new LivenessProbeCheck();
    }

    @Test
    void shouldAskOnlyRegularContainersOfLongRunningPods() {
        assertThat(findings("""
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata: {name: rs, namespace: shop}
                spec:
                  template:
                    spec:
                      initContainers:
                        - {name: init, image: "init:1"}
                      containers:
                        - {name: app, image: "app:1"}
                ---
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: rc, namespace: shop}
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - {name: app, image: "app:1"}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.resource().display()).isEqualTo("ReplicaSet/shop/rs");
                    assertThat(f.container()).isEqualTo("app");
                });
    }
}
