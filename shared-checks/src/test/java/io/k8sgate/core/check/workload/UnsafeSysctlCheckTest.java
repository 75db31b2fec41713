package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class UnsafeSysctlCheckTest extends AbstractCheckTest {
    private static final String RMEM = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}]
              containers: [{name: app, image: "app:1"}]
            """;

    @Override
    protected Check check() {
        return new UnsafeSysctlCheck();
    }

    @Test
    void shouldGrowTheAllowListWithTheTargetVersion() {
        assertThat(UnsafeSysctlCheck.allowed(Targets.v1(26).targetKubernetesVersion())).hasSize(5);
        assertThat(UnsafeSysctlCheck.allowed(Targets.v1(27).targetKubernetesVersion())).hasSize(6);
        assertThat(UnsafeSysctlCheck.allowed(Targets.v1(31).targetKubernetesVersion())).hasSize(10);
        assertThat(UnsafeSysctlCheck.allowed(Targets.v1(36).targetKubernetesVersion())).hasSize(12);
        assertThat(UnsafeSysctlCheck.allowed(Targets.v1(37).targetKubernetesVersion())).hasSize(14);
    }

    @Test
    void shouldAllowTcpBufferSizesFromVersion132() {
        assertThat(findings("t.yaml", RMEM, Targets.v1(32))).isEmpty();
        assertThat(findings("t.yaml", RMEM, Targets.v1(31))).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.securityContext.sysctls[0].name");
            assertThat(f.message()).isEqualTo(
                    "Pod sets sysctl 'net.ipv4.tcp_rmem', which is not in the safe set of Kubernetes v1.31");
        });
    }
}
