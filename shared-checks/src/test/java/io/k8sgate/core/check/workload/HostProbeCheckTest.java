package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import org.junit.jupiter.api.Test;

class HostProbeCheckTest extends AbstractCheckTest {
    private static final String PROBE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: app
                  image: app:1
                  livenessProbe: {httpGet: {host: 169.254.169.254, port: 80}}
            """;

    @Override
    protected Check check() {
        return new HostProbeCheck();
    }

    @Test
    void shouldApplyFromVersion134Only() {
        assertThat(findings("t.yaml", PROBE, Targets.v1(33))).isEmpty();
        assertThat(findings("t.yaml", PROBE, Targets.v1(34))).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.containers[0].livenessProbe.httpGet.host");
            assertThat(f.message()).isEqualTo("Container 'app': livenessProbe.httpGet.host is '169.254.169.254'");
        });
    }

    @Test
    void shouldNameTheLifecycleHook() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      lifecycle: {preStop: {tcpSocket: {host: db, port: 5432}}}
                """)).singleElement().extracting(Finding::message)
                .isEqualTo("Container 'app': lifecycle.preStop.tcpSocket.host is 'db'");
    }
}
