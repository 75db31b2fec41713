package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class HostPathVolumeCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new HostPathVolumeCheck();
    }

    @Test
    void shouldNameTheVolumeAndTheHostPath() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: app, image: "app:1"}]
                  volumes:
                    - name: cache
                      emptyDir: {}
                    - name: sock
                      hostPath: {path: /var/run/docker.sock}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.volumes[1].hostPath");
                    assertThat(f.message()).isEqualTo("Volume 'sock' mounts the node's path '/var/run/docker.sock'");
                });
    }
}
