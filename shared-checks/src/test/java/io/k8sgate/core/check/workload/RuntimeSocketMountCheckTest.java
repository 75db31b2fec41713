package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeSocketMountCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new RuntimeSocketMountCheck();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"/var/run/docker.sock,/var/run/docker.sock", "/run/docker.sock/,/run/docker.sock",
        "/var/run,/var/run/docker.sock", "/run/containerd,/run/containerd/containerd.sock",
        "/run/k3s,/run/k3s/containerd/containerd.sock", "/var/run/crio/crio.sock,/var/run/crio/crio.sock",
        "/var,/var/run/docker.sock", "/run/podman/podman.sock,/run/podman/podman.sock"})
    void shouldRecogniseSocketsAndTheDirectoriesHoldingThem(final String hostPath, final String socket) {
        assertThat(RuntimeSocketMountCheck.exposedSocket(hostPath)).contains(socket);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"/var/log", "/var/lib/docker", "/etc", "/var/run-docker.sock", "/runner", "''"})
    void shouldIgnoreOtherPaths(final String hostPath) {
        assertThat(RuntimeSocketMountCheck.exposedSocket(hostPath)).isEmpty();
    }

    @Test
    void shouldNameTheVolumeAndTheSocket() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: ci}
                spec:
                  containers: [{name: a, image: "a:1"}]
                  volumes:
                    - name: dind
                      hostPath: {path: /var/run}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("Volume 'dind' mounts host path '/var/run', which exposes the "
                            + "container runtime socket /var/run/docker.sock");
                    assertThat(f.fieldPath()).isEqualTo("spec.volumes[0].hostPath.path");
                });
    }
}
