package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class HostPortCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new HostPortCheck();
    }

    @Test
    void shouldNameContainerAndPort() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      ports: [{containerPort: 80}, {containerPort: 443, hostPort: 8443}]
                """)).singleElement().satisfies(f -> {
                    assertThat(f.container()).isEqualTo("app");
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].ports[1].hostPort");
                    assertThat(f.message()).isEqualTo("Container 'app' binds host port '8443'");
                });
    }

    @Test
    void shouldAcceptHostPortZero() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: app, image: "app:1", ports: [{containerPort: 80, hostPort: 0}]}]
                """)).isEmpty();
    }
}
