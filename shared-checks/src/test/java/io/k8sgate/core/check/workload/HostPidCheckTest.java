package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class HostPidCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new HostPidCheck();
    }

    @Test
    void shouldIgnoreTheOtherHostNamespaces() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  hostNetwork: true
                  hostIPC: true
                  containers: [{name: app, image: "app:1"}]
                """)).isEmpty();
    }

    @Test
    void shouldReportThePodSpecFieldOfAPod() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  hostPID: true
                  containers: [{name: app, image: "app:1"}]
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.hostPID");
                    assertThat(f.message()).contains("process ID namespace");
                });
    }
}
